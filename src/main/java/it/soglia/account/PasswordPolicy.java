package it.soglia.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a new password must be: at least 12 characters, not the username, not a well-known password. Length beats
 * composition rules (NIST SP 800-63B), so there are none of those.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 1024;

    /** Why a password is refused; the page words it. */
    public enum Problem { TOO_SHORT, TOO_LONG, CONTROL_CHARACTER, IS_USERNAME, TOO_COMMON }

    /** Line breaks, tabs, NUL and the like: no keyboard types them into a password field, and no one could again. */
    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    public static Optional<Problem> check(String username, String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of(Problem.TOO_SHORT);
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of(Problem.TOO_LONG);
        }
        if (CONTROL.matcher(password).find()) {
            return Optional.of(Problem.CONTROL_CHARACTER);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (lower.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of(Problem.IS_USERNAME);
        }
        return COMMON.contains(lower) ? Optional.of(Problem.TOO_COMMON) : Optional.empty();
    }

    private static Set<String> load() {
        var in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt");
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

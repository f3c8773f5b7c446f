package it.soglia.totp;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a person types into a code field, made into a code or refused. Authenticator apps show "123 456" and
 * some people type "123-456": one space or hyphen between two groups of digits is tolerated, nothing else.
 * Only ASCII digits count: "١٢٣٤٥٦" or full-width digits are refused rather than silently converted.
 */
public final class CodeInput {

    private static final Pattern ACCEPTED = Pattern.compile("[0-9]+(?:[ \\-][0-9]+)?");

    private CodeInput() {
    }

    public static Optional<String> normalize(String typed, int digits) {
        if (typed == null || typed.length() > 64) {
            return Optional.empty();
        }
        String trimmed = typed.strip();
        if (!ACCEPTED.matcher(trimmed).matches()) {
            return Optional.empty();
        }
        String code = trimmed.replace(" ", "").replace("-", "");
        return code.length() == digits ? Optional.of(code) : Optional.empty();
    }
}

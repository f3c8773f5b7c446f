package it.soglia.web.admin;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The detail of an audit row in the reader's language. The services store it in English, in a few fixed shapes
 * ("by ADMIN: reason", "9 left", "role USER -&gt; ADMIN"), and rows written long ago keep theirs: so the translation
 * happens when the row is shown, shape by shape, into the {@code audit.detail.*} texts with the row's values. A
 * detail of no known shape is shown as it was written. No Faces here: the bundle, the locale and the time format
 * come from the caller.
 */
public final class AuditDetails {

    /** Fixed texts: the English stored, and its key. */
    private static final List<String[]> FIXED = List.of(
            new String[] {"unknown account", "unknown-account"},
            new String[] {"account disabled", "account-disabled"},
            new String[] {"wrong password", "wrong-password"},
            new String[] {"email change", "email-change"},
            new String[] {"code step and password step", "unlocked-both"},
            new String[] {"nothing to reset (not enrolled or disabled)", "nothing-to-reset"},
            new String[] {"no email on the account", "no-email"},
            new String[] {"email did not match", "email-mismatch"},
            new String[] {"email matched", "email-match"},
            new String[] {"no email: an admin must unlock", "admin-must-unlock"},
            new String[] {"reset link mailed", "unlock-link-mailed"},
            new String[] {"after the password and a code typed now", "key-shown"},
            new String[] {"code typed now, to link a new authenticator", "proof-new-authenticator"},
            new String[] {"replaced the previous authenticator", "replaced-authenticator"},
            new String[] {"wrong recovery code", "wrong-recovery-code"},
            new String[] {"code already used", "code-reused"},
            new String[] {"wrong code", "wrong-code"},
            new String[] {"empty password", "empty-password"},
            new String[] {"not in the directory", "not-in-directory"},
            new String[] {"disabled in the directory", "disabled-in-directory"},
            new String[] {"username of another account", "username-taken"},
            new String[] {"directory account, no directory configured", "no-directory"},
            new String[] {"password check", "directory-password-check"});

    private static final Pattern CODE_FOR = Pattern.compile("(to show the key|to link a new authenticator|new authenticator): (.+)");
    private static final Pattern REFUSED = Pattern.compile("(locked|must wait): (client address|username|password typed again in a session)");
    private static final Pattern LANGUAGE = Pattern.compile("language (\\w+)");
    private static final Pattern ROLE = Pattern.compile("role (\\w+)");
    private static final Pattern ROLE_CHANGE = Pattern.compile("role (\\w+) -> (\\w+)");
    private static final Pattern LINKS = Pattern.compile("(\\d+) links in the last hour");
    private static final Pattern LEFT = Pattern.compile("(\\d+) left");
    private static final Pattern RESET_BY = Pattern.compile("by (LINK|SELF|ADMIN)(?:: (.*))?", Pattern.DOTALL);
    private static final Pattern VALID_UNTIL = Pattern.compile("valid until (\\S+)");
    private static final Pattern UNTIL = Pattern.compile("until (\\S+)");
    private static final Pattern LOCKED_FOR_GOOD = Pattern.compile("until an admin unlocks it or a reset: (\\d+) locks in a row");

    private final ResourceBundle bundle;
    private final Locale locale;
    private final Function<Instant, String> time;

    public AuditDetails(ResourceBundle bundle, Locale locale, Function<Instant, String> time) {
        this.bundle = bundle;
        this.locale = locale;
        this.time = time;
    }

    /** The detail as the reader reads it; {@code null} or blank gives "". */
    public String translate(String detail) {
        if (detail == null || detail.isBlank()) {
            return "";
        }
        String known = known(detail);
        if (known != null) {
            return known;
        }
        return changes(detail); // the admin's edit: "name, email, role USER -> ADMIN"
    }

    private String known(String detail) {
        for (String[] fixed : FIXED) {
            if (fixed[0].equals(detail)) {
                return text(fixed[1]);
            }
        }
        Matcher m;
        if ((m = CODE_FOR.matcher(detail)).matches() && known(m.group(2)) != null) {
            return text("for", text("purpose." + m.group(1).replace(' ', '-')), known(m.group(2)));
        }
        if ((m = REFUSED.matcher(detail)).matches()) {
            return text(m.group(1).replace(' ', '-'), text("refused." + m.group(2).replace(' ', '-')));
        }
        if ((m = LANGUAGE.matcher(detail)).matches() && has("language." + m.group(1))) {
            return text("language", bundle.getString("language." + m.group(1)));
        }
        if ((m = LINKS.matcher(detail)).matches()) {
            return text("links-last-hour", Integer.valueOf(m.group(1)));
        }
        if ((m = LEFT.matcher(detail)).matches()) {
            return text("recovery-left", Integer.valueOf(m.group(1)));
        }
        if ((m = RESET_BY.matcher(detail)).matches()) {
            String by = text("reset." + m.group(1));
            return m.group(2) == null ? by : text("with-reason", by, m.group(2));
        }
        if ((m = LOCKED_FOR_GOOD.matcher(detail)).matches()) {
            return text("locked-for-good", Integer.valueOf(m.group(1)));
        }
        if ((m = VALID_UNTIL.matcher(detail)).matches() && instant(m.group(1)) != null) {
            return text("valid-until", time.apply(instant(m.group(1))));
        }
        if ((m = UNTIL.matcher(detail)).matches() && instant(m.group(1)) != null) {
            return text("until", time.apply(instant(m.group(1))));
        }
        return null;
    }

    /** A list of changed fields; shown as written if any part of it has no known shape. */
    private String changes(String detail) {
        List<String> parts = new ArrayList<>();
        for (String part : detail.split(", ")) {
            Matcher m;
            if (part.equals("name") || part.equals("email")) {
                parts.add(text("field." + part));
            } else if ((m = ROLE_CHANGE.matcher(part)).matches() && has("role." + m.group(1)) && has("role." + m.group(2))) {
                parts.add(text("role-change", bundle.getString("role." + m.group(1)), bundle.getString("role." + m.group(2))));
            } else if ((m = ROLE.matcher(part)).matches() && has("role." + m.group(1))) {
                parts.add(text("role", bundle.getString("role." + m.group(1))));
            } else {
                return detail;
            }
        }
        return String.join(", ", parts);
    }

    private String text(String key, Object... arguments) {
        String pattern = bundle.getString("audit.detail." + key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
    }

    private boolean has(String key) {
        try {
            bundle.getString(key);
            return true;
        } catch (MissingResourceException e) {
            return false;
        }
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

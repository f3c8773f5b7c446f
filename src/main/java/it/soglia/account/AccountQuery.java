package it.soglia.account;

/**
 * What the admins' users table asks for. Null fields do not filter.
 *
 * @param text       matched, ignoring case, within username, display name and email
 * @param lockedOnly only accounts whose code step is locked now
 * @param enabled    only enabled (true) or disabled (false) accounts
 */
public record AccountQuery(String text, Role role, TwoFactorState twoFactorState, Boolean lockedOnly,
                           Boolean enabled) implements java.io.Serializable {

    /** Sortable columns, by the name the page uses. */
    public enum SortField {
        username("usernameKey"), displayName("displayName"), email("email"), role("role"),
        twoFactorState("twoFactorState"), codeLockedUntil("codeLockedUntil"), lastSignInAt("lastSignInAt");

        final String attribute;

        SortField(String attribute) {
            this.attribute = attribute;
        }
    }
}

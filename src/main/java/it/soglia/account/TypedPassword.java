package it.soglia.account;

import it.soglia.audit.RequestOrigin;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;

/**
 * A username and password someone typed, as Soglia's identity stores receive it: with where it came from (their
 * audit rows and provisioning need it) and a {@link Report} in which a store says why it refused, for the one
 * audit row {@link PasswordCheck} writes. Too long or missing passwords arrive as the empty password, which no
 * store accepts (a directory never sees it: an empty password is an anonymous bind there).
 */
public final class TypedPassword extends UsernamePasswordCredential {

    /** Longer input cannot be a password of ours; still checked (as the empty one), so it costs the usual time. */
    static final int MAX_PASSWORD = 1024;

    private final RequestOrigin origin;
    private final Report report = new Report();

    public TypedPassword(String username, String password, RequestOrigin origin) {
        super(username == null ? "" : username,
                password == null || password.length() > MAX_PASSWORD ? "" : password);
        this.origin = origin;
    }

    public RequestOrigin origin() {
        return origin;
    }

    public Report report() {
        return report;
    }

    /** What the store that decided found out; written by the stores, read by {@link PasswordCheck}. */
    public static final class Report {
        private String accountUsername;
        private String failure;
        private boolean directoryUnavailable;
        private Account accepted;

        /**
         * The store accepted the password for {@code account}, as it read it in its check: the caller needs not read
         * it again (a sign-in is a handful of short transactions, each one costs).
         */
        public void accepted(Account account) {
            this.accepted = account;
        }

        /** The account the store accepted, if it said which; null otherwise. */
        public Account acceptedAccount() {
            return accepted;
        }

        /** The store knew the account (for the audit row's actor), and why it said no. */
        public void refused(String accountUsername, String failure) {
            this.accountUsername = accountUsername;
            this.failure = failure;
        }

        public void directoryUnavailable() {
            this.directoryUnavailable = true;
        }

        public String accountUsername() {
            return accountUsername;
        }

        public String failure() {
            return failure;
        }

        public boolean isDirectoryUnavailable() {
            return directoryUnavailable;
        }
    }
}

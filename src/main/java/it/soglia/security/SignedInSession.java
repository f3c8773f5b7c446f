package it.soglia.security;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;

/**
 * When this session completed its sign-in: a reset, a password change or disabling the account after that instant
 * ends it ({@link SessionRevocationFilter}).
 */
@Named("signedIn")
@SessionScoped
public class SignedInSession implements Serializable {

    private static final long serialVersionUID = 1L;

    private Instant signedInAt;
    /** When the code step completed; unlike {@link #signedInAt}, never moved: the session's absolute lifetime. */
    private Instant since;
    private Instant passwordConfirmedAt;
    private boolean admin;
    private long accountId;
    private Instant previousSignInAt;
    private String previousSignInIp;
    /** When the directory last said this session's user is still there and enabled (directory accounts only). */
    private Instant directoryCheckedAt;

    /**
     * A completed sign-in; {@code previousAt} and {@code previousIp} are the account's sign-in before this one (none
     * at the first), which the profile shows: the current one tells the user nothing, the one before may tell them
     * someone else was here.
     */
    void record(long accountId, Instant at, boolean admin, Instant previousAt, String previousIp) {
        this.accountId = accountId;
        this.previousSignInAt = previousAt;
        this.previousSignInIp = previousIp;
        this.signedInAt = at;
        this.since = at;
        this.passwordConfirmedAt = at;
        this.admin = admin;
        this.directoryCheckedAt = at; // the sign-in's own password check asked the directory just now
    }

    Instant directoryCheckedAt() {
        return directoryCheckedAt;
    }

    void directoryChecked(Instant at) {
        this.directoryCheckedAt = at;
    }

    /**
     * Whether the admin links are shown. (Pages read this rather than {@code request.isUserInRole}, which fails on
     * Payara 7 while an error page is rendered; access itself is still decided by the container.)
     */
    public boolean isAdmin() {
        return admin;
    }

    /** The password was typed again (step-up) for a sensitive page or action. */
    public void recordPasswordConfirmed(Instant at) {
        this.passwordConfirmedAt = at;
    }

    /** Whether the password was typed within {@code window}: sensitive pages and actions need it. */
    public boolean isFresh(Instant now, java.time.Duration window) {
        return passwordConfirmedAt != null && now.isBefore(passwordConfirmedAt.plus(window));
    }

    /**
     * The account's sessions signed in until {@code revokedAt} were ended by a change made from this one (a new
     * password): this session goes on, as if signed in just after.
     */
    public void outlive(Instant revokedAt) {
        this.signedInAt = revokedAt.plusMillis(1); // strictly after, whatever fraction of a second the database kept
    }

    /** The account signed in, by id: a username deleted and created again is another account. */
    public long accountId() {
        return accountId;
    }

    public Instant getPreviousSignInAt() {
        return previousSignInAt;
    }

    public String getPreviousSignInIp() {
        return previousSignInIp;
    }

    /** When the password and code of this sign-in were typed: an application's {@code auth_time}. */
    public Instant since() {
        return since;
    }

    public Instant signedInAt() {
        return signedInAt;
    }

    /** Whether the sign-in is older than {@code maxLifetime}: then it ends, however active the session was. */
    public boolean hasOutlived(Instant now, java.time.Duration maxLifetime) {
        return since != null && !now.isBefore(since.plus(maxLifetime));
    }
}

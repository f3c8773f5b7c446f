package it.soglia.account;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A person who signs in. The second factors enrolled are entities of their own (the TOTP authenticator,
 * {@code it.soglia.twofactor.TotpAuthenticator}); the account keeps whether one is enrolled and the code step's lock.
 */
@Entity
@Table(name = "account")
@NamedQuery(name = Account.BY_USERNAME_KEY, query = "select a from Account a where a.usernameKey = :key")
@NamedQuery(name = Account.BY_DIRECTORY_ID, query = "select a from Account a where a.directoryId = :id")
public class Account implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    public static final String BY_USERNAME_KEY = "Account.byUsernameKey";
    public static final String BY_DIRECTORY_ID = "Account.byDirectoryId";

    /** The password hash of a directory account: no Argon2id hash, so no password ever matches it here. */
    static final String NO_LOCAL_PASSWORD = "!directory";

    @Id
    @SequenceGenerator(name = "account_seq", sequenceName = "account_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_seq")
    private Long id;

    @Column(nullable = false, length = 64)
    private String username;

    /** Lower-case copy of the username: uniqueness and look-ups ignore case. */
    @Column(name = "username_key", nullable = false, unique = true, length = 64)
    private String usernameKey;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(length = 254)
    private String email;

    /**
     * Username, display name and email in lower case, in one column: the admins' search reads one value per row
     * instead of three, each lower-cased (BENCHMARKS.md). Kept up to date by every method that changes them.
     */
    @Column(name = "search_text", nullable = false, length = 1040)
    private String searchText;

    /**
     * The search index's keys for {@link #searchText} ({@link SearchKeys}), written in the same transaction as the
     * text. Only the search reads them (through {@link AccountSearchKey}); lazy, so loading an account never does.
     */
    @ElementCollection
    @CollectionTable(name = "account_search_key", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "search_key", nullable = false)
    private Set<Long> searchKeys = new HashSet<>();

    @Column(nullable = false, length = 8)
    private String language;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Role role;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "password_hash", nullable = false, length = 255)
    private String passwordHash;

    /** Set for accounts an admin created: their random initial password must be replaced at the first sign-in. */
    @Column(name = "password_change_required", nullable = false)
    private boolean passwordChangeRequired;

    /**
     * Whether any second factor is enrolled, written by {@code TwoFactorService} in the transaction that creates or
     * deletes the authenticator. A column of the account, not a join: the admins' users table filters and sorts by it
     * on the index {@code account_two_factor_state_id} (BENCHMARKS.md).
     */
    @Enumerated(EnumType.STRING)
    @Column(name = "two_factor_state", nullable = false, length = 16)
    private TwoFactorState twoFactorState;

    /*
     * The code step's lock lives here, on the account, and only here: it counts every proof of the second step
     * (authenticator codes and recovery codes alike, and those of any factor kind added later), so a guesser gets
     * one counter whatever they type. A reset or a new authenticator clears it (clearCodeFailures), as before the
     * authenticator had a table of its own; deleting the authenticator's row is not what clears it.
     */
    @Column(name = "code_failures", nullable = false)
    private int codeFailures;

    @Column(name = "code_locked_until")
    private Instant codeLockedUntil;

    /** Locks of the code step in a row, with no right code in between. */
    @Column(name = "code_lockouts", nullable = false)
    private int codeLockouts;

    /** The code step stays locked until an admin unlocks it or the second factor is reset. */
    @Column(name = "code_locked_for_good", nullable = false)
    private boolean codeLockedForGood;

    @Column(name = "last_sign_in_at")
    private Instant lastSignInAt;

    @Column(name = "last_sign_in_ip", length = 64)
    private String lastSignInIp;

    /** Sessions signed in before this instant are ended at their next request (a reset, for one). */
    @Column(name = "sessions_revoked_at")
    private Instant sessionsRevokedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** Who checks the password: Soglia ({@code LOCAL}) or the company directory ({@code DIRECTORY}). */
    @Column(name = "password_source", nullable = false, length = 16)
    private String passwordSource = "LOCAL";

    /** The directory's stable id of a directory account (entryUUID, objectGUID): renames keep the account. */
    @Column(name = "directory_id", length = 64)
    private String directoryId;

    @Version
    private long version;

    protected Account() {
        // for JPA
    }

    public Account(String username, String displayName, String email, String language, Role role,
                   String passwordHash, Instant now) {
        this.username = username;
        this.usernameKey = keyOf(username);
        this.displayName = displayName;
        this.email = email;
        describeForSearch();
        this.language = language;
        this.role = role;
        this.enabled = true;
        this.passwordHash = passwordHash;
        this.twoFactorState = TwoFactorState.NOT_ENROLLED;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A person of the company directory, at their first sign-in there: the directory checks their password. */
    public static Account fromDirectory(String directoryId, String username, String displayName, String email,
                                        Role role, Instant now) {
        Account account = new Account(username, displayName, email, "it", role, NO_LOCAL_PASSWORD, now);
        account.passwordSource = "DIRECTORY";
        account.directoryId = directoryId;
        return account;
    }

    public boolean isFromDirectory() {
        return "DIRECTORY".equals(passwordSource);
    }

    public String getDirectoryId() {
        return directoryId;
    }

    /**
     * What the directory says of its user at a sign-in: a renamed user keeps the account (and the second factor)
     * under the new username. The email is the directory's when it has one; a new role ends the other sessions.
     */
    public void refreshFromDirectory(String username, String displayName, String email, Role role, Instant now) {
        this.username = username;
        this.usernameKey = keyOf(username);
        changeDetails(displayName, email == null ? this.email : email, role, now);
    }

    /** The form under which usernames are unique: "Mario.Rossi" and "mario.rossi" are one account. */
    public static String keyOf(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }

    /** What the admins' global search looks in; a search term is lower-cased the same way. */
    public static String searchTextOf(String username, String displayName, String email) {
        return (username + " " + displayName + " " + (email == null ? "" : email)).toLowerCase(Locale.ROOT);
    }

    /** The search text and its index keys, after any change of username, name or email. */
    private void describeForSearch() {
        this.searchText = searchTextOf(username, displayName, email);
        Set<Long> keys = SearchKeys.of(searchText);
        searchKeys.retainAll(keys); // changed in place: only the keys that differ are deleted and inserted
        searchKeys.addAll(keys);
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getEmail() {
        return email;
    }

    public String getLanguage() {
        return language;
    }

    public Role getRole() {
        return role;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public TwoFactorState getTwoFactorState() {
        return twoFactorState;
    }

    public boolean isTwoFactorActive() {
        return twoFactorState == TwoFactorState.ACTIVE;
    }

    public int getCodeFailures() {
        return codeFailures;
    }

    public Instant getCodeLockedUntil() {
        return codeLockedUntil;
    }

    public Instant getLastSignInAt() {
        return lastSignInAt;
    }

    public String getLastSignInIp() {
        return lastSignInIp;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSessionsRevokedAt() {
        return sessionsRevokedAt;
    }

    /** Whether a session signed in at {@code signedInAt} may go on. */
    public boolean acceptsSessionSignedInAt(Instant signedInAt) {
        return enabled && (sessionsRevokedAt == null || signedInAt.isAfter(sessionsRevokedAt));
    }

    public boolean isCodeLockedAt(Instant now) {
        return codeLockedForGood || codeLockedUntil != null && now.isBefore(codeLockedUntil);
    }

    /** Locked until an admin unlocks it or a reset, not for a while: {@link #getCodeLockedUntil()} is then null. */
    public boolean isCodeLockedForGood() {
        return codeLockedForGood;
    }

    /**
     * A new role also ends the account's sessions: the container fixed their groups at sign-in, so a demoted admin
     * would otherwise keep admin rights until signing out.
     */
    public void changeDetails(String displayName, String email, Role role, Instant now) {
        this.displayName = displayName;
        this.email = email;
        describeForSearch();
        if (this.role != role) {
            this.sessionsRevokedAt = now;
        }
        this.role = role;
        this.updatedAt = now;
    }

    /** Every session signed in until now ends at its next request (the directory disabled or removed the user). */
    public void endSessions(Instant now) {
        this.sessionsRevokedAt = now;
        this.updatedAt = now;
    }

    public void unlockCodeStep(Instant now) {
        clearCodeFailures();
        this.updatedAt = now;
    }

    /** Disabling also ends the account's sessions at their next request. */
    public void setEnabled(boolean enabled, Instant now) {
        this.enabled = enabled;
        if (!enabled) {
            this.sessionsRevokedAt = now;
        }
        this.updatedAt = now;
    }

    public void changePasswordHash(String newHash, Instant now) {
        this.passwordHash = newHash;
        this.updatedAt = now;
    }

    /**
     * A password chosen by the user themself: no change required any more, and every session signed in until now
     * ends, since whoever had the old password may be among them. The session that made the change is kept by its
     * page ({@code SignedInSession#outlive}).
     */
    public void choosePassword(String newHash, Instant now) {
        changePasswordHash(newHash, now);
        this.passwordChangeRequired = false;
        this.sessionsRevokedAt = now;
    }

    public void requirePasswordChange() {
        this.passwordChangeRequired = true;
    }

    public boolean isPasswordChangeRequired() {
        return passwordChangeRequired;
    }

    public void changeEmail(String email, Instant now) {
        this.email = email;
        describeForSearch();
        this.updatedAt = now;
    }

    public void changeLanguage(String language, Instant now) {
        this.language = language;
        this.updatedAt = now;
    }

    /** The first code from a new authenticator was right: it is the one to check from now on. */
    public void activateTwoFactor(Instant now) {
        this.twoFactorState = TwoFactorState.ACTIVE;
        clearCodeFailures();
        this.updatedAt = now;
    }

    /**
     * Back to first access (the caller deletes the authenticator): failures and lock cleared, and every session
     * signed in until now ends.
     */
    public void resetTwoFactor(Instant now) {
        this.twoFactorState = TwoFactorState.NOT_ENROLLED;
        clearCodeFailures();
        this.sessionsRevokedAt = now;
        this.updatedAt = now;
    }

    /** A right code of the authenticator: the series of wrong codes ends. */
    public void acceptCode(Instant now) {
        clearCodeFailures();
        this.updatedAt = now;
    }

    /** A recovery code stood in for the authenticator's code: the series of wrong codes ends. */
    public void acceptRecoveryCode(Instant now) {
        clearCodeFailures();
        this.updatedAt = now;
    }

    /** What a wrong code did to the code step. */
    public enum CodeLock { NONE, UNTIL_A_TIME, FOR_GOOD }

    /**
     * Counts a wrong code. The {@code maxFailures}-th in a row locks the code step until {@code lockedUntil}; the
     * {@code maxLockouts}-th such lock with no right code in between (0: no cap) locks it for good, since a lock that
     * only pauses would let someone with the password try a few codes every quarter of an hour for ever.
     */
    public CodeLock countCodeFailure(int maxFailures, int maxLockouts, Instant lockedUntil, Instant now) {
        this.codeFailures++;
        this.updatedAt = now;
        if (codeFailures < maxFailures) {
            return CodeLock.NONE;
        }
        this.codeFailures = 0; // after the lock, a fresh series of attempts
        this.codeLockouts++;
        if (maxLockouts > 0 && codeLockouts >= maxLockouts) {
            this.codeLockedForGood = true;
            this.codeLockedUntil = null;
            return CodeLock.FOR_GOOD;
        }
        this.codeLockedUntil = lockedUntil;
        return CodeLock.UNTIL_A_TIME;
    }

    public void recordSignIn(Instant at, String ip) {
        this.lastSignInAt = at;
        this.lastSignInIp = ip;
    }

    /** A right code, a recovery code, an admin's unlock or a reset: no lock, and the cap counts from zero again. */
    private void clearCodeFailures() {
        this.codeFailures = 0;
        this.codeLockedUntil = null;
        this.codeLockouts = 0;
        this.codeLockedForGood = false;
    }
}

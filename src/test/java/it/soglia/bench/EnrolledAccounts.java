package it.soglia.bench;

import it.soglia.account.Account;
import it.soglia.account.Argon2Parameters;
import it.soglia.account.Argon2PasswordHasher;
import it.soglia.totp.Totp;
import it.soglia.totp.TotpPolicy;
import it.soglia.totp.TotpSecret;
import it.soglia.crypto.SecretCipher;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

/**
 * Accounts with an enrolled authenticator, written straight into Soglia's database as Soglia would have stored
 * them after an enrolment (Argon2id hash at the configured parameters, TOTP secret AES-GCM encrypted with Soglia's
 * key and bound to the account), and handed out so that no account signs in twice in one time step: Soglia accepts
 * a code only for a step newer than the account's last one.
 */
final class EnrolledAccounts {

    static final String PASSWORD = "bench-user-password-2026";
    private static final long ID_BASE = 2_000_000_000L; // far above EclipseLink's sequence blocks

    /** One account and what its authenticator app knows. */
    static final class Enrolled {
        final String username;
        final byte[] secret;
        private long lastStep = Long.MIN_VALUE; // the step of its last code, guarded by the pool's lock
        private boolean inUse;

        Enrolled(String username, byte[] secret) {
            this.username = username;
            this.secret = secret;
        }
    }

    private final Enrolled[] accounts;
    private final Totp totp = new Totp(TotpPolicy.DEFAULT, Clock.systemUTC()); // Soglia runs on the same clock
    private int next;
    private long waitsForNextStep;

    private EnrolledAccounts(Enrolled[] accounts) {
        this.accounts = accounts;
    }

    /**
     * Inserts {@code count} enrolled accounts. One password hash is shared by all: checking it costs the same
     * whatever the salt, and hashing thousands would only slow the set-up down.
     */
    static EnrolledAccounts create(Connection db, int count, byte[] cryptoKey) throws SQLException {
        SecureRandom random = new SecureRandom();
        String hash = new Argon2PasswordHasher(Argon2Parameters.DEFAULT, random).hash(PASSWORD);
        SecretCipher cipher = new SecretCipher(cryptoKey, random);
        Instant now = Instant.now();
        Enrolled[] accounts = new Enrolled[count];
        db.setAutoCommit(false);
        try (PreparedStatement insert = db.prepareStatement("insert into account (id, username, username_key,"
                + " display_name, email, language, role, enabled, password_hash, two_factor_state,"
                + " code_failures, created_at, updated_at, version, search_text)"
                + " values (?, ?, ?, ?, ?, 'it', 'USER', true, ?, 'ACTIVE', 0, ?, ?, 0, ?)");
             PreparedStatement insertTotp = db.prepareStatement("insert into totp_authenticator (account_id, secret,"
                     + " last_step, enrolled_at, drift_streak) values (?, ?, 0, ?, 0)")) {
            for (int i = 0; i < count; i++) {
                long id = ID_BASE + i;
                String username = "bench.user." + i;
                String displayName = "Bench User " + i;
                String email = username + "@example.test";
                byte[] secret = TotpSecret.generate(random);
                insert.setLong(1, id);
                insert.setString(2, username);
                insert.setString(3, username);
                insert.setString(4, displayName);
                insert.setString(5, email);
                insert.setString(6, hash);
                insert.setTimestamp(7, Timestamp.from(now));
                insert.setTimestamp(8, Timestamp.from(now));
                insert.setString(9, Account.searchTextOf(username, displayName, email));
                insert.addBatch();
                insertTotp.setLong(1, id);
                insertTotp.setString(2, cipher.encrypt(secret, activeSecretContext(id)));
                insertTotp.setTimestamp(3, Timestamp.from(now));
                insertTotp.addBatch();
                accounts[i] = new Enrolled(username, secret);
            }
            insert.executeBatch();
            insertTotp.executeBatch();
            db.commit();
        }
        return new EnrolledAccounts(accounts);
    }

    /** Must match TwoFactorService.activeContext: the encryption binds a secret to its account. */
    private static String activeSecretContext(long accountId) {
        return "soglia:totp:active:" + accountId;
    }

    /**
     * The next account whose last code is from an earlier step than now. Accounts are taken in turn, so the next
     * one is always the one that signed in longest ago; if even that one signed in during this step (more sign-ins
     * per step than accounts), waits for the next step and counts the wait.
     */
    synchronized Enrolled take() throws InterruptedException {
        while (true) {
            long step = totp.currentStep();
            for (int i = 0; i < accounts.length; i++) {
                Enrolled candidate = accounts[next];
                next = (next + 1) % accounts.length;
                if (!candidate.inUse && candidate.lastStep < step) {
                    candidate.inUse = true;
                    return candidate;
                }
            }
            waitsForNextStep++;
            wait(1000); // the step changes at most 30 s from now; the lock is released meanwhile
        }
    }

    /** The code the account's authenticator shows now; remembers its step so the account waits for a newer one. */
    synchronized String codeNow(Enrolled account) {
        long step = totp.currentStep();
        account.lastStep = step;
        return totp.codeAt(account.secret, step);
    }

    synchronized void giveBack(Enrolled account) {
        account.inUse = false;
        notifyAll();
    }

    synchronized long waitsForNextStep() {
        return waitsForNextStep;
    }

    int size() {
        return accounts.length;
    }
}

package it.soglia.twofactor;

import it.soglia.totp.RecoveryCodeFormat;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The recovery codes of accounts, kept as salted PBKDF2 hashes. Used inside {@link TwoFactorService}'s transactions, which lock
 * the account row first: two requests cannot spend one code twice.
 */
@Dependent
class RecoveryCodeStore {

    /** Codes per set: enough for years of lost phones, few enough to print on one sheet. */
    static final int CODES_PER_SET = 10;

    @PersistenceContext
    EntityManager em;

    @Inject
    SecureRandom random;

    /** A new set replacing any earlier one; the codes in clear are returned to be shown once and never again. */
    List<String> issue(long accountId, Instant now) {
        eraseAll(accountId);
        List<String> codes = new ArrayList<>(CODES_PER_SET);
        for (int i = 0; i < CODES_PER_SET; i++) {
            String code = RecoveryCodeFormat.generate(random);
            codes.add(code);
            em.persist(new RecoveryCode(accountId,
                    RecoveryCodeFormat.hash(RecoveryCodeFormat.normalize(code).orElseThrow(), random), now));
        }
        return List.copyOf(codes);
    }

    /** Spends the typed code if it is one of the account's unused codes. Every stored code is checked. */
    boolean redeem(long accountId, String canonicalCode, Instant now) {
        RecoveryCode match = null;
        for (RecoveryCode stored : em.createNamedQuery(RecoveryCode.UNUSED_OF, RecoveryCode.class)
                .setParameter("account", accountId).getResultList()) {
            if (RecoveryCodeFormat.matches(canonicalCode, stored.codeHash())) {
                match = stored;
            }
        }
        if (match == null) {
            return false;
        }
        match.markUsed(now);
        return true;
    }

    long unusedCount(long accountId) {
        return em.createNamedQuery(RecoveryCode.COUNT_UNUSED_OF, Long.class).setParameter("account", accountId)
                .getSingleResult();
    }

    void eraseAll(long accountId) {
        em.createNamedQuery(RecoveryCode.ERASE_ALL_OF).setParameter("account", accountId).executeUpdate();
    }
}

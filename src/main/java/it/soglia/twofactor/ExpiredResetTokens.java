package it.soglia.twofactor;

import it.soglia.housekeeping.BatchDelete;
import it.soglia.housekeeping.Purge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;

/**
 * Reset links past their expiry, used, voided or neither: none can be used any more, and an unknown link gets the same
 * answer as an expired one. Each is kept while it still counts for the per-account limit of reset mails
 * ({@link ResetService#MAILS_PER_HOUR}), so a purge never lets a fourth mail out within the hour.
 */
@ApplicationScoped
public class ExpiredResetTokens implements Purge {

    @PersistenceContext
    EntityManager em;

    @Override
    public String rows() {
        return "expired reset tokens";
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int deleteSome(Instant now, int max) {
        return BatchDelete.delete(em, "ResetToken", "id", "e.expiresAt < :now and e.createdAt < :limitWindowStart",
                Map.of("now", now, "limitWindowStart", now.minus(ResetService.MAIL_LIMIT_WINDOW)), max);
    }
}

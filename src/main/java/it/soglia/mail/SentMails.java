package it.soglia.mail;

import it.soglia.housekeeping.BatchDelete;
import it.soglia.housekeeping.Purge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;

/**
 * Outbox rows of mails delivered: their bodies are already erased, and nobody reads them. Failed ones stay: the
 * admins' "Mail non recapitate" page lists them until they are sent again.
 */
@ApplicationScoped
public class SentMails implements Purge {

    @PersistenceContext
    EntityManager em;

    @Override
    public String rows() {
        return "sent mails";
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int deleteSome(Instant now, int max) {
        return BatchDelete.delete(em, "OutboxMessage", "id", "e.status = :sent", Map.of("sent", OutboxStatus.SENT),
                max);
    }
}

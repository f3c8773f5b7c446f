package it.soglia.oidc;

import it.soglia.account.Account;
import it.soglia.account.Role;
import it.soglia.audit.AuditType;
import it.soglia.audit.RequestOrigin;
import it.soglia.mail.MailOutbox;
import it.soglia.mail.MailTemplates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Locale;

/**
 * Tells every admin when an application was registered, changed, disabled or given a new secret: whoever can sign
 * users in to an application is worth a second pair of eyes. Queued in the caller's transaction.
 */
@ApplicationScoped
public class ClientNotifications {

    static final String CLIENT_CHANGED = "CLIENT_CHANGED";

    @PersistenceContext
    EntityManager em;

    @Inject
    MailOutbox outbox;

    @Inject
    MailTemplates templates;

    void changed(AuditType what, OidcClient client, String admin, Instant when, RequestOrigin origin) {
        var admins = em.createQuery("select a from Account a where a.role = :role and a.enabled = true"
                + " and a.email is not null", Account.class).setParameter("role", Role.ADMIN).getResultList();
        for (Account recipient : admins) {
            Locale locale = templates.locale(recipient.getLanguage());
            outbox.enqueue(templates.mail(CLIENT_CHANGED, recipient.getEmail(), locale, null,
                    recipient.getDisplayName(), templates.text(locale, "client-changed.what." + what.name()),
                    client.getName(), client.getClientId(), admin, templates.dateTime(when, locale), origin.ip(),
                    templates.contact(locale)));
        }
    }
}

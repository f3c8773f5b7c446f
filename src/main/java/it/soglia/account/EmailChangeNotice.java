package it.soglia.account;

import it.soglia.audit.RequestOrigin;
import it.soglia.mail.MailOutbox;
import it.soglia.mail.MailTemplates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Tells the old and the new address that an account's email changed, whoever changed it. Reset links go to the
 * email: a hijacker (or a mistaken admin) must not move them silently. Queued in the caller's transaction.
 */
@ApplicationScoped
public class EmailChangeNotice {

    static final String BY_OWNER = "EMAIL_CHANGED";
    static final String BY_ADMIN = "EMAIL_CHANGED_BY_ADMIN";
    static final String REMOVED_BY_ADMIN = "EMAIL_REMOVED_BY_ADMIN";

    @Inject
    MailOutbox outbox;

    @Inject
    MailTemplates templates;

    /** The owner changed it on their profile (after typing their password). */
    void changedByOwner(Account account, String oldEmail, Instant when, RequestOrigin origin) {
        tell(BY_OWNER, account, oldEmail, when, origin);
    }

    /** An admin changed or removed it on the user's page. */
    void changedByAdmin(Account account, String oldEmail, Instant when, RequestOrigin origin) {
        tell(account.getEmail() == null ? REMOVED_BY_ADMIN : BY_ADMIN, account, oldEmail, when, origin);
    }

    /** Every template takes {0} name, {1} username, {2} when, {3} new address (empty if none), {4} IP, {5} whom to call. */
    private void tell(String kind, Account account, String oldEmail, Instant when, RequestOrigin origin) {
        Locale locale = templates.locale(account.getLanguage());
        String newEmail = account.getEmail();
        for (String recipient : recipients(oldEmail, newEmail)) {
            outbox.enqueue(templates.mail(kind, recipient, locale, null, account.getDisplayName(),
                    account.getUsername(), templates.dateTime(when, locale), newEmail == null ? "" : newEmail,
                    origin.ip(), templates.contact(locale)));
        }
    }

    /** The old and the new address, each once (a change of case only is one mailbox). */
    private static Set<String> recipients(String oldEmail, String newEmail) {
        Set<String> recipients = new LinkedHashSet<>();
        if (oldEmail != null) {
            recipients.add(oldEmail);
        }
        if (newEmail != null && (oldEmail == null || !oldEmail.equalsIgnoreCase(newEmail))) {
            recipients.add(newEmail);
        }
        return recipients;
    }
}

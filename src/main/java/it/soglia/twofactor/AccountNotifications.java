package it.soglia.twofactor;

import it.soglia.account.Account;
import it.soglia.audit.RequestOrigin;
import it.soglia.config.PublicUrls;
import it.soglia.mail.MailOutbox;
import it.soglia.mail.MailTemplates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Locale;

/**
 * The mails about an account's second factor, queued in the caller's transaction, in the account's language.
 * An account without an email gets none; the audit trail still has the event.
 */
@ApplicationScoped
public class AccountNotifications {

    public static final String RESET_LINK = "RESET_LINK";
    public static final String TWO_FACTOR_RESET = "TWO_FACTOR_RESET";
    public static final String TWO_FACTOR_ENROLLED = "TWO_FACTOR_ENROLLED";

    @Inject
    MailOutbox outbox;

    @Inject
    MailTemplates templates;

    @Inject
    PublicUrls urls;

    void resetLink(Account account, String token, Instant expiresAt, long minutesValid, RequestOrigin origin) {
        Locale locale = templates.locale(account.getLanguage());
        String link = urls.resetLink(token);
        outbox.enqueue(templates.mail(RESET_LINK, account.getEmail(), locale, link,
                account.getDisplayName(), account.getUsername(), link, templates.dateTime(expiresAt, locale),
                minutesValid, origin.ip()));
    }

    /** A new authenticator now makes the codes: if it was not the owner, they must act at once. */
    void enrolled(Account account, Instant when, RequestOrigin origin) {
        if (account.getEmail() == null) {
            return;
        }
        Locale locale = templates.locale(account.getLanguage());
        outbox.enqueue(templates.mail(TWO_FACTOR_ENROLLED, account.getEmail(), locale, null,
                account.getDisplayName(), account.getUsername(), templates.dateTime(when, locale), origin.ip(),
                origin.userAgent(), templates.contact(locale)));
    }

    void twoFactorReset(Account account, ResetCause cause, Instant when, RequestOrigin origin) {
        if (account.getEmail() == null) {
            return;
        }
        Locale locale = templates.locale(account.getLanguage());
        String signIn = urls.signIn();
        outbox.enqueue(templates.mail(TWO_FACTOR_RESET, account.getEmail(), locale, signIn,
                account.getDisplayName(), account.getUsername(), templates.dateTime(when, locale),
                templates.text(locale, "two-factor-reset.by." + cause), origin.ip(), templates.contact(locale), signIn));
    }
}

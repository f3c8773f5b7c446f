package it.soglia.twofactor;

import it.soglia.account.Account;
import it.soglia.audit.RequestOrigin;
import it.soglia.urls.PublicUrls;
import it.soglia.mail.MailOutbox;
import it.soglia.mail.MailTemplates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
    public static final String RECOVERY_CODE_USED = "RECOVERY_CODE_USED";
    public static final String RECOVERY_CODES_REGENERATED = "RECOVERY_CODES_REGENERATED";
    public static final String CODE_LOCKED = "CODE_LOCKED";
    public static final String CODE_LOCKED_FOR_GOOD = "CODE_LOCKED_FOR_GOOD";
    public static final String PASSWORD_LOCKED = "PASSWORD_LOCKED";
    public static final String CODE_REUSED = "CODE_REUSED";
    public static final String KEY_SHOWN = "KEY_SHOWN";

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
        notice(TWO_FACTOR_ENROLLED, account, when, origin);
    }

    void twoFactorReset(Account account, ResetCause cause, Instant when, RequestOrigin origin) {
        if (account.getEmail() == null) {
            return;
        }
        Locale locale = templates.locale(account.getLanguage());
        String signIn = urls.signIn();
        outbox.enqueue(templates.mail(TWO_FACTOR_RESET, account.getEmail(), locale, signIn,
                account.getDisplayName(), account.getUsername(), templates.dateTime(when, locale),
                templates.text(locale, "two-factor-reset.by." + cause), origin.ip(), templates.contact(locale), signIn,
                origin.userAgent()));
    }

    /** A recovery code stands in for the authenticator: the owner must know, and how many are left. */
    void recoveryCodeUsed(Account account, long codesLeft, Instant when, RequestOrigin origin) {
        notice(RECOVERY_CODE_USED, account, when, origin, codesLeft);
    }

    void recoveryCodesRegenerated(Account account, Instant when, RequestOrigin origin) {
        notice(RECOVERY_CODES_REGENERATED, account, when, origin);
    }

    /** The code step locked after the right password: someone may know it. */
    void codeLocked(Account account, Instant lockedUntil, Instant when, RequestOrigin origin) {
        notice(CODE_LOCKED, account, when, origin, templates.time(lockedUntil, templates.locale(account.getLanguage())));
    }

    /**
     * The code step locked once too often in a row: it stays locked. The owner lifts it with the lost-code link (which
     * needs the password and the mailbox) or an admin; no link is mailed, so the mailbox alone is not enough.
     */
    void codeLockedForGood(Account account, Instant when, RequestOrigin origin) {
        notice(CODE_LOCKED_FOR_GOOD, account, when, origin);
    }

    /** A code already used was typed again within its validity: refused, and the owner should know. */
    void codeReused(Account account, Instant when, RequestOrigin origin) {
        notice(CODE_REUSED, account, when, origin);
    }

    /**
     * The active key was shown again on the profile: whoever saw it can make the same codes, so the owner must know
     * each time, and whom to call if it was not them.
     */
    void keyShown(Account account, Instant when, RequestOrigin origin) {
        notice(KEY_SHOWN, account, when, origin);
    }

    /** Too many wrong passwords in a row: the owner can lift the lock with the link (a reset) or ask an admin. */
    void passwordLocked(Account account, String token, Instant expiresAt, Instant when, RequestOrigin origin) {
        Locale locale = templates.locale(account.getLanguage());
        String link = urls.resetLink(token);
        outbox.enqueue(templates.mail(PASSWORD_LOCKED, account.getEmail(), locale, link, account.getDisplayName(),
                account.getUsername(), templates.dateTime(when, locale), origin.ip(), origin.userAgent(), link,
                templates.time(expiresAt, locale), templates.contact(locale)));
    }

    /**
     * A notice about a change of the second factor. Every such template takes: {0} name, {1} username, {2} when,
     * {3} IP, {4} browser, then {@code details}, then whom to call if it was not the owner.
     */
    private void notice(String kind, Account account, Instant when, RequestOrigin origin, Object... details) {
        if (account.getEmail() == null) {
            return;
        }
        Locale locale = templates.locale(account.getLanguage());
        List<Object> arguments = new ArrayList<>(List.of(account.getDisplayName(), account.getUsername(),
                templates.dateTime(when, locale), origin.ip(), String.valueOf(origin.userAgent())));
        arguments.addAll(List.of(details));
        arguments.add(templates.contact(locale));
        outbox.enqueue(templates.mail(kind, account.getEmail(), locale, null, arguments.toArray()));
    }
}

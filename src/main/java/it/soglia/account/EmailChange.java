package it.soglia.account;

import it.soglia.audit.AuditLog;
import it.soglia.audit.AuditType;
import it.soglia.audit.RequestOrigin;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.regex.Pattern;

/**
 * A user changes the email of their own account: the password is needed (the email is where reset links go), and
 * both the old and the new address are told, so a hijacker cannot move the reset path silently.
 */
@Stateless
public class EmailChange {

    /**
     * One address, a dot in the domain; no spaces, control or invisible characters (no header injection, no look-alike
     * addresses), nor the characters that only a quoted or bracketed address may hold ({@code <>()[]\,;:"}).
     */
    public static final Pattern EMAIL;

    static {
        String part = "[^\\s@\\p{C}\\p{Z}<>()\\[\\]\\\\,;:\"]";
        EMAIL = Pattern.compile(part + "{1,64}@" + part + "{1,189}\\." + part + "{2,}");
    }

    @Inject
    AccountService accounts;

    @Inject
    PasswordCheck passwordCheck;

    @Inject
    EmailChangeNotice notice;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    public AccountService.ChangeResult change(String username, String password, String newEmail, RequestOrigin origin) {
        Account account = accounts.findByUsername(username).orElseThrow();
        // The password first: any other answer tells the caller it was right (the re-entry throttle relies on it)
        if (!passwordCheck.verify(username, password, PasswordCheck.Purpose.EMAIL_CHANGE, origin).isRight()) {
            return AccountService.ChangeResult.WRONG_PASSWORD;
        }
        String email = newEmail == null ? "" : newEmail.strip();
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            return AccountService.ChangeResult.INVALID;
        }
        String old = account.getEmail();
        account.changeEmail(email, clock.instant());
        audit.record(AuditType.EMAIL_CHANGED, username, username, origin, null);
        notice.changedByOwner(account, old, clock.instant(), origin);
        return AccountService.ChangeResult.DONE;
    }
}

package it.soglia.web;

import it.soglia.account.Account;
import it.soglia.account.AccountService;
import it.soglia.security.Origins;
import it.soglia.security.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code /change-password}: an account an admin created signs in with its initial password and must choose its own
 * before going on to enrol an authenticator.
 */
@Named
@RequestScoped
public class ChangePasswordBacking {

    @Inject
    SecondStep secondStep;

    @Inject
    AccountService accounts;

    @Inject
    ExternalContext external;

    private String password;
    private String confirmation;

    public void requirePasswordChange() {
        if (!secondStep.isPasswordChangePending()) {
            Navigation.redirect(Pages.LOGIN);
        }
    }

    public void submit() {
        if (!secondStep.isPasswordChangePending()) {
            Navigation.toLogin(LoginNotice.PENDING_EXPIRED);
            return;
        }
        if (password == null || !password.equals(confirmation)) {
            Messages.error("password.problem.MISMATCH");
            return;
        }
        var pending = secondStep.pending();
        if (PasswordProblems.report(accounts.replaceInitialPassword(pending.accountId(), password,
                Origins.of((HttpServletRequest) external.getRequest())))) {
            pending.passwordChanged();
            // The new password ended every session of the account until now; this sign-in chose it and goes on.
            accounts.find(pending.accountId()).map(Account::getSessionsRevokedAt).ifPresent(pending::outlive);
            Messages.info("password.changed");
            Messages.keepAcrossRedirect();
            Navigation.redirect(Pages.nextStepOf(pending));
        }
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}

package it.soglia.web;

import it.soglia.account.Account;
import it.soglia.account.AccountService;
import it.soglia.account.EmailChange;
import it.soglia.security.Origins;
import it.soglia.security.Pages;
import it.soglia.security.SignedInSession;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The settings forms of "Profilo Utente": own password, language and email. */
@Named
@RequestScoped
public class ProfileSettingsBacking {

    @Inject
    AccountService accounts;

    @Inject
    EmailChange emailChange;

    @Inject
    PasswordReentryThrottle reentryThrottle;

    @Inject
    SecurityContext securityContext;

    @Inject
    SignedInSession signedIn;

    @Inject
    ExternalContext external;

    /** Where directory users change their password (a web address or a sentence), shown instead of the form. */
    @Inject
    @ConfigProperty(name = "soglia.ldap.password-help")
    Optional<String> passwordHelp;

    private String currentPassword;
    private String newPassword;
    private String confirmation;
    private String language;
    private String newEmail;
    private String emailPassword;

    public void changePassword() {
        if (newPassword == null || !newPassword.equals(confirmation)) {
            Messages.error("password.problem.MISMATCH");
            return;
        }
        if (!reentryThrottle.admit(username())) {
            return;
        }
        if (PasswordProblems.report(counted(accounts.changePassword(username(), currentPassword, newPassword,
                origin())))) {
            // The change ended every session of the account signed in until now; this one made it and stays.
            accounts.find(signedIn.accountId()).map(Account::getSessionsRevokedAt).ifPresent(signedIn::outlive);
            done("password.changed");
        }
    }

    public void changeLanguage() {
        if (accounts.changeLanguage(username(), language, origin())) {
            done("profile.language.changed");
        } else {
            Messages.error("profile.language.invalid");
        }
    }

    public void changeEmail() {
        if (!reentryThrottle.admit(username())) {
            return;
        }
        if (PasswordProblems.report(counted(emailChange.change(username(), emailPassword, newEmail, origin())))) {
            done("profile.email.changed");
        }
    }

    /**
     * The current password typed with a change counts as an attempt of the sign-in's password. Both services check
     * it first, so any answer but WRONG_PASSWORD means it was right.
     */
    private AccountService.ChangeResult counted(AccountService.ChangeResult result) {
        if (result == AccountService.ChangeResult.DIRECTORY_PASSWORD) {
            return result; // not checked here: the attempt stays counted, nothing is cleared
        }
        if (result == AccountService.ChangeResult.WRONG_PASSWORD) {
            reentryThrottle.passwordWasWrong(username(), origin());
        } else {
            reentryThrottle.passwordWasRight(username());
        }
        return result;
    }

    private void done(String key) {
        Messages.info(key);
        Messages.keepAcrossRedirect();
        Navigation.redirect(Pages.PROFILE);
    }

    private String username() {
        return securityContext.getCallerPrincipal().getName();
    }

    private it.soglia.audit.RequestOrigin origin() {
        return Origins.of((HttpServletRequest) external.getRequest());
    }

    public String getPasswordHelp() {
        return passwordHelp.map(String::strip).orElse("");
    }

    /** Only an http(s) address becomes a link: anything else is shown as text. */
    public boolean isPasswordHelpLink() {
        return getPasswordHelp().matches("https?://\\S+");
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }

    /** The account's language until the user picks another. */
    public String getLanguage() {
        if (language == null) {
            language = accounts.findByUsername(username()).map(a -> a.getLanguage()).orElse("it");
        }
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public String getNewEmail() {
        return newEmail;
    }

    public void setNewEmail(String newEmail) {
        this.newEmail = newEmail;
    }

    public String getEmailPassword() {
        return emailPassword;
    }

    public void setEmailPassword(String emailPassword) {
        this.emailPassword = emailPassword;
    }
}

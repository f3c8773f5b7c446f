package it.soglia.web;

import it.soglia.account.Account;
import it.soglia.account.AccountService;
import it.soglia.security.Origins;
import it.soglia.security.SignedInSession;
import it.soglia.twofactor.EnrolmentKey;
import it.soglia.twofactor.ResetCause;
import it.soglia.twofactor.TwoFactorService;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code /profile} ("Profilo Utente"): the signed-in user's own account, the QR code of the active authenticator
 * (shown within minutes of typing the password, else after typing it again), and the user's own reset.
 */
@Named
@RequestScoped
public class ProfileBacking {

    @Inject
    SecurityContext securityContext;

    @Inject
    AccountService accounts;

    @Inject
    TwoFactorService twoFactor;

    @Inject
    SignedInSession signedIn;

    @Inject
    ExternalContext external;

    @Inject
    Clock clock;

    @Inject
    DisplayTime displayTime;

    @Inject
    @ConfigProperty(name = "soglia.profile.fresh-sign-in", defaultValue = "PT10M")
    Duration freshWindow;

    private Account account;
    private Optional<EnrolmentKey> key;
    private String password;

    @PostConstruct
    void load() {
        account = accounts.findByUsername(securityContext.getCallerPrincipal().getName()).orElseThrow();
    }

    public Account getAccount() {
        return account;
    }

    public boolean isFresh() {
        return signedIn.isFresh(clock.instant(), freshWindow);
    }

    /** The active key, when the sign-in is fresh; read (and audited) once per page view. */
    public EnrolmentKey getKey() {
        if (key == null) {
            key = isFresh() ? twoFactor.activeKey(account.getId(), Origins.of(request())) : Optional.empty();
        }
        return key.orElse(null);
    }

    public String getQrDataUri() {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(getKey().qrPng());
    }

    public void stepUp() {
        String typed = password;
        password = null;
        if (accounts.confirmPassword(account.getUsername(), typed, Origins.of(request()))) {
            signedIn.recordPasswordConfirmed(clock.instant());
            Navigation.redirect(it.soglia.security.Pages.PROFILE);
        } else {
            Messages.error("profile.step-up.failed");
        }
    }

    /** The user's own reset: the same as the mailed link's; then signed out, and the next sign-in shows the QR. */
    public void resetTwoFactor() throws ServletException {
        if (!isFresh()) {
            Messages.error("profile.step-up.needed");
            return;
        }
        twoFactor.reset(account.getId(), ResetCause.SELF, account.getUsername(), null, Origins.of(request()));
        request().logout();
        external.invalidateSession();
        Navigation.toLogin(LoginNotice.RESET_DONE);
    }

    public String format(java.time.Instant instant) {
        return displayTime.format(instant);
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    private HttpServletRequest request() {
        return (HttpServletRequest) external.getRequest();
    }
}

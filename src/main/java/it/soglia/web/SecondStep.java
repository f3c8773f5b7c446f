package it.soglia.web;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import it.soglia.security.CodeCredential;
import it.soglia.security.PendingSignIn;
import it.soglia.security.Pages;
import it.soglia.security.SignInOutcome;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** What the code prompt and the enrolment page share: the pending sign-in and the handing over of a code. */
@RequestScoped
public class SecondStep {

    @Inject
    PendingSignIn pending;

    @Inject
    SecurityContext securityContext;

    @Inject
    ExternalContext external;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "soglia.signin.pending-timeout", defaultValue = "PT5M")
    Duration pendingTimeout;

    @Inject
    DisplayTime displayTime;

    /** True when the password was verified recently and the sign-in continues on the page asking. */
    public boolean isPendingFor(boolean enrolment) {
        return pending.isActive(clock, pendingTimeout) && enrolment != pending.isTwoFactorActive();
    }

    /** For a view action: back to the sign-in when there is nothing to continue here. */
    public void requirePending(boolean enrolment) {
        if (isPendingFor(enrolment) && pending.isPasswordChangeRequired()) {
            Navigation.redirect(Pages.CHANGE_PASSWORD); // the initial password first
            return;
        }
        if (!isPendingFor(enrolment)) {
            if (pending.hasStarted()) {
                Navigation.toLogin(LoginNotice.PENDING_EXPIRED);
            } else {
                Navigation.redirect(Pages.LOGIN); // nothing was started: no reason to talk of expiry
            }
        }
    }

    public PendingSignIn pending() {
        return pending;
    }

    /** True during a sign-in that must first replace an admin-given initial password. */
    public boolean isPasswordChangePending() {
        return pending.isActive(clock, pendingTimeout) && pending.isPasswordChangeRequired();
    }

    /** Says until when the code step is locked, in the page's language and the configured time zone. */
    public void showLock(java.time.Instant until) {
        Messages.error("code.locked", displayTime.time(until));
    }

    /** Hands the code to the mechanism; signed in → the profile, otherwise a message saying why not. */
    public void submit(String code, boolean enrolment) {
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        AuthenticationStatus status = securityContext.authenticate(request, (HttpServletResponse) external.getResponse(),
                withParams().newAuthentication(true).credential(new CodeCredential(code, enrolment)));
        if (status == AuthenticationStatus.SUCCESS) {
            Navigation.redirect(Pages.PROFILE);
            return;
        }
        SignInOutcome outcome = SignInOutcome.from(request);
        switch (outcome.reason()) {
            case PENDING_EXPIRED -> Navigation.toLogin(LoginNotice.PENDING_EXPIRED);
            case CODE_MALFORMED -> Messages.error("code.malformed");
            case CODE_LOCKED -> showLock(outcome.lockedUntil());
            default -> Messages.error(enrolment ? "enroll.rejected" : "code.rejected");
        }
    }
}

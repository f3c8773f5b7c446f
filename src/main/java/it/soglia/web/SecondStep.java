package it.soglia.web;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import it.soglia.oidc.ReturnToApplication;
import it.soglia.security.CodeCredential;
import it.soglia.security.Pages;
import it.soglia.security.PendingSignIn;
import it.soglia.security.SignInOutcome;
import it.soglia.security.SignInSettings;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;

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
    SignInSettings signInSettings;

    @Inject
    DisplayTime displayTime;

    @Inject
    ReturnToApplication returnToApplication;

    /**
     * True when the password was verified recently and the sign-in continues on the page asking for {@code kind}:
     * one that fits the second factors the account has enrolled.
     */
    public boolean isPendingFor(CodeCredential.Kind kind) {
        return pending.isActive(clock, signInSettings.pendingTimeout()) && kind.fits(pending.enrolledFactors());
    }

    /** For a view action: back to the sign-in when there is nothing to continue here. */
    public void requirePending(CodeCredential.Kind kind) {
        if (isPendingFor(kind) && pending.isPasswordChangeRequired()) {
            Navigation.redirect(Pages.CHANGE_PASSWORD); // the initial password first
            return;
        }
        if (!isPendingFor(kind)) {
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
        return pending.isActive(clock, signInSettings.pendingTimeout()) && pending.isPasswordChangeRequired();
    }

    /**
     * Says until when the code step is locked, in the page's language and the configured time zone; {@code null}:
     * until an admin unlocks it or a reset.
     */
    public void showLock(java.time.Instant until) {
        if (until == null) {
            Messages.error("code.locked-for-good");
        } else {
            Messages.error("code.locked", displayTime.time(until));
        }
    }

    /**
     * Hands the code to the mechanism; signed in → the application that sent the user, or the profile (after a new
     * enrolment: its recovery codes first),
     * otherwise a message saying why not.
     */
    public void submit(String code, CodeCredential.Kind kind) {
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        AuthenticationStatus status = securityContext.authenticate(request, (HttpServletResponse) external.getResponse(),
                withParams().newAuthentication(true).credential(new CodeCredential(code, kind)));
        if (status == AuthenticationStatus.SUCCESS) { // after a new enrolment its recovery codes come first
            Navigation.redirect(kind == CodeCredential.Kind.ENROLMENT ? Pages.RECOVERY_CODES
                    : returnToApplication.take().orElse(Pages.PROFILE));
            return;
        }
        // No outcome means the mechanism failed by an error: an error page, never "wrong code" for a right one.
        SignInOutcome outcome = SignInOutcome.attachedTo(request).orElseThrow(() -> new IllegalStateException(
                "the code step ended without an outcome; the cause is logged above"));
        switch (outcome.reason()) {
            case PENDING_EXPIRED -> Navigation.toLogin(LoginNotice.PENDING_EXPIRED);
            case CODE_MALFORMED -> Messages.error(kind == CodeCredential.Kind.RECOVERY ? "recovery.malformed" : "code.malformed");
            case CODE_LOCKED -> showLock(outcome.lockedUntil());
            default -> Messages.error(switch (kind) {
                case ENROLMENT -> "enroll.rejected";
                case DAILY -> "code.rejected";
                case RECOVERY -> "recovery.rejected";
            });
        }
    }
}

package it.soglia.web;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import it.soglia.security.SignInOutcome;
import it.soglia.throttle.Throttling;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import it.soglia.oidc.ReturnToApplication;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Objects;

/** {@code /login}: the password step. Where it leads (code prompt or enrolment) is the mechanism's decision. */
@Named
@RequestScoped
public class LoginBacking {

    @Inject
    SecurityContext securityContext;

    @Inject
    FacesContext faces;

    @Inject
    ExternalContext external;

    @Inject
    Clock clock;

    @Inject
    ReturnToApplication returnToApplication;

    private String username;
    /** An application's pending sign-in request ({@code oidc/PendingAuthorization}), when it sent the user here. */
    private String resume;
    private String password;
    private String notice;

    /** View action: a signed-in user goes to the profile; otherwise shows why the user was sent here, if known. */
    public void showNotice() {
        if (external.getUserPrincipal() != null) { // already signed in: on to the application, or the profile
            Navigation.redirect(hasResume() ? ReturnToApplication.pathFor(resume) : it.soglia.security.Pages.PROFILE);
            return;
        }
        LoginNotice.fromParameter(notice).ifPresent(n -> {
            if (n.isWarning()) {
                Messages.warn(n.messageKey());
            } else {
                Messages.info(n.messageKey());
            }
        });
    }

    public void submit() {
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        AuthenticationStatus status = securityContext.authenticate(
                request, (HttpServletResponse) external.getResponse(),
                withParams().newAuthentication(true).credential(new UsernamePasswordCredential(
                        Objects.requireNonNullElse(username, ""), new Password(Objects.requireNonNullElse(password, "")))));
        password = null;
        if (status == AuthenticationStatus.SEND_CONTINUE) {
            // The session begins with the right password: from now on it remembers where the sign-in goes on to (a
            // sign-in without an application's request goes to the profile, whatever an earlier one had asked).
            returnToApplication.keep(hasResume() ? resume : null);
            faces.responseComplete(); // the mechanism already sent the redirect to the next step
            return;
        }
        // No outcome means the mechanism failed by an error: an error page, never "wrong password" for a right one.
        SignInOutcome outcome = SignInOutcome.attachedTo(request)
                .orElseThrow(() -> new IllegalStateException("the password step ended without an outcome"));
        switch (outcome.reason()) {
            case PASSWORD_THROTTLED -> Messages.error("login.throttled",
                    Throttling.Block.secondsLeft(clock.instant(), outcome.lockedUntil()));
            case PASSWORD_LOCKED -> Messages.error("login.locked");
            case DIRECTORY_UNAVAILABLE -> Messages.error("login.directory-unavailable");
            default -> Messages.error("login.failed");
        }
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    /** Only a value of our own shape is carried on; the authorization endpoint checks its signature anyway. */
    private boolean hasResume() {
        return resume != null && !resume.isBlank() && resume.length() < 8192;
    }

    public String getResume() {
        return resume;
    }

    public void setResume(String resume) {
        this.resume = resume;
    }

    public String getNotice() {
        return notice;
    }

    public void setNotice(String notice) {
        this.notice = notice;
    }
}

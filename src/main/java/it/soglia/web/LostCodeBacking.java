package it.soglia.web;

import it.soglia.audit.RequestOrigin;
import it.soglia.security.CodeCredential;
import it.soglia.security.Origins;
import it.soglia.security.Pages;
import it.soglia.site.SiteSettings;
import it.soglia.twofactor.LimitedResets;
import it.soglia.twofactor.ResetSettings;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code /lost-code} ("Non sei più in possesso del codice?"): the user whose password was just verified types the
 * email of the account; the answer is the same whatever was typed, so the page tells no one which email is right.
 */
@Named
@RequestScoped
public class LostCodeBacking {

    @Inject
    SecondStep secondStep;

    @Inject
    LimitedResets resets;

    @Inject
    ExternalContext external;

    @Inject
    SiteSettings site;

    @Inject
    ResetSettings resetSettings;

    /** The page is for a sign-in stuck at a second factor already enrolled, of any kind: as a recovery code is. */
    private static final CodeCredential.Kind LOST_FACTOR = CodeCredential.Kind.RECOVERY;

    private String email;
    private boolean submitted;

    /**
     * View action. Without a session nothing was started, and asking the (session-scoped) pending sign-in would
     * create one: an anonymous visitor must cost no server memory.
     */
    public void requirePendingSignIn() {
        if (!hasSession()) {
            Navigation.redirect(Pages.LOGIN);
            return;
        }
        secondStep.requirePending(LOST_FACTOR);
    }

    public void submit() {
        if (!hasSession()) { // the page keeps no view state: a post after the session ended lands here
            Navigation.toLogin(LoginNotice.VIEW_EXPIRED);
            return;
        }
        if (!secondStep.isPendingFor(LOST_FACTOR)) {
            Navigation.toLogin(LoginNotice.PENDING_EXPIRED);
            return;
        }
        RequestOrigin origin = Origins.of((HttpServletRequest) external.getRequest());
        if (!resets.requestByEmail(secondStep.pending().accountId(), email, origin)) {
            Messages.error("lost.throttled"); // says nothing of the account: it depends on the address only
            return;
        }
        submitted = true;
    }

    private boolean hasSession() {
        return external.getSession(false) != null;
    }

    /** Whom to ask when no email is tied to the account: the configured contact, if any. */
    public String getAdminContact() {
        return site.adminContact().orElse(null);
    }

    public long getLinkMinutes() {
        return resetSettings.tokenLifetime().toMinutes();
    }

    public boolean isSubmitted() {
        return submitted;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}

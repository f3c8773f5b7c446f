package it.soglia.web.admin;

import it.soglia.audit.AuditType;
import it.soglia.audit.UserAgentSummary;
import it.soglia.web.DisplayTime;
import it.soglia.web.Messages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ResourceBundle;

/** How the audit log names its events and browsers in the admin's language ({@code audit.type.*}, {@code audit.browser.*}). */
@Named
@ApplicationScoped
public class AuditLabels {

    @Inject
    DisplayTime displayTime;

    /** "Accesso: password corretta" for {@code SIGN_IN_PASSWORD_OK}. */
    public String type(AuditType type) {
        return type == null ? "" : Messages.text("audit.type." + type.name());
    }

    /**
     * The row's detail in the admin's language ("da un amministratore: nuovo telefono" for "by ADMIN: nuovo
     * telefono"), old rows too; a detail of no known shape as it was written ({@link AuditDetails}).
     */
    public String detail(String detail) {
        var locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        return new AuditDetails(ResourceBundle.getBundle(Messages.BUNDLE, locale), locale, displayTime::format)
                .translate(detail);
    }

    /** "Chrome su Linux"; the full User-Agent is shown on hover. */
    public String browser(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "—";
        }
        UserAgentSummary summary = UserAgentSummary.of(userAgent);
        String browser = summary.browser() == null ? Messages.text("audit.browser.unknown") : summary.browser();
        String system = summary.system() == null ? Messages.text("audit.system.unknown") : summary.system();
        return Messages.text("audit.browser.on", browser, system);
    }
}

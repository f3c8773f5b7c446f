package it.soglia.web.admin;

import it.soglia.audit.AuditType;
import it.soglia.audit.UserAgentSummary;
import it.soglia.web.Messages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/** How the audit log names its events and browsers in the admin's language ({@code audit.type.*}, {@code audit.browser.*}). */
@Named
@ApplicationScoped
public class AuditLabels {

    /** "Accesso: password corretta" for {@code SIGN_IN_PASSWORD_OK}. */
    public String type(AuditType type) {
        return type == null ? "" : Messages.text("audit.type." + type.name());
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

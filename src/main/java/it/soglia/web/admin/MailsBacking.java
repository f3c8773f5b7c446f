package it.soglia.web.admin;

import it.soglia.audit.AuditLog;
import it.soglia.audit.AuditType;
import it.soglia.mail.MailOutbox;
import it.soglia.mail.MailOutbox.FailedMail;
import it.soglia.security.Origins;
import it.soglia.web.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/** {@code /admin/mails}: mails that failed for good, with their last error, and a button to send each again. */
@Named
@RequestScoped
public class MailsBacking {

    @Inject
    MailOutbox outbox;

    @Inject
    AuditLog audit;

    @Inject
    SecurityContext securityContext;

    @Inject
    ExternalContext external;

    @Inject
    it.soglia.web.StepUpBacking stepUp;

    private List<FailedMail> failed;

    @PostConstruct
    void load() {
        failed = outbox.failed();
    }

    public List<FailedMail> getFailed() {
        return failed;
    }

    public void resend(FailedMail mail) {
        if (!stepUp.isFresh()) {
            Messages.error("admin.step-up.needed");
            return;
        }
        if (outbox.resend(mail.id())) {
            audit.record(AuditType.MAIL_RESENT, securityContext.getCallerPrincipal().getName(), null,
                    Origins.of((HttpServletRequest) external.getRequest()), mail.kind() + " #" + mail.id());
            Messages.info("admin.mails.resent", mail.recipient());
        }
        failed = outbox.failed();
    }
}

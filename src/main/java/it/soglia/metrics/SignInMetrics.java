package it.soglia.metrics;

import it.soglia.audit.AuditRecorded;
import it.soglia.audit.AuditType;
import it.soglia.twofactor.ResetCause;
import it.soglia.twofactor.SecondFactorResetDone;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Counts sign-ins, failures, locks and resets from the audit events, after their transaction commits, so a counter
 * never runs ahead of the audit log.
 */
@ApplicationScoped
public class SignInMetrics {

    /** The audit events that are counted, and as what. */
    private static final Map<AuditType, Counted> COUNTED = Map.ofEntries(
            Map.entry(AuditType.SIGN_IN_COMPLETED, new Counted("soglia.sign_ins", null)),
            Map.entry(AuditType.SIGN_IN_PASSWORD_FAILED, new Counted("soglia.sign_in_failures", new Tag("step", "password"))),
            Map.entry(AuditType.CODE_FAILED, new Counted("soglia.sign_in_failures", new Tag("step", "code"))),
            Map.entry(AuditType.CODE_LOCKED, new Counted("soglia.locks", new Tag("kind", "code"))),
            Map.entry(AuditType.PASSWORD_LOCKED, new Counted("soglia.locks", new Tag("kind", "password"))),
            Map.entry(AuditType.RESET_REQUESTED, new Counted("soglia.resets_asked", null)));

    /** Resets of the second factor, each by its cause: a redeemed mailed link is not an admin's or the owner's reset. */
    private static final Map<ResetCause, Counted> RESETS = Map.of(
            ResetCause.LINK, new Counted("soglia.resets_redeemed", null),
            ResetCause.ADMIN, new Counted("soglia.resets_by_admin", null),
            ResetCause.SELF, new Counted("soglia.resets_from_profile", null));

    private record Counted(String name, Tag tag) {
    }

    @Inject
    MetricRegistry registry;

    /** At deployment, so every counter is listed (at 0) before its first event. */
    void register(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        COUNTED.values().forEach(counted -> counter(counted));
        RESETS.values().forEach(counted -> counter(counted));
    }

    void count(@Observes(during = TransactionPhase.AFTER_SUCCESS) AuditRecorded event) {
        Counted counted = COUNTED.get(event.type());
        if (counted != null) {
            counter(counted).inc();
        }
    }

    void count(@Observes(during = TransactionPhase.AFTER_SUCCESS) SecondFactorResetDone reset) {
        counter(RESETS.get(reset.cause())).inc();
    }

    private Counter counter(Counted counted) {
        return counted.tag() == null ? registry.counter(counted.name()) : registry.counter(counted.name(), counted.tag());
    }
}

package it.soglia.throttle;

import it.soglia.housekeeping.BatchDelete;
import it.soglia.housekeeping.Purge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Throttle rows that are as good as no row: a series of a rule that forgets (per address) once forgotten and its
 * wait over, and a series with no attempt standing once its wait is over. A series of wrong passwords for a
 * username never ends by itself (it leads to the lock after {@code soglia.throttle.password.lock-after} in a row,
 * however slowly they come), so those rows stay, and a locked username stays locked.
 */
@ApplicationScoped
public class FinishedThrottleSeries implements Purge {

    @PersistenceContext
    EntityManager em;

    @Inject
    ThrottleSettings settings;

    @Override
    public String rows() {
        return "finished throttle series";
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int deleteSome(Instant now, int max) {
        List<String> finished = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        for (ThrottleRule rule : ThrottleRule.values()) {
            ThrottlePolicy policy = settings.policy(rule);
            String name = rule.name().toLowerCase(java.util.Locale.ROOT).replace("_", "");
            String ofRule = "e.throttleKey like :" + name + " escape '\\'";
            parameters.put(name, Throttle.keyPrefix(rule).replace("_", "\\_") + "%"); // "_" is itself, not any one
            parameters.put(name + "Empty", now.minus(policy.emptySeriesEndsAfter()));
            finished.add("(" + ofRule + " and e.attempts = 0 and e.lastAttemptAt < :" + name + "Empty)");
            policy.seriesEndsAfter().ifPresent(endsAfter -> {
                parameters.put(name + "Any", now.minus(endsAfter));
                finished.add("(" + ofRule + " and e.lastAttemptAt < :" + name + "Any)");
            });
        }
        return BatchDelete.delete(em, "ThrottleEntry", "throttleKey", String.join(" or ", finished), parameters, max);
    }
}

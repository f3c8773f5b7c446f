package it.soglia.throttle;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The current series of attempts for one rule and subject. The key holds a hash of the subject, never the subject. */
@Entity
@Table(name = "throttle")
public class ThrottleEntry {

    @Id
    @Column(name = "throttle_key", length = 100)
    private String throttleKey; // not "key": a JPQL word (FinishedThrottleSeries queries it)

    @Column(nullable = false)
    private int attempts;

    @Column(name = "last_attempt_at", nullable = false)
    private Instant lastAttemptAt;

    protected ThrottleEntry() {
        // for JPA
    }

    ThrottleEntry(String key, Instant now) {
        this.throttleKey = key;
        this.lastAttemptAt = now;
    }

    int attempts() {
        return attempts;
    }

    Instant lastAttemptAt() {
        return lastAttemptAt;
    }

    /** One counted attempt taken back. */
    void refund() {
        this.attempts = Math.max(0, attempts - 1);
    }

    /** One more attempt after {@code standing} still counted ones. */
    int count(int standing, Instant now) {
        this.attempts = standing + 1;
        this.lastAttemptAt = now;
        return attempts;
    }
}

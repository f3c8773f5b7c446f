package it.soglia.security;

import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import java.time.Instant;

/** When this session completed its sign-in: a reset after that instant ends it ({@link SessionRevocationFilter}). */
@SessionScoped
public class SignedInSession implements Serializable {

    private static final long serialVersionUID = 1L;

    private Instant signedInAt;
    private Instant passwordConfirmedAt;

    void record(Instant at) {
        this.signedInAt = at;
        this.passwordConfirmedAt = at;
    }

    /** The password was typed again (step-up) for a sensitive page or action. */
    public void recordPasswordConfirmed(Instant at) {
        this.passwordConfirmedAt = at;
    }

    /** Whether the password was typed within {@code window}: sensitive pages and actions need it. */
    public boolean isFresh(Instant now, java.time.Duration window) {
        return passwordConfirmedAt != null && now.isBefore(passwordConfirmedAt.plus(window));
    }

    public Instant signedInAt() {
        return signedInAt;
    }
}

package it.soglia.security;

import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import java.time.Instant;

/** When this session completed its sign-in: a reset after that instant ends it ({@link SessionRevocationFilter}). */
@SessionScoped
public class SignedInSession implements Serializable {

    private static final long serialVersionUID = 1L;

    private Instant signedInAt;

    void record(Instant at) {
        this.signedInAt = at;
    }

    public Instant signedInAt() {
        return signedInAt;
    }
}

package it.soglia.security;

import jakarta.security.enterprise.credential.Credential;

/**
 * A code typed for the second step.
 *
 * @param code  as typed; the mechanism normalises it
 * @param kind  what the code is
 */
public record CodeCredential(String code, Kind kind) implements Credential {

    public enum Kind {
        /** The authenticator's 6 digits at a daily sign-in. */
        DAILY,
        /** The first code of a new authenticator. */
        ENROLMENT,
        /** A recovery code, instead of the authenticator's code. */
        RECOVERY
    }

    public boolean enrolment() {
        return kind == Kind.ENROLMENT;
    }
}

package it.soglia.security;

import it.soglia.twofactor.FactorKind;
import jakarta.security.enterprise.credential.Credential;
import java.util.Set;

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
        RECOVERY;

        /**
         * Whether a sign-in whose account has {@code enrolled} may go on with this: the authenticator's code needs an
         * authenticator app, enrolment is first access only, and a recovery code stands in for any factor kind.
         */
        public boolean fits(Set<FactorKind> enrolled) {
            return switch (this) {
                case DAILY -> enrolled.contains(FactorKind.TOTP);
                case ENROLMENT -> enrolled.isEmpty();
                case RECOVERY -> !enrolled.isEmpty();
            };
        }
    }

    public boolean enrolment() {
        return kind == Kind.ENROLMENT;
    }
}

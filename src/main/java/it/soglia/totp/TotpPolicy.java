package it.soglia.totp;

import java.time.Duration;

/**
 * How codes are made and how tolerant checking is.
 *
 * @param algorithm the HMAC function
 * @param digits    code length, 6 to 8
 * @param period    length of one time step
 * @param window    how many steps either side of the current one are accepted (clock drift)
 */
public record TotpPolicy(HmacAlgorithm algorithm, int digits, Duration period, int window) {

    /** Google Authenticator's defaults, accepting one step either side. */
    public static final TotpPolicy DEFAULT = new TotpPolicy(HmacAlgorithm.SHA1, 6, Duration.ofSeconds(30), 1);

    public TotpPolicy {
        if (digits < 6 || digits > 8) {
            throw new IllegalArgumentException("digits must be 6, 7 or 8");
        }
        if (period.isNegative() || period.getSeconds() < 1 || period.getNano() != 0) {
            throw new IllegalArgumentException("period must be a whole number of seconds, at least one");
        }
        if (window < 0 || window > 10) {
            throw new IllegalArgumentException("window must be between 0 and 10");
        }
    }
}

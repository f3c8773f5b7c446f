/**
 * The second factor: enrolment of an authenticator, code checks with replay protection and lock-out, recovery codes
 * and resets. {@link it.soglia.twofactor.TwoFactorService} is the only class that sees a secret in clear; it is
 * encrypted at rest by {@code it.soglia.crypto}.
 */
package it.soglia.twofactor;

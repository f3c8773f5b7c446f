/**
 * The second factor: enrolment of an authenticator, code checks with replay protection and lock-out, and the
 * encryption of secrets at rest. {@link it.soglia.twofactor.TwoFactorService} is the only class that sees a
 * secret in clear.
 */
package it.soglia.twofactor;

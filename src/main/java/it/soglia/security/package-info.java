/**
 * Sign-in in two steps: the password, then a code from the authenticator (or, at first access, enrolment of one).
 * {@link it.soglia.security.TwoStepAuthenticationMechanism} makes every decision; backing beans only hand it what
 * the user typed through {@code SecurityContext.authenticate}. Between the two steps the session holds a
 * {@link it.soglia.security.PendingSignIn}, which is not a container login: nothing protected is reachable with it.
 */
package it.soglia.security;

package it.soglia.security;

import jakarta.security.enterprise.credential.Credential;

/**
 * A code typed for the second step: either at sign-in, or as the first code of a new authenticator.
 *
 * @param code       as typed; the mechanism normalises it
 * @param enrolment  true for the first code of an enrolment
 */
public record CodeCredential(String code, boolean enrolment) implements Credential {
}

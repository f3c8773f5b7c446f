package it.soglia.web;

import it.soglia.security.CodeCredential;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * {@code /recovery-code}: "Usa un codice di recupero", the code prompt for a user without their authenticator.
 * Same sign-in, same lock; only what is typed differs.
 */
@Named
@RequestScoped
public class RecoveryCodeBacking extends CodeBacking {

    @Override
    protected CodeCredential.Kind kind() {
        return CodeCredential.Kind.RECOVERY;
    }
}

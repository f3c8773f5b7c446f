package it.soglia.web;

import it.soglia.security.CodeCredential;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** {@code /code}: the 6-digit prompt of a daily sign-in. */
@Named
@RequestScoped
public class CodeBacking {

    @Inject
    SecondStep secondStep;

    private String code;

    @Inject
    it.soglia.twofactor.TwoFactorService twoFactor;

    /** View action: only within a sign-in; and a locked code step is said at once, not after a typed code. */
    public void requirePendingSignIn() {
        secondStep.requirePending(kind());
        if (secondStep.isPendingFor(kind())) {
            twoFactor.codeLock(secondStep.pending().accountId()).ifPresent(lock -> secondStep.showLock(lock.lockedUntil()));
        }
    }

    public String getUsername() {
        return secondStep.pending().username();
    }

    public void submit() {
        String typed = code;
        code = null; // a refused code is never shown again
        secondStep.submit(typed, kind());
    }

    /** What the page asks for. */
    protected CodeCredential.Kind kind() {
        return CodeCredential.Kind.DAILY;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}

package it.soglia.web;

import it.soglia.security.CodeCredential;
import it.soglia.twofactor.EnrolmentKey;
import it.soglia.twofactor.TwoFactorService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Base64;

/**
 * {@code /enroll}: first access, or the first sign-in after a reset. Shows the QR code and the key of a new secret,
 * kept in the session until the first code confirms it.
 */
@Named
@RequestScoped
public class EnrollBacking {

    @Inject
    SecondStep secondStep;

    @Inject
    TwoFactorService twoFactor;

    private EnrolmentKey key;
    private String code;

    public void requirePendingEnrolment() {
        secondStep.requirePending(CodeCredential.Kind.ENROLMENT);
    }

    public EnrolmentKey getKey() {
        if (key == null && secondStep.isPendingFor(CodeCredential.Kind.ENROLMENT)) {
            var pending = secondStep.pending();
            if (pending.pendingSecret() == null) {
                pending.keepPendingSecret(twoFactor.newPendingSecret(pending.accountId()));
            }
            key = twoFactor.enrolmentKey(pending.accountId(), pending.pendingSecret());
        }
        return key;
    }

    public String getQrDataUri() {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(getKey().qrPng());
    }

    public void submit() {
        String typed = code;
        code = null;
        secondStep.submit(typed, CodeCredential.Kind.ENROLMENT);
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}

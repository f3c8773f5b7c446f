package it.soglia.security;

import it.soglia.twofactor.FactorKind;

/** Paths of the pages the sign-in moves between, relative to the context root (see ui-contract.md). */
public final class Pages {

    public static final String LOGIN = "/login";
    public static final String CODE = "/code";
    public static final String ENROLL = "/enroll";
    public static final String PROFILE = "/profile";
    public static final String LOST_CODE = "/lost-code";
    public static final String RESET = "/reset";
    public static final String CHANGE_PASSWORD = "/change-password";
    public static final String RECOVERY_CODE = "/recovery-code";
    public static final String RECOVERY_CODES = "/recovery-codes";
    public static final String NEW_AUTHENTICATOR = "/new-authenticator";

    private Pages() {
    }

    /**
     * Where a sign-in goes on after the password: a new password, enrolment when no second factor is enrolled, or the
     * step of an enrolled one (the first kind in {@link FactorKind}'s order).
     */
    public static String nextStepOf(PendingSignIn pending) {
        if (pending.isPasswordChangeRequired()) {
            return CHANGE_PASSWORD;
        }
        return pending.enrolledFactors().stream().findFirst().map(Pages::stepOf).orElse(ENROLL);
    }

    /** The page that asks for a factor of this kind at a sign-in. */
    public static String stepOf(FactorKind kind) {
        return switch (kind) {
            case TOTP -> CODE;
        };
    }
}

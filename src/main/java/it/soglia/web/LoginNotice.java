package it.soglia.web;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why someone was sent back to the sign-in page. Only these values are honoured in {@code /login?notice=}, so the
 * parameter can never put text of an outsider's choosing on the page.
 */
public enum LoginNotice {
    SIGNED_OUT("signed-out", false),
    PENDING_EXPIRED("pending-expired", true),
    VIEW_EXPIRED("view-expired", true),
    SESSION_ENDED("session-ended", true),
    SESSION_EXPIRED("session-expired", true),
    RESET_DONE("reset-done", false);

    private final String parameter;
    private final boolean warning;

    LoginNotice(String parameter, boolean warning) {
        this.parameter = parameter;
        this.warning = warning;
    }

    public String parameter() {
        return parameter;
    }

    boolean isWarning() {
        return warning;
    }

    String messageKey() {
        return "login.notice." + parameter;
    }

    static Optional<LoginNotice> fromParameter(String value) {
        return Arrays.stream(values()).filter(n -> n.parameter.equals(value)).findFirst();
    }
}

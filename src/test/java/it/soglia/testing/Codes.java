package it.soglia.testing;

import it.soglia.totp.Base32;
import it.soglia.totp.Totp;
import it.soglia.totp.TotpPolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** What an authenticator app shows, for a key as the enrolment page displays it. */
public final class Codes {

    private Codes() {
    }

    /** The code of the time step {@code stepsAhead} steps after the one {@code at} falls in. */
    public static String code(String displayedKey, Instant at, int stepsAhead) {
        Totp totp = new Totp(TotpPolicy.DEFAULT, Clock.fixed(at, ZoneOffset.UTC));
        return totp.codeAt(Base32.decode(displayedKey), totp.currentStep() + stepsAhead);
    }

    /** A six-digit code that is not the right one for any step near {@code at}. */
    public static String wrongCode(String displayedKey, Instant at) {
        for (int candidate = 0; ; candidate++) {
            String code = String.format("%06d", (candidate * 7919) % 1_000_000);
            boolean nearAny = false;
            for (int step = -3; step <= 3; step++) {
                nearAny |= code.equals(code(displayedKey, at, step));
            }
            if (!nearAny) {
                return code;
            }
        }
    }
}

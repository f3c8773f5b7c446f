package it.soglia.totp;

import java.security.SecureRandom;

/** New shared secrets: 160 bits, the length RFC 4226 recommends for HMAC-SHA1. */
public final class TotpSecret {

    public static final int BYTES = 20;

    private TotpSecret() {
    }

    public static byte[] generate(SecureRandom random) {
        byte[] secret = new byte[BYTES];
        random.nextBytes(secret);
        return secret;
    }
}

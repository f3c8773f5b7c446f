package it.soglia.oidc;

import java.security.SecureRandom;
import java.util.Base64;

/** 256-bit random values in URL-safe Base64: client secrets and authorization codes. */
final class RandomTokens {

    private RandomTokens() {
    }

    static String of(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

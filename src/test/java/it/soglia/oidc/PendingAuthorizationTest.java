package it.soglia.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import it.soglia.crypto.SecretCipher;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The application's request carried through the sign-in page's address: back unchanged, or not at all. */
class PendingAuthorizationTest {

    private static final Duration WAIT = Duration.ofMinutes(30);
    private static final Instant RECEIVED = Instant.parse("2026-03-01T10:15:30Z");
    private static final Map<String, String> PARAMETERS = Map.of("client_id", "intranet", "redirect_uri",
            "https://app.example/cb?x=1&y=2", "scope", "openid profile", "state", "à=b&c d+e%", "nonce", "");

    private final SecretCipher cipher = new SecretCipher(key(1), new SecureRandom());

    @Test
    void theRequestComesBackAsItWasSentWithTheInstantItArrived() {
        String encoded = new PendingAuthorization(PARAMETERS, RECEIVED).encode(cipher);

        PendingAuthorization decoded = PendingAuthorization.decode(encoded, cipher, RECEIVED.plusSeconds(60), WAIT)
                .orElseThrow();

        assertThat(decoded.parameters()).isEqualTo(PARAMETERS);
        assertThat(decoded.receivedAt()).isEqualTo(RECEIVED);
    }

    @Test
    void aChangedRequestOrInstantIsRefused() {
        String encoded = new PendingAuthorization(PARAMETERS, RECEIVED).encode(cipher);
        String[] parts = encoded.split("\\.");
        String otherRequest = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "client_id=intranet&redirect_uri=https%3A%2F%2Fevil.example%2Fcb".getBytes());
        String laterInstant = parts[0] + "." + (RECEIVED.getEpochSecond() + 1000) + "." + parts[2];
        char last = parts[2].charAt(0);
        String otherMac = parts[0] + "." + parts[1] + "." + (last == 'A' ? 'B' : 'A') + parts[2].substring(1);

        assertThat(decode(otherRequest + "." + parts[1] + "." + parts[2], cipher)).isFalse();
        assertThat(decode(laterInstant, cipher)).isFalse();
        assertThat(decode(otherMac, cipher)).isFalse();
        assertThat(decode(parts[0] + "." + parts[1], cipher)).isFalse();
        assertThat(decode(encoded, cipher)).isTrue();
    }

    @Test
    void aRequestOlderThanTheWaitIsRefused() {
        String encoded = new PendingAuthorization(PARAMETERS, RECEIVED).encode(cipher);

        assertThat(PendingAuthorization.decode(encoded, cipher, RECEIVED.plus(WAIT).minusSeconds(1), WAIT))
                .isPresent();
        assertThat(PendingAuthorization.decode(encoded, cipher, RECEIVED.plus(WAIT), WAIT)).isEmpty();
    }

    @Test
    void aRequestSignedWithAnotherKeyIsRefused() {
        String encoded = new PendingAuthorization(PARAMETERS, RECEIVED).encode(
                new SecretCipher(key(2), new SecureRandom()));

        assertThat(decode(encoded, cipher)).isFalse();
    }

    @Test
    void garbageIsRefusedWithoutAnError() {
        for (String garbage : new String[] {null, "", ".", "..", "a.b.c", "!!!.1.!!!", "x".repeat(9000)}) {
            assertThat(decode(garbage, cipher)).as(String.valueOf(garbage)).isFalse();
        }
    }

    private static boolean decode(String token, SecretCipher cipher) {
        return PendingAuthorization.decode(token, cipher, RECEIVED.plusSeconds(1), WAIT).isPresent();
    }

    private static byte[] key(int seed) {
        byte[] key = new byte[SecretCipher.KEY_BYTES];
        java.util.Arrays.fill(key, (byte) seed);
        return key;
    }
}

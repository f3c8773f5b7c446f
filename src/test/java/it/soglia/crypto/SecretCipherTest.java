package it.soglia.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.soglia.totp.Base32;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** TOTP secrets at rest: what someone holding a database dump, but not the key, can and cannot do. */
class SecretCipherTest {

    private static final byte[] KEY = HexFormat.of().parseHex(
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    private static final byte[] OTHER_KEY = HexFormat.of().parseHex(
            "f0e0d0c0b0a090807060504030201000ffeeddccbbaa99887766554433221100");
    /** A 20-byte TOTP secret. */
    private static final byte[] SECRET = HexFormat.of().parseHex("3132333435363738393031323334353637383930");
    private static final String CONTEXT = "totp:account:42";

    private final SecretCipher cipher = new SecretCipher(KEY, new SecureRandom());

    @Test
    void anEncryptedSecretDecryptsToTheSameBytes() {
        String stored = cipher.encrypt(SECRET, CONTEXT);

        assertThat(cipher.decrypt(stored, CONTEXT)).isEqualTo(SECRET);
    }

    @Test
    void anotherInstanceWithTheSameKeyDecryptsIt() {
        String stored = cipher.encrypt(SECRET, CONTEXT);

        assertThat(new SecretCipher(KEY.clone(), new SecureRandom()).decrypt(stored, CONTEXT)).isEqualTo(SECRET);
    }

    @Test
    void theStoredFormIsVersionedBase64OfNonceCiphertextAndTag() {
        String stored = cipher.encrypt(SECRET, CONTEXT);

        assertThat(stored).startsWith("v1:");
        byte[] payload = Base64.getDecoder().decode(stored.substring(3));
        assertThat(payload).hasSize(12 + SECRET.length + 16);
    }

    @Test
    void encryptingTheSameSecretTwiceGivesDifferentValues() {
        Set<String> stored = new HashSet<>();
        Set<String> nonces = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String value = cipher.encrypt(SECRET, CONTEXT);
            stored.add(value);
            nonces.add(HexFormat.of().formatHex(Base64.getDecoder().decode(value.substring(3)), 0, 12));
        }

        assertThat(stored).hasSize(100);
        assertThat(nonces).as("a fresh nonce each time").hasSize(100);
    }

    @Test
    void theStoredValueRevealsNothingOfTheSecret() {
        String stored = cipher.encrypt(SECRET, CONTEXT);
        String base32 = Base32.encode(SECRET);
        String hex = HexFormat.of().formatHex(SECRET);

        assertThat(stored)
                .doesNotContain(base32)
                .doesNotContain(base32.substring(0, 8))
                .doesNotContain(Base64.getEncoder().encodeToString(SECRET).substring(0, 8))
                .doesNotContain(hex.substring(0, 8))
                .doesNotContain("1234567890");
        String payloadHex = HexFormat.of().formatHex(Base64.getDecoder().decode(stored.substring(3)));
        assertThat(payloadHex).doesNotContain(hex.substring(0, 12));
    }

    @Test
    void aSecretCopiedToAnotherAccountDoesNotDecrypt() {
        String stored = cipher.encrypt(SECRET, "totp:account:42");

        assertThatThrownBy(() -> cipher.decrypt(stored, "totp:account:43"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cipher.decrypt(stored, ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anotherKeyCannotDecrypt() {
        String stored = cipher.encrypt(SECRET, CONTEXT);
        SecretCipher other = new SecretCipher(OTHER_KEY, new SecureRandom());

        assertThatThrownBy(() -> other.decrypt(stored, CONTEXT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void flippingAnyByteOfTheStoredValueIsDetected() {
        String stored = cipher.encrypt(SECRET, CONTEXT);
        byte[] payload = Base64.getDecoder().decode(stored.substring(3));

        for (int i = 0; i < payload.length; i++) { // nonce, ciphertext and tag alike
            byte[] tampered = payload.clone();
            tampered[i] ^= 0x01;
            String altered = "v1:" + Base64.getEncoder().encodeToString(tampered);

            assertThatThrownBy(() -> cipher.decrypt(altered, CONTEXT))
                    .as("byte %d flipped", i)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aTruncatedValueIsRefused() {
        String stored = cipher.encrypt(SECRET, CONTEXT);
        byte[] payload = Base64.getDecoder().decode(stored.substring(3));

        for (int length : new int[] {0, 12, 13, 12 + 16, payload.length - 1}) {
            byte[] cut = java.util.Arrays.copyOf(payload, length);
            String altered = "v1:" + Base64.getEncoder().encodeToString(cut);

            assertThatThrownBy(() -> cipher.decrypt(altered, CONTEXT))
                    .as("cut to %d bytes", length)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "JBSWY3DPEHPK3PXP", "v2:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "v1:not base64!"})
    void somethingThatIsNotAnEncryptedSecretIsRefused(String stored) {
        assertThatThrownBy(() -> cipher.decrypt(stored, CONTEXT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNullStoredValueIsRefused() {
        assertThatThrownBy(() -> cipher.decrypt(null, CONTEXT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 16, 24, 31, 33, 64})
    void aKeyThatIsNotAes256IsRefused(int length) {
        byte[] key = new byte[length];

        assertThatThrownBy(() -> new SecretCipher(key, new SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32-byte key")
                .hasMessageContaining("got " + length + " bytes");
    }
}

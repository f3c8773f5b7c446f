package it.soglia.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Builds the {@link SecretCipher} from {@code soglia.crypto.key}, or says exactly what is wrong with it. */
@ApplicationScoped
public class SecretCipherProducer {

    static final String KEY_PROPERTY = "soglia.crypto.key";
    private static final String HOW_TO = " Generate one with 'openssl rand -base64 32' and give it to Soglia as the"
            + " environment variable SOGLIA_CRYPTO_KEY, the system property " + KEY_PROPERTY
            + " or a Payara password alias (${ALIAS=...}). Keep it safe: without it no enrolled secret can be read.";

    @Inject
    @ConfigProperty(name = KEY_PROPERTY)
    Optional<String> configuredKey;

    @Inject
    SecureRandom random;

    @Produces
    @Singleton // no proxy: the cipher is final, and the key is checked when first injected (at start-up)
    SecretCipher secretCipher() {
        return new SecretCipher(decodedKey(), random);
    }

    private byte[] decodedKey() {
        String text = configuredKey.map(String::strip).filter(s -> !s.isEmpty())
                .orElseThrow(() -> new CryptoKeyMissingException(
                        "Soglia cannot start: the encryption key " + KEY_PROPERTY + " is not set." + HOW_TO));
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new CryptoKeyMissingException(
                    "Soglia cannot start: " + KEY_PROPERTY + " is not valid Base64." + HOW_TO);
        }
        if (key.length != SecretCipher.KEY_BYTES) {
            throw new CryptoKeyMissingException("Soglia cannot start: " + KEY_PROPERTY + " must decode to 32 bytes"
                    + " (AES-256), it decodes to " + key.length + "." + HOW_TO);
        }
        return key;
    }
}

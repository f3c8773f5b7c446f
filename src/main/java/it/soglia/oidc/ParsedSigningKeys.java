package it.soglia.oidc;

import com.nimbusds.jose.jwk.RSAKey;
import it.soglia.crypto.SecretCipher;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Stored keys parsed once per node: a private key is decrypted and parsed once, not at every token. */
@ApplicationScoped
public class ParsedSigningKeys {

    private final ConcurrentMap<String, RSAKey> privateKeys = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, RSAKey> publicKeys = new ConcurrentHashMap<>();

    RSAKey privateKey(SigningKey row, SecretCipher cipher) {
        return privateKeys.computeIfAbsent(row.getKid(), kid -> parse(new String(
                cipher.decrypt(row.encryptedPrivateKey(), SigningKeys.context(kid)), StandardCharsets.UTF_8)));
    }

    RSAKey publicKey(SigningKey row) {
        return publicKeys.computeIfAbsent(row.getKid(), kid -> parse(row.getPublicJwk()));
    }

    private static RSAKey parse(String json) {
        try {
            return RSAKey.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("a stored signing key cannot be read", e);
        }
    }
}

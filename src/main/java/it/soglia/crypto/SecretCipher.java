package it.soglia.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for TOTP secrets at rest: a database dump without the key reveals nothing. Each value is bound to
 * a context (the account it belongs to), so a secret copied onto another row does not decrypt.
 * Stored form: {@code v1:} + Base64(12-byte nonce ‖ ciphertext ‖ 16-byte tag).
 */
public final class SecretCipher {

    public static final int KEY_BYTES = 32;
    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random;

    public SecretCipher(byte[] key, SecureRandom random) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("AES-256 needs a 32-byte key, got " + key.length + " bytes");
        }
        this.key = new SecretKeySpec(key, "AES");
        this.random = random;
    }

    public String encrypt(byte[] plaintext, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, nonce, context, plaintext);
        return PREFIX + Base64.getEncoder().encodeToString(
                ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array());
    }

    /** @throws IllegalArgumentException if the value was altered, belongs to another context or another key */
    public byte[] decrypt(String stored, String context) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not an encrypted secret");
        }
        byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        if (all.length <= NONCE_BYTES) {
            throw new IllegalArgumentException("encrypted secret too short");
        }
        ByteBuffer buffer = ByteBuffer.wrap(all);
        byte[] nonce = new byte[NONCE_BYTES];
        buffer.get(nonce);
        byte[] sealed = new byte[buffer.remaining()];
        buffer.get(sealed);
        return run(Cipher.DECRYPT_MODE, nonce, context, sealed);
    }

    /**
     * HMAC-SHA256 of {@code data} under a key derived from this one for {@code purpose}: values Soglia hands out and
     * must recognise unaltered later (an application's pending sign-in request), without storing them.
     */
    public byte[] mac(String purpose, byte[] data) {
        try {
            Mac derive = Mac.getInstance("HmacSHA256");
            derive.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            byte[] purposeKey = derive.doFinal(("soglia-mac:" + purpose).getBytes(StandardCharsets.UTF_8));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(purposeKey, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", e);
        }
    }

    private byte[] run(int mode, byte[] nonce, String context, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException("encrypted secret does not match its key or context", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }
}

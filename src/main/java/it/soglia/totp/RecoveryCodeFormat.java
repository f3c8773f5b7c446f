package it.soglia.totp;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.spec.InvalidKeySpecException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Recovery codes: 16 Base32 characters (80 random bits), shown in groups of four ("ABCD-EFGH-JKLM-NPQR"). Typed
 * codes are accepted in any case, with or without the dashes and spaces, with 0, 1 and 8 read as O, I and B, and
 * are stored only as salted, slow hashes.
 */
public final class RecoveryCodeFormat {

    /** Base32 characters per code: 16 × 5 = 80 bits, above the 64 bits OWASP and NIST ask of a look-up secret. */
    public static final int LENGTH = 16;
    private static final int GROUP = 4;
    private static final int MAX_TYPED = 64;

    private RecoveryCodeFormat() {
    }

    public static String generate(SecureRandom random) {
        byte[] bits = new byte[LENGTH * 5 / 8];
        random.nextBytes(bits);
        String plain = Base32.encode(bits);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < plain.length(); i += GROUP) {
            grouped.append(i == 0 ? "" : "-").append(plain, i, i + GROUP);
        }
        return grouped.toString();
    }

    /** The code in its canonical form (upper case, no separators), or empty when it cannot be a recovery code. */
    public static Optional<String> normalize(String typed) {
        if (typed == null || typed.length() > MAX_TYPED) {
            return Optional.empty();
        }
        StringBuilder code = new StringBuilder(LENGTH);
        for (char c : typed.strip().toCharArray()) {
            if (c == '-' || c == ' ') {
                continue;
            }
            char upper = lookAlike(Character.toUpperCase(c));
            if (!((upper >= 'A' && upper <= 'Z') || (upper >= '2' && upper <= '7'))) {
                return Optional.empty();
            }
            code.append(upper);
        }
        return code.length() == LENGTH ? Optional.of(code.toString()) : Optional.empty();
    }

    /** Base32 has no 0, 1 or 8 because they look like O, I and B: someone copying a code by hand may type them. */
    private static char lookAlike(char c) {
        return switch (c) {
            case '0' -> 'O';
            case '1' -> 'I';
            case '8' -> 'B';
            default -> c;
        };
    }

    /**
     * The stored form of a code: PBKDF2-HMAC-SHA256 with a random per-code salt ({@code pbkdf2-sha256$iterations$
     * salt$hash}, hex). NIST SP 800-63B 5.1.2 asks a key derivation function for look-up secrets under 112 bits;
     * 10,000 iterations keep checking ten codes within tens of milliseconds.
     */
    public static String hash(String canonicalCode, SecureRandom random) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return PREFIX + ITERATIONS + "$" + HexFormat.of().formatHex(salt) + "$"
                + HexFormat.of().formatHex(derive(canonicalCode, salt, ITERATIONS));
    }

    /** Whether {@code canonicalCode} is the code {@code stored} was made from; the hashes compared in constant time. */
    public static boolean matches(String canonicalCode, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !stored.startsWith(PREFIX)) {
            return false;
        }
        byte[] expected = HexFormat.of().parseHex(parts[3]);
        byte[] actual = derive(canonicalCode, HexFormat.of().parseHex(parts[2]), Integer.parseInt(parts[1]));
        return MessageDigest.isEqual(expected, actual);
    }

    private static final String PREFIX = "pbkdf2-sha256$";
    private static final int ITERATIONS = 10_000;

    private static byte[] derive(String canonicalCode, byte[] salt, int iterations) {
        try {
            var spec = new PBEKeySpec(canonicalCode.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java runtime", e);
        }
    }
}

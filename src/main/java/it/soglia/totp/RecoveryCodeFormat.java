package it.soglia.totp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Recovery codes: 16 Base32 characters (80 random bits), shown in groups of four ("ABCD-EFGH-JKLM-NPQR"). Typed
 * codes are accepted in any case, with or without the dashes and spaces, with 0, 1 and 8 read as O, I and B, and
 * are hashed for storage and comparison.
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

    /** SHA-256 of the canonical code, bound to the account so equal codes of two accounts hash differently. */
    public static String hash(long accountId, String canonicalCode) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("soglia:recovery:" + accountId + ":" + canonicalCode).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}

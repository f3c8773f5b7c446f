package it.soglia.account;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;

/**
 * Argon2id password hashes in the PHC string format ({@code $argon2id$v=19$m=7168,t=5,p=1$salt$hash}), the
 * format other tools read too. Plain Java, so tests can create accounts with it.
 */
public final class Argon2PasswordHasher {

    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,8}),t=(\\d{1,4}),p=(\\d{1,3})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final Argon2Parameters parameters;
    private final SecureRandom random;

    public Argon2PasswordHasher(Argon2Parameters parameters, SecureRandom random) {
        this.parameters = parameters;
        this.random = random;
    }

    public String hash(String password) {
        return hash(password, null);
    }

    /** As {@link #hash(String)}, its memory taken from {@code blocks} ({@code null}: allocated for this hash). */
    String hash(String password, Argon2BytesGenerator.BlockPool blocks) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, parameters, HASH_BYTES, blocks);
        return "$argon2id$v=19$m=" + parameters.memoryKiB() + ",t=" + parameters.iterations()
                + ",p=" + parameters.parallelism() + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /** True when {@code password} produces {@code encoded}; a malformed hash never matches. */
    public boolean matches(String password, String encoded) {
        return matches(password, encoded, null);
    }

    /** As {@link #matches(String, String)}, its memory taken from {@code blocks} ({@code null}: allocated). */
    boolean matches(String password, String encoded, Argon2BytesGenerator.BlockPool blocks) {
        Matcher m = PHC.matcher(encoded == null ? "" : encoded);
        if (!m.matches()) {
            return false;
        }
        Argon2Parameters stored = new Argon2Parameters(
                Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3)));
        byte[] salt = B64D.decode(m.group(4));
        byte[] expected = B64D.decode(m.group(5));
        byte[] actual = derive(password, salt, stored, expected.length, blocks);
        return MessageDigest.isEqual(expected, actual);
    }

    /** True when the hash was made with weaker parameters than the configured ones. */
    public boolean needsRehash(String encoded) {
        Matcher m = PHC.matcher(encoded == null ? "" : encoded);
        if (!m.matches()) {
            return true;
        }
        Argon2Parameters stored = new Argon2Parameters(
                Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3)));
        return stored.isWeakerThan(parameters);
    }

    /** The 1 KiB memory blocks one hash at the configured cost uses. */
    int blocksPerHash() {
        return Argon2BytesGenerator.getBlockCount(parameters.memoryKiB(), parameters.parallelism());
    }

    private static byte[] derive(String password, byte[] salt, Argon2Parameters p, int length,
                                 Argon2BytesGenerator.BlockPool blocks) {
        var builder = new org.bouncycastle.crypto.params.Argon2Parameters.Builder(
                org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_id)
                .withVersion(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_VERSION_13)
                .withIterations(p.iterations())
                .withMemoryAsKB(p.memoryKiB())
                .withParallelism(p.parallelism())
                .withSalt(salt);
        if (blocks != null) {
            builder.withBlockPool(blocks);
        }
        org.bouncycastle.crypto.params.Argon2Parameters params = builder.build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] passwordBytes = utf8(password);
        byte[] out = new byte[length];
        try {
            generator.generateBytes(passwordBytes, out);
        } finally {
            Arrays.fill(passwordBytes, (byte) 0);
        }
        return out;
    }

    private static byte[] utf8(String password) {
        var buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}

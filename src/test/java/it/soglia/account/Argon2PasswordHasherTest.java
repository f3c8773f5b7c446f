package it.soglia.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class Argon2PasswordHasherTest {

    private final Argon2PasswordHasher hasher = new Argon2PasswordHasher(Argon2Parameters.DEFAULT, new SecureRandom());

    @Test
    void theRightPasswordMatchesItsHash() {
        String hash = hasher.hash("soglia-mario-2026");

        assertThat(hash).startsWith("$argon2id$v=19$m=7168,t=5,p=1$");
        assertThat(hasher.matches("soglia-mario-2026", hash)).isTrue();
    }

    @Test
    void aWrongPasswordDoesNotMatch() {
        String hash = hasher.hash("soglia-mario-2026");

        assertThat(hasher.matches("soglia-mario-2027", hash)).isFalse();
        assertThat(hasher.matches("", hash)).isFalse();
    }

    @Test
    void reusedMemoryGivesTheHashesFreshMemoryGives() {
        var blocks = new org.bouncycastle.crypto.generators.Argon2BytesGenerator.FixedBlockPool(hasher.blocksPerHash());
        String mario = hasher.hash("soglia-mario-2026");
        String anna = hasher.hash("anna-2026-password", blocks);

        assertThat(hasher.matches("soglia-mario-2026", mario, blocks)).isTrue();
        assertThat(hasher.matches("anna-2026-password", anna)).as("made with reused memory, checked with fresh").isTrue();
        assertThat(hasher.matches("soglia-mario-2027", mario, blocks)).isFalse();
        assertThat(hasher.matches("soglia-mario-2026", mario, blocks)).as("after a wrong one in the same memory").isTrue();
    }

    @Test
    void twoHashesOfOnePasswordDifferBySalt() {
        assertThat(hasher.hash("same password")).isNotEqualTo(hasher.hash("same password"));
    }

    @Test
    void aMalformedStoredHashNeverMatches() {
        assertThat(hasher.matches("x", "$2a$10$notargon")).isFalse();
        assertThat(hasher.matches("x", null)).isFalse();
    }

    @Test
    void hashesMadeWithWeakerParametersAskToBeRedone() {
        var weak = new Argon2PasswordHasher(new Argon2Parameters(1, 1024, 1), new SecureRandom());
        String old = weak.hash("password");

        assertThat(hasher.matches("password", old)).isTrue(); // old parameters are read from the hash itself
        assertThat(hasher.needsRehash(old)).isTrue();
        assertThat(hasher.needsRehash(hasher.hash("password"))).isFalse();
    }

    /**
     * The stored hash is Argon2id over the password's UTF-8 bytes, as other tools reading the PHC string compute it:
     * recomputed here with Bouncy Castle from those bytes and the hash's own salt, it is the same; from the
     * ISO-8859-1 or UTF-16 bytes of the same password, it is not.
     */
    @Test
    void passwordsOutsideAsciiAreHashedAsUtf8() {
        String password = "pässwörd-ünïcode-€";
        String hash = hasher.hash(password);

        assertThat(hasher.matches(password, hash)).isTrue();
        assertThat(hasher.matches("passwORd-unicode-E", hash)).isFalse();
        String[] parts = hash.split("\\$"); // "", argon2id, v=19, m=..,t=..,p=.., salt, hash
        byte[] salt = java.util.Base64.getDecoder().decode(parts[4]);
        String stored = parts[5];
        assertThat(argon2id(password.getBytes(java.nio.charset.StandardCharsets.UTF_8), salt)).isEqualTo(stored);
        assertThat(argon2id(password.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), salt)).isNotEqualTo(stored);
        assertThat(argon2id(password.getBytes(java.nio.charset.StandardCharsets.UTF_16LE), salt)).isNotEqualTo(stored);
    }

    /** Argon2id v1.3 with the default cost, computed straight from {@code password}'s bytes; Base64 as in PHC. */
    private static String argon2id(byte[] password, byte[] salt) {
        var generator = new org.bouncycastle.crypto.generators.Argon2BytesGenerator();
        generator.init(new org.bouncycastle.crypto.params.Argon2Parameters.Builder(
                org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_id)
                .withVersion(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_VERSION_13)
                .withIterations(Argon2Parameters.DEFAULT.iterations())
                .withMemoryAsKB(Argon2Parameters.DEFAULT.memoryKiB())
                .withParallelism(Argon2Parameters.DEFAULT.parallelism())
                .withSalt(salt).build());
        byte[] out = new byte[32];
        generator.generateBytes(password, out);
        return java.util.Base64.getEncoder().withoutPadding().encodeToString(out);
    }
}

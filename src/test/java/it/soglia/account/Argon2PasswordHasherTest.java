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

    @Test
    void passwordsOutsideAsciiAreHashedAsUtf8() {
        String hash = hasher.hash("pässwörd-ünïcode-€");

        assertThat(hasher.matches("pässwörd-ünïcode-€", hash)).isTrue();
        assertThat(hasher.matches("passwORd-unicode-E", hash)).isFalse();
    }
}

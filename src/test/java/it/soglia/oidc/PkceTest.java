package it.soglia.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** PKCE S256 as RFC 7636 defines it: the application proves it sent the request the code answers. */
class PkceTest {

    /** RFC 7636 Appendix B (also what openssl dgst -sha256 -binary | base64url gives). */
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    @Test
    void theS256ChallengeOfTheRfcExampleVerifier() {
        assertThat(Pkce.s256(VERIFIER)).isEqualTo(CHALLENGE);
        assertThat(Pkce.verifies(CHALLENGE, VERIFIER)).isTrue();
        assertThat(Pkce.isWellFormedChallenge(CHALLENGE)).isTrue();
    }

    @Test
    void anotherVerifierOrNoneDoesNotVerify() {
        assertThat(Pkce.verifies(CHALLENGE, VERIFIER.replace('d', 'e'))).isFalse();
        assertThat(Pkce.verifies(CHALLENGE, null)).isFalse();
        assertThat(Pkce.verifies(CHALLENGE, CHALLENGE)).isFalse(); // the "plain" method: challenge sent as verifier
    }

    @Test
    void aVerifierOutsideTheRfcAlphabetOrLengthDoesNotVerifyEvenIfItHashesRight() {
        String shortVerifier = "a".repeat(42);
        String longVerifier = "a".repeat(129);
        String withSpace = "a".repeat(42) + " ";

        assertThat(Pkce.verifies(Pkce.s256(shortVerifier), shortVerifier)).isFalse();
        assertThat(Pkce.verifies(Pkce.s256(longVerifier), longVerifier)).isFalse();
        assertThat(Pkce.verifies(Pkce.s256(withSpace), withSpace)).isFalse();
        assertThat(Pkce.verifies(Pkce.s256("a".repeat(43)), "a".repeat(43))).isTrue();
    }

    @Test
    void onlyA43CharacterBase64UrlValueIsAnS256Challenge() {
        assertThat(Pkce.isWellFormedChallenge(null)).isFalse();
        assertThat(Pkce.isWellFormedChallenge(CHALLENGE.substring(1))).isFalse();
        assertThat(Pkce.isWellFormedChallenge(CHALLENGE + "A")).isFalse();
        assertThat(Pkce.isWellFormedChallenge(CHALLENGE.substring(1) + "=")).isFalse();
        assertThat(Pkce.isWellFormedChallenge(CHALLENGE.substring(1) + "+")).isFalse();
    }
}

package it.soglia.security;

import static org.assertj.core.api.Assertions.assertThat;

import it.soglia.twofactor.FactorKind;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The second step follows the factor kinds the account has enrolled, not a yes/no. */
class SecondStepByFactorKindTest {

    private static final Set<FactorKind> NONE = EnumSet.noneOf(FactorKind.class);
    private static final Set<FactorKind> TOTP = EnumSet.of(FactorKind.TOTP);

    @Test
    void anAccountWithoutASecondFactorEnrols() {
        assertThat(Pages.nextStepOf(pendingWith(NONE, false))).isEqualTo("/enroll");
    }

    @Test
    void anAccountWithAnAuthenticatorAppIsAskedForItsCode() {
        assertThat(Pages.nextStepOf(pendingWith(TOTP, false))).isEqualTo("/code");
    }

    @Test
    void anInitialPasswordIsReplacedBeforeAnySecondFactor() {
        assertThat(Pages.nextStepOf(pendingWith(TOTP, true))).isEqualTo("/change-password");
        assertThat(Pages.nextStepOf(pendingWith(NONE, true))).isEqualTo("/change-password");
    }

    @Test
    void everyFactorKindHasAStepPage() {
        for (FactorKind kind : FactorKind.values()) {
            assertThat(Pages.stepOf(kind)).startsWith("/").isNotEqualTo(Pages.ENROLL);
        }
    }

    @Test
    void eachTypedCodeFitsOnlyTheSignInsItBelongsTo() {
        assertThat(CodeCredential.Kind.ENROLMENT.fits(NONE)).isTrue();
        assertThat(CodeCredential.Kind.ENROLMENT.fits(TOTP)).isFalse(); // enrolled meanwhile: never overwritten here
        assertThat(CodeCredential.Kind.DAILY.fits(TOTP)).isTrue();
        assertThat(CodeCredential.Kind.DAILY.fits(NONE)).isFalse();
        assertThat(CodeCredential.Kind.RECOVERY.fits(TOTP)).isTrue();
        assertThat(CodeCredential.Kind.RECOVERY.fits(NONE)).isFalse(); // no recovery codes before an enrolment
    }

    @Test
    void thePendingSignInKeepsItsOwnCopyOfTheKinds() {
        Set<FactorKind> enrolled = EnumSet.of(FactorKind.TOTP);
        PendingSignIn pending = pendingWith(enrolled, false);

        enrolled.clear();

        assertThat(pending.enrolledFactors()).containsExactly(FactorKind.TOTP);
    }

    private static PendingSignIn pendingWith(Set<FactorKind> enrolled, boolean passwordChangeRequired) {
        PendingSignIn pending = new PendingSignIn();
        pending.begin(42, "mario.rossi", enrolled, passwordChangeRequired, Instant.parse("2026-03-02T08:00:00Z"));
        return pending;
    }
}

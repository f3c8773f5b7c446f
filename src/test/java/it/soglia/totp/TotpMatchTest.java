package it.soglia.totp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which typed codes {@link Totp#match} accepts, and which time step it says they belong to. */
class TotpMatchTest {

    /** 2026-03-02T10:15:40Z: 10 s into its 30-second step. */
    private static final Instant NOW = Instant.parse("2026-03-02T10:15:40Z");
    private static final byte[] SECRET = Base32.decode("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");

    private final Totp totp = new Totp(TotpPolicy.DEFAULT, Clock.fixed(NOW, ZoneOffset.UTC));
    private final long now = totp.currentStep();

    @Test
    void theCurrentStepIsTheOneTheClockFallsIn() {
        assertThat(now).isEqualTo(NOW.getEpochSecond() / 30);
    }

    @Test
    void theCodeTheAppShowsNowIsAcceptedForTheCurrentStep() {
        assertThat(totp.match(SECRET, totp.currentCode(SECRET))).hasValue(now);
    }

    @ParameterizedTest(name = "{0} step(s) off")
    @ValueSource(ints = {-1, 1})
    void aCodeOneStepOffIsAcceptedForItsOwnStep(int offset) {
        assertThat(totp.match(SECRET, totp.codeAt(SECRET, now + offset))).hasValue(now + offset);
    }

    @ParameterizedTest(name = "{0} steps off")
    @ValueSource(ints = {-3, -2, 2, 3})
    void aCodeTwoOrMoreStepsOffIsRefused(int offset) {
        String code = totp.codeAt(SECRET, now + offset);
        assertThat(codesOfSteps(totp, SECRET, now - 1, now + 1)).doesNotContainKey(code); // no accidental collision

        assertThat(totp.match(SECRET, code)).isEmpty();
    }

    @Test
    void withWindowZeroOnlyTheCurrentStepIsAccepted() {
        Totp strict = new Totp(new TotpPolicy(HmacAlgorithm.SHA1, 6, Duration.ofSeconds(30), 0),
                Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(strict.match(SECRET, strict.codeAt(SECRET, now))).hasValue(now);
        assertThat(strict.match(SECRET, strict.codeAt(SECRET, now - 1))).isEmpty();
        assertThat(strict.match(SECRET, strict.codeAt(SECRET, now + 1))).isEmpty();
    }

    @Test
    void aWrongCodeIsRefused() {
        Set<String> valid = codesOfSteps(totp, SECRET, now - 1, now + 1).keySet();
        String wrong = "000000";
        for (int i = 1; valid.contains(wrong); i++) {
            wrong = String.format("%06d", i * 7919);
        }

        assertThat(totp.match(SECRET, wrong)).isEmpty();
    }

    @Test
    void theRightCodeForAnotherSecretIsRefused() {
        byte[] other = Base32.decode("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        String othersCode = totp.currentCode(other);
        assertThat(codesOfSteps(totp, SECRET, now - 1, now + 1)).doesNotContainKey(othersCode);

        assertThat(totp.match(SECRET, othersCode)).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "12345", "1234567", "abcdef", "١٢٣٤٥٦"})
    void somethingThatIsNotSixAsciiDigitsNeverMatches(String typed) {
        assertThat(totp.match(SECRET, typed)).isEmpty();
    }

    @Test
    void theCodeChangesExactlyAtTheStepBoundary() {
        Instant lastSecond = Instant.ofEpochSecond(now * 30 + 29);
        Instant nextStepStart = Instant.ofEpochSecond(now * 30 + 30);
        Totp atLastSecond = new Totp(TotpPolicy.DEFAULT, Clock.fixed(lastSecond, ZoneOffset.UTC));
        Totp atNextStep = new Totp(TotpPolicy.DEFAULT, Clock.fixed(nextStepStart, ZoneOffset.UTC));

        assertThat(atLastSecond.currentStep()).isEqualTo(now);
        assertThat(atNextStep.currentStep()).isEqualTo(now + 1);
        assertThat(atNextStep.currentCode(SECRET)).isEqualTo(totp.codeAt(SECRET, now + 1))
                .isNotEqualTo(atLastSecond.currentCode(SECRET));
    }

    /**
     * Two steps in the window can share a code (one chance in a million per pair). Then the newest step must be
     * reported, so that the caller's replay check (steps must increase) can never be bypassed with the older one.
     */
    @Test
    void whenTwoStepsOfTheWindowShareTheCodeTheNewestIsReturned() {
        TotpPolicy wide = new TotpPolicy(HmacAlgorithm.SHA1, 6, Duration.ofSeconds(30), 10);
        Totp totpWide = new Totp(wide, Clock.fixed(NOW, ZoneOffset.UTC));
        Random random = new Random(20260302L);
        for (int attempt = 0; attempt < 200_000; attempt++) {
            byte[] secret = new byte[20];
            random.nextBytes(secret);
            Map<String, Long> newestStepByCode = new HashMap<>();
            Set<String> shared = new HashSet<>();
            for (long step = now - 10; step <= now + 10; step++) {
                String code = totpWide.codeAt(secret, step);
                if (newestStepByCode.put(code, step) != null) {
                    shared.add(code);
                }
            }
            if (!shared.isEmpty()) {
                String code = shared.iterator().next();
                OptionalLong matched = totpWide.match(secret, code);

                assertThat(matched).hasValue(newestStepByCode.get(code));
                return;
            }
        }
        throw new AssertionError("no secret with a shared code found; the search should find one in ~5,000 tries");
    }

    private static Map<String, Long> codesOfSteps(Totp totp, byte[] secret, long from, long to) {
        Map<String, Long> codes = new HashMap<>();
        for (long step = from; step <= to; step++) {
            codes.put(totp.codeAt(secret, step), step);
        }
        return codes;
    }
}

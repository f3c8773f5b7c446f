package it.soglia.totp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The published test vectors: RFC 6238 Appendix B (TOTP) and RFC 4226 Appendix D (HOTP). */
class TotpRfcVectorsTest {

    private static final byte[] SEED_SHA1 = ascii("12345678901234567890");
    private static final byte[] SEED_SHA256 = ascii("12345678901234567890123456789012");
    private static final byte[] SEED_SHA512 =
            ascii("1234567890123456789012345678901234567890123456789012345678901234");

    private static final String[] RFC4226_CODES = {
        "755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"
    };

    static Stream<Arguments> rfc6238AppendixB() {
        return Stream.of(
                Arguments.of(59L, HmacAlgorithm.SHA1, "94287082"),
                Arguments.of(59L, HmacAlgorithm.SHA256, "46119246"),
                Arguments.of(59L, HmacAlgorithm.SHA512, "90693936"),
                Arguments.of(1111111109L, HmacAlgorithm.SHA1, "07081804"),
                Arguments.of(1111111109L, HmacAlgorithm.SHA256, "68084774"),
                Arguments.of(1111111109L, HmacAlgorithm.SHA512, "25091201"),
                Arguments.of(1111111111L, HmacAlgorithm.SHA1, "14050471"),
                Arguments.of(1111111111L, HmacAlgorithm.SHA256, "67062674"),
                Arguments.of(1111111111L, HmacAlgorithm.SHA512, "99943326"),
                Arguments.of(1234567890L, HmacAlgorithm.SHA1, "89005924"),
                Arguments.of(1234567890L, HmacAlgorithm.SHA256, "91819424"),
                Arguments.of(1234567890L, HmacAlgorithm.SHA512, "93441116"),
                Arguments.of(2000000000L, HmacAlgorithm.SHA1, "69279037"),
                Arguments.of(2000000000L, HmacAlgorithm.SHA256, "90698825"),
                Arguments.of(2000000000L, HmacAlgorithm.SHA512, "38618901"),
                Arguments.of(20000000000L, HmacAlgorithm.SHA1, "65353130"),
                Arguments.of(20000000000L, HmacAlgorithm.SHA256, "77737706"),
                Arguments.of(20000000000L, HmacAlgorithm.SHA512, "47863826"));
    }

    @ParameterizedTest(name = "T={0}s {1} -> {2}")
    @MethodSource("rfc6238AppendixB")
    void currentCodeIsTheRfc6238Vector(long epochSecond, HmacAlgorithm algorithm, String expected) {
        Totp totp = eightDigits(algorithm, Instant.ofEpochSecond(epochSecond));

        assertThat(totp.currentCode(seedFor(algorithm))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "T={0}s {1} -> {2}")
    @MethodSource("rfc6238AppendixB")
    void theRfc6238VectorIsAcceptedAtItsOwnTime(long epochSecond, HmacAlgorithm algorithm, String expected) {
        Totp totp = eightDigits(algorithm, Instant.ofEpochSecond(epochSecond));

        assertThat(totp.match(seedFor(algorithm), expected)).hasValue(epochSecond / 30);
    }

    @Test
    void timeStepsAreThoseOfTheRfc6238Table() {
        Totp totp = eightDigits(HmacAlgorithm.SHA1, Instant.EPOCH);

        // the "Value of T (hex)" column of Appendix B
        assertThat(totp.stepAt(Instant.ofEpochSecond(59))).isEqualTo(0x1L);
        assertThat(totp.stepAt(Instant.ofEpochSecond(1111111109))).isEqualTo(0x23523ECL);
        assertThat(totp.stepAt(Instant.ofEpochSecond(1111111111))).isEqualTo(0x23523EDL);
        assertThat(totp.stepAt(Instant.ofEpochSecond(1234567890))).isEqualTo(0x273EF07L);
        assertThat(totp.stepAt(Instant.ofEpochSecond(2000000000))).isEqualTo(0x3F940AAL);
        assertThat(totp.stepAt(Instant.ofEpochSecond(20000000000L))).isEqualTo(0x27BC86AAL);
    }

    @Test
    void hotpIsTheRfc4226AppendixDTable() {
        String[] codes = IntStream.range(0, 10)
                .mapToObj(counter -> Hotp.code(HmacAlgorithm.SHA1, SEED_SHA1, counter, 6))
                .toArray(String[]::new);

        assertThat(codes).containsExactly(RFC4226_CODES);
    }

    @Test
    void codeAtAStepIsTheHotpOfThatCounter() {
        Totp totp = new Totp(new TotpPolicy(HmacAlgorithm.SHA1, 6, Duration.ofSeconds(30), 0),
                Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

        String[] codes = IntStream.range(0, 10).mapToObj(step -> totp.codeAt(SEED_SHA1, step)).toArray(String[]::new);

        assertThat(codes).containsExactly(RFC4226_CODES);
    }

    @Test
    void sixDigitCodesAreTheLastSixOfTheEightDigitOnes() {
        Instant at = Instant.ofEpochSecond(1111111109); // the 8-digit code 07081804 has a leading zero
        Totp six = new Totp(new TotpPolicy(HmacAlgorithm.SHA1, 6, Duration.ofSeconds(30), 0),
                Clock.fixed(at, ZoneOffset.UTC));

        assertThat(six.currentCode(SEED_SHA1)).isEqualTo("081804");
    }

    private static Totp eightDigits(HmacAlgorithm algorithm, Instant at) {
        return new Totp(new TotpPolicy(algorithm, 8, Duration.ofSeconds(30), 0), Clock.fixed(at, ZoneOffset.UTC));
    }

    private static byte[] seedFor(HmacAlgorithm algorithm) {
        return switch (algorithm) {
            case SHA1 -> SEED_SHA1;
            case SHA256 -> SEED_SHA256;
            case SHA512 -> SEED_SHA512;
        };
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}

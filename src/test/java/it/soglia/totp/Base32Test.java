package it.soglia.totp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 4648 Base32, the alphabet of the key people type by hand when they cannot scan the QR code. */
class Base32Test {

    @ParameterizedTest
    @ValueSource(strings = {"ıııııııı", "ſſſſſſſſ"})
    void nonAsciiLettersThatUpperCaseToAsciiAreRefused(String typed) {
        assertThatThrownBy(() -> Base32.decode(typed)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource(value = {
        "'', ''",
        "f, MY",
        "fo, MZXQ",
        "foo, MZXW6",
        "foob, MZXW6YQ",
        "fooba, MZXW6YTB",
        "foobar, MZXW6YTBOI"
    })
    void encodesTheRfc4648VectorsWithoutPadding(String plain, String base32) {
        assertThat(Base32.encode(plain.getBytes(StandardCharsets.US_ASCII))).isEqualTo(base32);
    }

    @ParameterizedTest(name = "\"{1}\" -> \"{0}\"")
    @CsvSource(value = {
        "'', ''",
        "f, MY",
        "fo, MZXQ",
        "foo, MZXW6",
        "foob, MZXW6YQ",
        "fooba, MZXW6YTB",
        "foobar, MZXW6YTBOI"
    })
    void decodesTheRfc4648Vectors(String plain, String base32) {
        assertThat(new String(Base32.decode(base32), StandardCharsets.US_ASCII)).isEqualTo(plain);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {
        "mzxw6ytboi",
        "MzXw6YtBoI",
        "MZXW 6YTB OI",
        "  MZXW6YTBOI  ",
        "MZXW-6YTB-OI",
        "MZXW6YTBOI======",
        "mzxw 6ytb oi======"
    })
    void decodingToleratesWhatPeopleTypeOrCopy(String typed) {
        assertThat(new String(Base32.decode(typed), StandardCharsets.US_ASCII)).isEqualTo("foobar");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {
        "MZXW6YTB0I",   // digit zero, not the letter O
        "MZXW6YTB1I",   // digit one, not in the alphabet
        "MZXW8YTBOI",   // 8 and 9 are not in the alphabet either
        "MZXW6YTB!",
        "MZXW_6YTB",
        "MZXW\t6YTB",
        "MZXW.6YTB",
        "MZXW6YTBÖ",
        "MZXW6YTB\u0000"
    })
    void decodingRefusesAnyOtherCharacter(String typed) {
        assertThatThrownBy(() -> Base32.decode(typed))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a Base32 character");
    }

    @Test
    void theRefusalSaysWhereTheBadCharacterIs() {
        assertThatThrownBy(() -> Base32.decode("MZXW 6Y0B"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("position 7");
    }

    @Test
    void randomKeysSurviveARoundTrip() {
        Random random = new Random(4648);
        for (int length = 0; length <= 64; length++) {
            byte[] data = new byte[length];
            random.nextBytes(data);

            String encoded = Base32.encode(data);

            assertThat(encoded).matches("[A-Z2-7]*").hasSize((length * 8 + 4) / 5);
            assertThat(Base32.decode(encoded)).as("length %d", length).isEqualTo(data);
            assertThat(Base32.decode(Base32.grouped(encoded).toLowerCase())).isEqualTo(data);
        }
    }

    @Test
    void aTwentyByteKeyIsShownAsEightGroupsOfFour() {
        String key = Base32.encode(new byte[20]);

        assertThat(key).isEqualTo("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        assertThat(Base32.grouped(key)).isEqualTo("AAAA AAAA AAAA AAAA AAAA AAAA AAAA AAAA");
    }

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource(value = {
        "'', ''",
        "MZX, MZX",
        "MZXW, MZXW",
        "MZXW6, MZXW 6",
        "MZXW6YTBOI, MZXW 6YTB OI",
        "MZXW6YTB, MZXW 6YTB"
    })
    void groupedSplitsIntoFoursWithSingleSpaces(String key, String grouped) {
        assertThat(Base32.grouped(key)).isEqualTo(grouped);
    }
}

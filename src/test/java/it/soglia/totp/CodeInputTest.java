package it.soglia.totp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What a person may type into the six-digit code field. */
class CodeInputTest {

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"123456", " 123456 ", "123 456", "123-456", "\t123456\n"})
    void theWaysPeopleTypeACodeAreAccepted(String typed) {
        assertThat(CodeInput.normalize(typed, 6)).hasValue("123456");
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("empty", ""),
                Arguments.of("blank", "   "),
                Arguments.of("null", null),
                Arguments.of("five digits", "12345"),
                Arguments.of("seven digits", "1234567"),
                Arguments.of("a letter", "12a456"),
                Arguments.of("Arabic-Indic digits", "١٢٣٤٥٦"),
                Arguments.of("full-width digits", "１２３４５６"),
                Arguments.of("a NUL character", "123\u0000456"),
                Arguments.of("three groups", "12 34 56"),
                Arguments.of("two separators", "123--456"),
                Arguments.of("space and hyphen", "123 -456"),
                Arguments.of("leading hyphen", "-123456"),
                Arguments.of("no-break space", "123\u00A0456"),
                Arguments.of("10 kB of digits", "1".repeat(10_240)),
                Arguments.of("a code padded to 10 kB", " ".repeat(5_117) + "123456" + " ".repeat(5_117)),
                Arguments.of("SQL after the code", "123456; drop table"),
                Arguments.of("a plus sign", "+123456"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void anythingElseIsRefusedRatherThanGuessed(String description, String typed) {
        assertThat(CodeInput.normalize(typed, 6)).isEmpty();
    }

    @Test
    void leadingZerosAreKept() {
        assertThat(CodeInput.normalize("012 345", 6)).hasValue("012345");
        assertThat(CodeInput.normalize("000000", 6)).hasValue("000000");
    }

    @Test
    void theLengthFollowsThePolicy() {
        assertThat(CodeInput.normalize("1234 5678", 8)).hasValue("12345678");
        assertThat(CodeInput.normalize("123456", 8)).isEmpty();
        assertThat(CodeInput.normalize("12345678", 6)).isEmpty();
    }
}

package it.soglia.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a new password may be. */
class PasswordPolicyTest {

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"una frase lunga e mia", "' OR '1'='1' --", "<script>alert(1)</script>",
            "pässwörd-ünïcødé", "１２３４５６７８９０１２"})
    void longPrintableTextIsAPassword(String chosen) {
        assertThat(PasswordPolicy.check("mario.rossi", chosen)).isEmpty();
    }

    @ParameterizedTest(name = "{index}")
    @ValueSource(strings = {"nul\u0000byte-soglia-2026", "a long line\r\nBcc: x@evil.test", "tab\tseparated words",
            "escape\u001b[31m red text", "next line\u0085 soglia 2026"})
    void controlCharactersAreRefused(String chosen) {
        assertThat(PasswordPolicy.check("mario.rossi", chosen)).hasValue(PasswordPolicy.Problem.CONTROL_CHARACTER);
    }
}

package it.soglia.totp;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecoveryCodeFormatTest {

    @Test
    void aCodeIsFourGroupsOfFourBase32CharactersAndCodesDoNotRepeat() {
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String code = RecoveryCodeFormat.generate(random);
            assertThat(code).matches("[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}");
            assertThat(seen.add(code)).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ABCD-EFGH-JKLM-NPQR", "abcd-efgh-jklm-npqr", "ABCDEFGHJKLMNPQR", " abcd efgh jklm npqr ",
            "AbCd-EfGh JkLm-NpQr"})
    void typedCodesAreAcceptedInAnyCaseWithOrWithoutSeparators(String typed) {
        assertThat(RecoveryCodeFormat.normalize(typed)).contains("ABCDEFGHJKLMNPQR");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "ABCD-EFGH-JKLM-NPQ", "ABCD-EFGH-JKLM-NPQRS", "ABCD-EFGH-JKLM-NPQ9",
            "ABCD_EFGH_JKLM_NPQR", "ABCD-EFGH-JKLM-NPQ\u0000", "１２３４５６７ABCDEFGHJK",
            "' OR '1'='1' -- xxxxxx", "<script>alert(1)</script>"})
    void anythingElseIsNotARecoveryCode(String typed) {
        assertThat(RecoveryCodeFormat.normalize(typed)).isEmpty();
    }

    @Test
    void digitsThatLookLikeLettersAreReadAsThoseLetters() {
        assertThat(RecoveryCodeFormat.normalize("0IB0-1BIO-8OOO-AAAA")).contains("OIBOIBIOBOOOAAAA");
    }

    @Test
    void nullAndHugeInputsAreNotCodes() {
        assertThat(RecoveryCodeFormat.normalize(null)).isEmpty();
        assertThat(RecoveryCodeFormat.normalize("A".repeat(10_000))).isEmpty();
    }

    @Test
    void theStoredFormIsASaltedPbkdf2HashThatOnlyTheSameCodeMatches() {
        SecureRandom random = new SecureRandom();
        String one = RecoveryCodeFormat.hash("ABCDEFGHJKLMNPQR", random);
        String again = RecoveryCodeFormat.hash("ABCDEFGHJKLMNPQR", random);

        assertThat(one).matches("pbkdf2-sha256\\$10000\\$[0-9a-f]{32}\\$[0-9a-f]{64}").doesNotContain("ABCDEFGHJKLMNPQR");
        assertThat(again).isNotEqualTo(one); // salted: equal codes are not equal rows
        assertThat(RecoveryCodeFormat.matches("ABCDEFGHJKLMNPQR", one)).isTrue();
        assertThat(RecoveryCodeFormat.matches("ABCDEFGHJKLMNPQS", one)).isFalse();
        assertThat(RecoveryCodeFormat.matches("ABCDEFGHJKLMNPQR", "not a stored code")).isFalse();
    }
}

package it.soglia.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the audit trail keeps of values a client sent. */
class RequestOriginTest {

    @Test
    void controlCharactersBecomeQuestionMarksC1Included() {
        assertThat(RequestOrigin.clean("a\u0000b\r\nc\u007fd\u0085e\u009fé", 64)).isEqualTo("a?b??c?d?e?é");
    }

    @Test
    void valuesAreCutToTheirColumn() {
        assertThat(RequestOrigin.clean("x".repeat(100), 64)).hasSize(64);
        assertThat(RequestOrigin.clean(null, 64)).isEmpty();
    }
}

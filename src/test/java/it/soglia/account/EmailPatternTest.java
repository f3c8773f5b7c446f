package it.soglia.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which addresses Soglia takes for an account: real ones, never a second header or markup. */
class EmailPatternTest {

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"mario.rossi@example.test", "o'brien+soglia@example.co.uk", "anna_bianchi-2@sub.example.it",
            "nicolò@esempio.it"})
    void realAddressesAreTaken(String address) {
        assertThat(EmailChange.EMAIL.matcher(address).matches()).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"a@b\r\nBcc: x@evil.test", "a@b.test\u0085", "a@b.test\u2028", "a@b.test\u200B",
            "a@b.te\u0000st", "<script>alert(1)</script>@evil.test", "\"quoted\"@example.test", "a@[127.0.0.1]",
            "a,b@example.test", "a;b@example.test", "Mario <mario@example.test>", "mario@example", "@example.test",
            "mario@@example.test", "mario rossi@example.test"})
    void anythingElseIsRefused(String address) {
        assertThat(EmailChange.EMAIL.matcher(address).matches()).isFalse();
    }
}

package it.soglia.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SessionTimeoutTest {

    @Test
    void theIdleTimeoutIsCountedInWholeMinutesRoundedUp() {
        assertThat(SessionCookieSetup.timeoutMinutes("PT30M")).isEqualTo(30);
        assertThat(SessionCookieSetup.timeoutMinutes(" PT1H ")).isEqualTo(60);
        assertThat(SessionCookieSetup.timeoutMinutes("PT90S")).isEqualTo(2);
        assertThat(SessionCookieSetup.timeoutMinutes("PT1S")).isEqualTo(1);
    }

    @Test
    void aMalformedOrSenselessValueStopsTheStartNamingTheKey() {
        assertThatThrownBy(() -> SessionCookieSetup.timeoutMinutes("30")).hasMessageContaining("soglia.session.timeout")
                .hasMessageContaining("PT30M");
        assertThatThrownBy(() -> SessionCookieSetup.timeoutMinutes("PT0S")).hasMessageContaining("soglia.session.timeout");
        assertThatThrownBy(() -> SessionCookieSetup.timeoutMinutes("-PT5M")).hasMessageContaining("soglia.session.timeout");
        assertThatThrownBy(() -> SessionCookieSetup.timeoutMinutes("P30D")).hasMessageContaining("soglia.session.timeout");
    }
}

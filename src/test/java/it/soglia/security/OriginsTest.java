package it.soglia.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class OriginsTest {

    private static final Set<String> PROXY = Set.of("10.0.0.1");

    @Test
    void withoutATrustedProxyTheHeaderIsIgnored() {
        assertThat(Origins.clientAddress("203.0.113.7", "198.51.100.1", PROXY)).isEqualTo("203.0.113.7");
        assertThat(Origins.clientAddress("203.0.113.7", "198.51.100.1", Set.of())).isEqualTo("203.0.113.7");
    }

    @Test
    void behindATrustedProxyTheNearestUntrustedHopIsTheClient() {
        assertThat(Origins.clientAddress("10.0.0.1", "198.51.100.1", PROXY)).isEqualTo("198.51.100.1");
        // a client may send its own X-Forwarded-For: the proxy appends the real address, which is the one taken
        assertThat(Origins.clientAddress("10.0.0.1", "1.2.3.4, 198.51.100.1", PROXY)).isEqualTo("198.51.100.1");
        assertThat(Origins.clientAddress("10.0.0.1", "198.51.100.1, 10.0.0.1", PROXY)).isEqualTo("198.51.100.1");
    }

    @Test
    void aHeaderOfOnlyProxiesOrNothingLeavesThePeer() {
        assertThat(Origins.clientAddress("10.0.0.1", " , ", PROXY)).isEqualTo("10.0.0.1");
        assertThat(Origins.clientAddress("10.0.0.1", "10.0.0.1", PROXY)).isEqualTo("10.0.0.1");
        assertThat(Origins.clientAddress("10.0.0.1", null, PROXY)).isEqualTo("10.0.0.1");
    }
}

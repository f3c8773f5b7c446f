package it.soglia.security;

import static it.soglia.security.CrossSiteFormPosts.isFromThisSite;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which posts of the stateless public pages count as sent from Soglia's own pages. */
class CrossSiteFormPostsTest {

    private static final Optional<String> PUBLIC = Optional.of("https://intranet.example.com");

    @Test
    void anOriginNamingTheHostOrThePublicAddressIsTaken() {
        assertThat(isFromThisSite("http://127.0.0.1:8080", null, "127.0.0.1:8080", PUBLIC)).isTrue();
        assertThat(isFromThisSite("https://intranet.example.com", "same-origin", "10.0.0.5:8080", PUBLIC)).isTrue();
        assertThat(isFromThisSite("HTTPS://Intranet.Example.com", null, "10.0.0.5:8080", PUBLIC)).isTrue();
    }

    @Test
    void anyOtherOriginIsRefusedWhateverElseTheRequestSays() {
        assertThat(isFromThisSite("http://evil.example", "same-origin", "127.0.0.1:8080", PUBLIC)).isFalse();
        assertThat(isFromThisSite("http://127.0.0.1:8081", null, "127.0.0.1:8080", PUBLIC)).isFalse();
        assertThat(isFromThisSite("https://intranet.example.com.evil.example", null, "127.0.0.1:8080", PUBLIC))
                .isFalse();
    }

    /** Browsers send {@code Origin: null} from our no-referrer pages (/lost-code, /reset); Sec-Fetch-Site decides. */
    @Test
    void anOpaqueOrMissingOriginIsDecidedBySecFetchSite() {
        assertThat(isFromThisSite("null", "same-origin", "127.0.0.1:8080", PUBLIC)).isTrue();
        assertThat(isFromThisSite("null", "cross-site", "127.0.0.1:8080", PUBLIC)).isFalse();
        assertThat(isFromThisSite(null, "same-site", "127.0.0.1:8080", PUBLIC)).isFalse();
        assertThat(isFromThisSite(null, "none", "127.0.0.1:8080", PUBLIC)).isTrue();
        assertThat(isFromThisSite(null, null, "127.0.0.1:8080", PUBLIC)).isTrue(); // not a browser
    }
}

package it.soglia.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.soglia.directory.DirectoryPasswords.Answer.Kind;
import it.soglia.testing.TestDirectory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The directory's connection is encrypted and its certificate checked, against a real slapd with a certificate for
 * {@code localhost} signed by a CA of the test's own ({@code soglia.ldap.ca-certificate}): StartTLS on ldap://,
 * and ldaps://. A certificate of another CA, and nothing is sent. (A host name the certificate does not name is
 * refused too, by the trust manager, but not testable here: for a loopback address UnboundID accepts any name that
 * resolves to one, and every name of this machine does.)
 */
class LdapDirectoryTlsTest {

    private static TestDirectory slapd;

    @BeforeAll
    static void start() throws Exception {
        slapd = TestDirectory.startWithTls(Path.of("target", "ldap-tls"));
    }

    @AfterAll
    static void stop() {
        slapd.close();
    }

    private static DirectoryPasswords.Answer signIn(String url, boolean startTls, Path ca) throws Exception {
        DirectorySettings settings = new DirectorySettings(URI.create(url), startTls, TestDirectory.SERVICE_DN,
                TestDirectory.SERVICE_PASSWORD, "ou=people," + TestDirectory.BASE,
                DirectorySettings.OPENLDAP_USER_FILTER, "uid", "cn", "mail", "entryUUID", Optional.empty(), "member",
                Optional.empty(), Duration.ofSeconds(3), Duration.ofSeconds(3), Optional.of(ca.toString()), 1);
        try (LdapDirectory connections = new LdapDirectory(settings)) {
            return new DirectoryPasswords(settings, connections).check("dir.paolo", "paolo-directory-2026");
        }
    }

    @Test
    void startTlsWithTheConfiguredCaChecksThePassword() throws Exception {
        assertThat(signIn(slapd.url(), true, slapd.caCertificate()).kind()).isEqualTo(Kind.RIGHT);
    }

    @Test
    void ldapsWithTheConfiguredCaChecksThePassword() throws Exception {
        assertThat(signIn(slapd.tlsUrl(), false, slapd.caCertificate()).kind()).isEqualTo(Kind.RIGHT);
    }

    @Test
    void aCertificateOfAnotherCaIsRefused() {
        assertThatThrownBy(() -> signIn(slapd.url(), true, slapd.otherCaCertificate()))
                .isInstanceOf(DirectoryUnavailableException.class);
        assertThatThrownBy(() -> signIn(slapd.tlsUrl(), false, slapd.otherCaCertificate()))
                .isInstanceOf(DirectoryUnavailableException.class);
    }
}

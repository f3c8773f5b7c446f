package it.soglia.testing;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real OpenLDAP directory for the tests: Debian's {@code slapd} (package {@code slapd}, installed by .ci/run),
 * a throwaway instance under {@code target/it/ldap} on a free loopback port, an mdb database loaded with
 * {@code slapadd} from {@code src/test/resources/directory/people.ldif} (users, the admins' group, a disabled user, one
 * the tests rename). Soglia searches as {@link #SERVICE_DN} and binds as each user.
 */
public final class TestDirectory implements AutoCloseable {

    public static final String BASE = "dc=example,dc=test";
    public static final String SERVICE_DN = "cn=soglia,ou=services," + BASE;
    public static final String SERVICE_PASSWORD = "soglia-service-secret";
    public static final String ADMINS = "cn=soglia-admins,ou=groups," + BASE;
    private static final String ROOT_DN = "cn=admin," + BASE;
    private static final String ROOT_PASSWORD = "test-directory-root";

    private final Path dir;
    private final int port;
    /** The ldaps:// port; 0 when this directory speaks no TLS. */
    private final int tlsPort;
    private Process slapd;

    private TestDirectory(Path dir, int port, int tlsPort) {
        this.dir = dir;
        this.port = port;
        this.tlsPort = tlsPort;
    }

    public static TestDirectory start(Path dir) throws IOException, InterruptedException {
        return start(dir, false);
    }

    /**
     * With TLS too: StartTLS on {@link #url()} and ldaps:// on {@link #tlsUrl()}, with a certificate for
     * {@code localhost} only, signed by a CA made here ({@link #caCertificate()}); {@link #otherCaCertificate()} is a CA
     * that signed nothing of it.
     */
    public static TestDirectory startWithTls(Path dir) throws IOException, InterruptedException {
        return start(dir, true);
    }

    private static TestDirectory start(Path dir, boolean tls) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of("/usr/sbin/slapd"))) {
            throw new IllegalStateException("the directory tests need Debian's slapd: "
                    + "apt-get install slapd ldap-utils (.ci/run installs them)");
        }
        deleteTree(dir);
        Files.createDirectories(dir.resolve("data"));
        Path conf = dir.resolve("slapd.conf");
        String tlsLines = tls ? makeCertificates(dir) : "";
        Files.writeString(conf, tlsLines + String.join("\n",
                "include /etc/ldap/schema/core.schema",
                "include /etc/ldap/schema/cosine.schema",
                "include /etc/ldap/schema/inetorgperson.schema",
                "include /etc/ldap/schema/nis.schema",
                "pidfile " + dir.toAbsolutePath().resolve("slapd.pid"),
                "modulepath /usr/lib/ldap",
                "moduleload back_mdb",
                "database mdb",
                "maxsize 10485760",
                "suffix \"" + BASE + "\"",
                "rootdn \"" + ROOT_DN + "\"",
                "rootpw " + ROOT_PASSWORD,
                "directory " + dir.toAbsolutePath().resolve("data"),
                "access to attrs=userPassword by self write by anonymous auth by * none",
                "access to * by users read by * none", ""));
        Path ldif = dir.resolve("people.ldif");
        try (InputStream in = TestDirectory.class.getResourceAsStream("/directory/people.ldif")) {
            Files.copy(in, ldif);
        }
        run(List.of("/usr/sbin/slapadd", "-f", conf.toString(), "-l", ldif.toString()), dir.resolve("slapadd.log"));
        TestDirectory directory = new TestDirectory(dir, FreePort.find(), tls ? FreePort.find() : 0);
        directory.startSlapd();
        return directory;
    }

    /** The soglia.ldap.* settings that point Soglia at this directory. */
    public Map<String, String> sogliaSettings() {
        return Map.of("soglia.ldap.url", url(),
                "soglia.ldap.start-tls", "false", // loopback only; README: StartTLS or ldaps:// in production
                "soglia.ldap.bind-dn", SERVICE_DN,
                "soglia.ldap.bind-password", SERVICE_PASSWORD,
                "soglia.ldap.user-base-dn", "ou=people," + BASE,
                "soglia.ldap.admin-group", ADMINS,
                "soglia.ldap.disabled-filter", "(employeeType=disabled)",
                "soglia.ldap.connect-timeout", "PT2S",
                "soglia.ldap.response-timeout", "PT3S",
                "soglia.ldap.password-help", "https://password.example.test");
    }

    public String url() {
        return "ldap://" + host() + ":" + port;
    }

    public String tlsUrl() {
        return "ldaps://localhost:" + tlsPort;
    }

    public int port() {
        return port;
    }

    public Path caCertificate() {
        return dir.resolve("ca.pem").toAbsolutePath();
    }

    public Path otherCaCertificate() {
        return dir.resolve("other-ca.pem").toAbsolutePath();
    }

    /** The certificate names localhost only; without TLS the plain loopback address is enough. */
    private String host() {
        return tlsPort == 0 ? "127.0.0.1" : "localhost";
    }

    private static String makeCertificates(Path dir) throws IOException, InterruptedException {
        Path log = dir.resolve("openssl.log");
        for (String ca : new String[] {"ca", "other-ca"}) {
            run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-keyout", dir.resolve(ca + ".key").toString(), "-out", dir.resolve(ca + ".pem").toString(),
                    "-subj", "/CN=Soglia test " + ca), log);
        }
        run(List.of("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost",
                "-keyout", dir.resolve("server.key").toString(), "-out", dir.resolve("server.csr").toString()), log);
        Path extensions = dir.resolve("server.ext");
        Files.writeString(extensions, "subjectAltName=DNS:localhost\nbasicConstraints=CA:FALSE\n");
        run(List.of("openssl", "x509", "-req", "-days", "2", "-in", dir.resolve("server.csr").toString(),
                "-CA", dir.resolve("ca.pem").toString(), "-CAkey", dir.resolve("ca.key").toString(),
                "-CAcreateserial", "-extfile", extensions.toString(),
                "-out", dir.resolve("server.pem").toString()), log);
        return String.join("\n",
                "TLSCACertificateFile " + dir.toAbsolutePath().resolve("ca.pem"),
                "TLSCertificateFile " + dir.toAbsolutePath().resolve("server.pem"),
                "TLSCertificateKeyFile " + dir.toAbsolutePath().resolve("server.key"), "");
    }

    /** The directory's admins rename a user (a new uid, the same entry and entryUUID). */
    public void rename(String uid, String newUid) throws LDAPException {
        try (LDAPConnection admin = admin()) {
            admin.modifyDN(dn(uid), "uid=" + newUid, true);
        }
    }

    /** A person added by a test (the same username as a local account, say). */
    public void addPerson(String uid, String password) throws LDAPException, com.unboundid.ldif.LDIFException {
        try (LDAPConnection admin = admin()) {
            admin.add("dn: " + dn(uid), "objectClass: inetOrgPerson", "uid: " + uid, "cn: Directory " + uid,
                    "sn: Directory", "mail: " + uid + "@directory.example.test", "userPassword: " + password);
        }
    }

    public void disable(String uid) throws LDAPException {
        modify(uid, new Modification(ModificationType.REPLACE, "employeeType", "disabled"));
    }

    public void enable(String uid) throws LDAPException {
        modify(uid, new Modification(ModificationType.DELETE, "employeeType"));
    }

    public void changePassword(String uid, String password) throws LDAPException {
        modify(uid, new Modification(ModificationType.REPLACE, "userPassword", password));
    }

    private void modify(String uid, Modification modification) throws LDAPException {
        try (LDAPConnection admin = admin()) {
            admin.modify(dn(uid), modification);
        }
    }

    public static String dn(String uid) {
        return "uid=" + uid + ",ou=people," + BASE;
    }

    private LDAPConnection admin() throws LDAPException {
        return new LDAPConnection("127.0.0.1", port, ROOT_DN, ROOT_PASSWORD);
    }

    /** The directory stops answering (a test of an outage); {@link #resume()} starts it again on the same port. */
    public void stop() throws InterruptedException {
        if (slapd != null) {
            slapd.destroy();
            slapd.waitFor();
            slapd = null;
        }
    }

    public void resume() throws IOException, InterruptedException {
        startSlapd();
    }

    private void startSlapd() throws IOException, InterruptedException {
        String listeners = tlsPort == 0 ? url() + "/" : url() + "/ " + tlsUrl() + "/";
        slapd = new ProcessBuilder("/usr/sbin/slapd", "-d", "0", "-f", dir.resolve("slapd.conf").toString(),
                "-h", listeners).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("slapd.log").toFile())).start();
        if (!Poll.until(Duration.ofSeconds(20), Duration.ofMillis(50), this::slapdAnswers)) {
            throw new IllegalStateException("slapd did not listen within 20 s: see " + dir.resolve("slapd.log"));
        }
    }

    /** slapd accepts a connection: it is ready. A slapd that exited will not: said at once. */
    private boolean slapdAnswers() {
        try (Socket probe = new Socket("127.0.0.1", port)) {
            return probe.isConnected();
        } catch (IOException notYet) {
            if (!slapd.isAlive()) {
                throw new IllegalStateException("slapd did not start: see " + dir.resolve("slapd.log"));
            }
            return false;
        }
    }

    private static void run(List<String> command, Path log) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + Files.readString(log));
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

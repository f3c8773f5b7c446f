package it.soglia.rp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The test application's registration at Soglia: issuer, client id and secret, read from the file named by the
 * system property {@value #FILE_PROPERTY}. The test registers the application only once Soglia is up (its port,
 * hence the redirect URI, is known only then) and writes this file before the application's first protected page
 * is opened: the OpenID mechanism reads these values once, at its first sign-in.
 */
@ApplicationScoped
@Named("rpSettings")
public class RelyingPartySettings {

    /** The system property of the Payara JVM that names the settings file. */
    public static final String FILE_PROPERTY = "rp.settings-file";

    public String getIssuer() {
        return read("issuer");
    }

    public String getClientId() {
        return read("client-id");
    }

    public String getClientSecret() {
        return read("client-secret");
    }

    private static String read(String key) {
        Path file = Path.of(System.getProperty(FILE_PROPERTY, "rp-settings.properties"));
        Properties settings = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            settings.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("the test application is not registered yet: no " + file, e);
        }
        return settings.getProperty(key);
    }
}

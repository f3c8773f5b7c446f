package it.soglia.account;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Base64;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The configured Argon2id hasher, plus a hash of a random password: checking against it when the username does
 * not exist makes an unknown user cost the same time as a wrong password.
 */
@ApplicationScoped
public class PasswordHashing {

    @Inject
    @ConfigProperty(name = "soglia.password.argon2.iterations", defaultValue = "5")
    int iterations;

    @Inject
    @ConfigProperty(name = "soglia.password.argon2.memory-kib", defaultValue = "7168")
    int memoryKiB;

    @Inject
    @ConfigProperty(name = "soglia.password.argon2.parallelism", defaultValue = "1")
    int parallelism;

    @Inject
    SecureRandom random;

    private Argon2PasswordHasher hasher;
    private String dummyHash;

    @PostConstruct
    void init() {
        hasher = new Argon2PasswordHasher(new Argon2Parameters(iterations, memoryKiB, parallelism), random);
        byte[] unguessable = new byte[32];
        random.nextBytes(unguessable);
        dummyHash = hasher.hash(Base64.getEncoder().encodeToString(unguessable));
    }

    public String hash(String password) {
        return hasher.hash(password);
    }

    public boolean matches(String password, String encoded) {
        return hasher.matches(password, encoded);
    }

    public boolean needsRehash(String encoded) {
        return hasher.needsRehash(encoded);
    }

    /** Spends the time of one check and always answers false. */
    public boolean matchesNothing(String password) {
        hasher.matches(password, dummyHash);
        return false;
    }
}

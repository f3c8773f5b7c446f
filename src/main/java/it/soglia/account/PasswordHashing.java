package it.soglia.account;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The configured Argon2id hasher, plus a hash of a random password: checking against it when the username does
 * not exist makes an unknown user cost the same time as a wrong password.
 *
 * <p>At most {@code soglia.password.concurrent-hashes} hashes run at once (default: one per core); more sign-ins
 * at once wait their turn, first come first served. A hash keeps a core busy for its whole time, so more of them at
 * once would not end sooner: they would only hold more memory (7 MiB each) and take the cores from the short
 * requests (the code step, the pages), which then wait behind every password being checked. Each slot keeps the
 * memory of one hash ({@link HashSlots}).
 */
@ApplicationScoped
public class PasswordHashing {

    static final String CONCURRENT_HASHES_KEY = "soglia.password.concurrent-hashes";

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
    @ConfigProperty(name = CONCURRENT_HASHES_KEY)
    Optional<Integer> concurrentHashes;

    @Inject
    SecureRandom random;

    private HashSlots slots;
    private Argon2PasswordHasher hasher;
    private String dummyHash;

    @PostConstruct
    void init() {
        int slotCount = concurrentHashes.orElse(Runtime.getRuntime().availableProcessors());
        if (slotCount < 1) {
            throw new IllegalStateException("Soglia cannot start: " + CONCURRENT_HASHES_KEY + " must be at least 1, not "
                    + slotCount);
        }
        hasher = new Argon2PasswordHasher(new Argon2Parameters(iterations, memoryKiB, parallelism), random);
        slots = new HashSlots(slotCount, hasher.blocksPerHash());
        byte[] unguessable = new byte[32];
        random.nextBytes(unguessable);
        dummyHash = hasher.hash(Base64.getEncoder().encodeToString(unguessable));
    }

    /** For the start-up log; asking for it at deployment also checks the settings there, not at the first sign-in. */
    public String description() {
        return "Argon2id m=" + memoryKiB + " KiB, t=" + iterations + ", p=" + parallelism + ", at most "
                + slots.count() + " at once";
    }

    public String hash(String password) {
        return slots.run(blocks -> hasher.hash(password, blocks));
    }

    public boolean matches(String password, String encoded) {
        return slots.run(blocks -> hasher.matches(password, encoded, blocks));
    }

    public boolean needsRehash(String encoded) {
        return hasher.needsRehash(encoded);
    }

    /** Spends the time of one check and always answers false. */
    public boolean matchesNothing(String password) {
        matches(password, dummyHash);
        return false;
    }
}

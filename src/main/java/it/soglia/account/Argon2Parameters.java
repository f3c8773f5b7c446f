package it.soglia.account;

/**
 * Cost of one Argon2id hash. Stored inside every hash, so raising them later only affects new hashes and the
 * old ones are upgraded at their next successful sign-in.
 *
 * @param iterations  passes over memory (t)
 * @param memoryKiB   memory in KiB (m)
 * @param parallelism lanes (p)
 */
public record Argon2Parameters(int iterations, int memoryKiB, int parallelism) {

    /** Keycloak's default: argon2id v1.3, t=5, m=7168 KiB, p=1. */
    public static final Argon2Parameters DEFAULT = new Argon2Parameters(5, 7168, 1);

    public Argon2Parameters {
        if (iterations < 1 || memoryKiB < 8 * parallelism || parallelism < 1) {
            throw new IllegalArgumentException("invalid Argon2 parameters t=" + iterations
                    + " m=" + memoryKiB + " p=" + parallelism);
        }
    }

    public boolean isWeakerThan(Argon2Parameters other) {
        return iterations < other.iterations || memoryKiB < other.memoryKiB || parallelism < other.parallelism;
    }
}

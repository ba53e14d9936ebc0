package dev.scrollback.adapters.crypto.accounts;

/**
 * What one Argon2id hash costs: memory in KiB, passes over it, and lanes.
 *
 * <p>The bounds are the most a stored hash may ask for: a corrupted or planted hash must not be able to make one login
 * allocate gigabytes or spin for minutes. They are far above anything worth configuring.
 */
public record Argon2Cost(int memoryKiB, int iterations, int parallelism) {
    public static final int MAX_MEMORY_KIB = 1024 * 1024;      // 1 GiB
    public static final int MAX_ITERATIONS = 20;
    public static final int MAX_PARALLELISM = 16;

    /**
     * OWASP's Password Storage Cheat Sheet: the least memory (KiB) for 1, 2, 3, 4 and 5+ passes, p = 1. They are
     * equally strong; the last one is also Keycloak's default (7 MiB, t = 5).
     */
    private static final int[] OWASP_MINIMUM_MEMORY_KIB = {47_104, 19_456, 12_288, 9_216, 7_168};

    public Argon2Cost {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException("parallelism must be 1.." + MAX_PARALLELISM + ", was " + parallelism);
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be 1.." + MAX_ITERATIONS + ", was " + iterations);
        }
        if (memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {   // Argon2 needs 8 KiB blocks per lane
            throw new IllegalArgumentException(
                    "memory must be " + 8 * parallelism + ".." + MAX_MEMORY_KIB + " KiB, was " + memoryKiB);
        }
    }

    /**
     * m = 19 MiB, t = 3, p = 1: OWASP's 19 MiB line with one pass more than its minimum t = 2, and well above Keycloak's
     * default (7 MiB, t = 5) in memory, the resource that makes GPU and ASIC guessing expensive. Measured on the 2-core
     * build machine (Temurin 25, Bouncy Castle 1.83, warm JIT): a median of 32 ms per hash (Keycloak's default: 21 ms;
     * the reference C implementation: about 25 ms; see Argon2CostMeasurement). Hashes now run natively where libargon2
     * loads (decision 0014; Argon2idImplementationMeasurement compares the two).
     * One lane: Bouncy Castle computes lanes one after another, and with a hash per core already running, libargon2's
     * thread per lane would buy no throughput either.
     */
    public static Argon2Cost recommended() {
        return new Argon2Cost(19 * 1024, 3, 1);
    }

    /** True when any of the three is lower than {@code other}'s: such a hash should be redone with {@code other}. */
    public boolean weakerThan(Argon2Cost other) {
        return memoryKiB < other.memoryKiB || iterations < other.iterations || parallelism < other.parallelism;
    }

    /** At least as costly as one of the settings OWASP recommends (the weakest of which is Keycloak's default). */
    public boolean meetsOwaspMinimum() {
        return memoryKiB >= OWASP_MINIMUM_MEMORY_KIB[Math.min(iterations, OWASP_MINIMUM_MEMORY_KIB.length) - 1];
    }
}

package dev.scrollback.adapters.crypto.accounts;

import dev.scrollback.application.accounts.PasswordHasher;
import dev.scrollback.domain.accounts.PasswordHash;
import dev.scrollback.domain.accounts.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.concurrent.Semaphore;

/**
 * Argon2id (RFC 9106), stored as PHC strings. The tags come from native libargon2 (the reference implementation) when it
 * loads on this platform, else from Bouncy Castle's pure-Java code: the same function, so either verifies the other's
 * hashes ({@link Argon2idChoice}, decision 0014).
 *
 * <p>Secrets are normalised to Unicode NFC before hashing (as RFC 8265's OpaqueString profile does), so that the same
 * password typed on a terminal and in a browser hashes alike whichever way each composes accented letters.
 *
 * <p>At most {@code maxConcurrentHashes} hashes run at once, the others wait: each one holds {@code memoryKiB} of memory
 * (native, or Java heap with Bouncy Castle) and a core, so a burst of logins queues instead of exhausting memory.
 */
public final class Argon2PasswordHasher implements PasswordHasher {
    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;

    private final Argon2Cost cost;
    private final Argon2idFunction argon2id;
    private final Semaphore running;
    private final SecureRandom random = new SecureRandom();

    /** Hashes with {@code cost}, as many at once as there are cores. */
    public Argon2PasswordHasher(Argon2Cost cost) {
        this(cost, Runtime.getRuntime().availableProcessors());
    }

    /** @throws IllegalArgumentException when {@code cost} is below OWASP's minimum or the limit is not positive */
    public Argon2PasswordHasher(Argon2Cost cost, int maxConcurrentHashes) {
        this(cost, maxConcurrentHashes, Argon2idChoice.preferred());
    }

    /** With a given implementation, where the tests need one in particular. */
    Argon2PasswordHasher(Argon2Cost cost, int maxConcurrentHashes, Argon2idFunction argon2id) {
        if (!cost.meetsOwaspMinimum()) {
            throw new IllegalArgumentException(cost + " is weaker than OWASP's minimum for Argon2id (m=19456 KiB, t=2, ...)");
        }
        if (maxConcurrentHashes < 1) throw new IllegalArgumentException("maxConcurrentHashes must be positive");
        this.cost = cost;
        this.argon2id = argon2id;
        this.running = new Semaphore(maxConcurrentHashes, true);
    }

    @Override
    public PasswordHash hash(Secret secret) {
        var salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new PasswordHash(new PhcArgon2idHash(cost, salt, derive(secret, salt, cost, HASH_BYTES)).encode());
    }

    /** False for a wrong secret and for anything that is not an Argon2id PHC string within {@link Argon2Cost}'s bounds. */
    @Override
    public boolean matches(Secret secret, PasswordHash hash) {
        return PhcArgon2idHash.parse(hash.value())
                .map(stored -> MessageDigest.isEqual(stored.hash(),
                        derive(secret, stored.salt(), stored.cost(), stored.hash().length)))
                .orElse(false);
    }

    /** True when {@code hash} was made with weaker settings than ours (or is not ours at all): redo it at next login. */
    public boolean needsRehash(PasswordHash hash) {
        return PhcArgon2idHash.parse(hash.value())
                .map(stored -> stored.cost().weakerThan(cost) || stored.salt().length < SALT_BYTES
                        || stored.hash().length < HASH_BYTES)
                .orElse(true);
    }

    public Argon2Cost cost() {
        return cost;
    }

    /** Which implementation computes the tags: native libargon2 or Bouncy Castle. */
    String implementation() {
        return argon2id.description();
    }

    private byte[] derive(Secret secret, byte[] salt, Argon2Cost with, int length) {
        var password = Normalizer.normalize(secret.value(), Normalizer.Form.NFC).getBytes(StandardCharsets.UTF_8);
        running.acquireUninterruptibly();
        try {
            return argon2id.derive(password, salt, with, length);
        } finally {
            running.release();
            Arrays.fill(password, (byte) 0);
        }
    }
}

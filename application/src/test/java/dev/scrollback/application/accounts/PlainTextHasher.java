package dev.scrollback.application.accounts;

import dev.scrollback.domain.accounts.PasswordHash;
import dev.scrollback.domain.accounts.Secret;
import java.util.concurrent.atomic.AtomicInteger;

/** An obviously fake, instant {@link PasswordHasher} for unit tests: the "hash" is {@code plain:} + the secret. */
public final class PlainTextHasher implements PasswordHasher {
    public static final String PREFIX = "plain:";

    private final AtomicInteger hashes = new AtomicInteger();
    private final AtomicInteger checks = new AtomicInteger();

    /** What {@link #hash} returns for {@code secret}, for building expected events. */
    public static PasswordHash hashOf(String secret) {
        return new PasswordHash(PREFIX + secret);
    }

    @Override
    public PasswordHash hash(Secret secret) {
        hashes.incrementAndGet();
        return hashOf(secret.value());
    }

    @Override
    public boolean matches(Secret secret, PasswordHash hash) {
        checks.incrementAndGet();
        return hash.value().equals(PREFIX + secret.value());
    }

    /** How many times {@link #hash} ran. */
    public int hashes() {
        return hashes.get();
    }

    /** How many times {@link #matches} ran: shows that a check happened even where its answer does not matter. */
    public int checks() {
        return checks.get();
    }
}

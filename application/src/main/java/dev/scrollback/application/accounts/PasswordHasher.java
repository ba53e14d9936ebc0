package dev.scrollback.application.accounts;

import dev.scrollback.domain.accounts.PasswordHash;
import dev.scrollback.domain.accounts.Secret;
import dev.scrollback.domain.accounts.SecretCheck;
import java.util.concurrent.ConcurrentHashMap;

/** Out-port: one-way hashing of secrets (passwords and mailed codes). Slow on purpose. */
public interface PasswordHasher {
    PasswordHash hash(Secret secret);

    boolean matches(Secret secret, PasswordHash hash);

    /**
     * What a decider asks with ({@link SecretCheck}): does {@code typed} match a stored hash? Hashing is the costly part
     * (tens of milliseconds), so each stored hash is checked at most once, however often a decider or a retry asks.
     */
    default SecretCheck checking(Secret typed) {
        var answers = new ConcurrentHashMap<PasswordHash, Boolean>(2);
        return stored -> answers.computeIfAbsent(stored, hash -> matches(typed, hash));
    }
}

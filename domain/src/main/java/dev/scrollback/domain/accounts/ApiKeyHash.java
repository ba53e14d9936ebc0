package dev.scrollback.domain.accounts;

import dev.scrollback.domain.shared.InvalidValue;

/**
 * The SHA-256 digest of an API key, as 64 lower-case hex digits: all the server keeps of the key. A stored secret, so
 * it never reaches the feed. Printed as {@code ***}. A fast digest is right here (unlike passwords): the key carries
 * 256 random bits, so there is nothing to guess, and a slow hash would only slow every API request down.
 */
public record ApiKeyHash(String sha256) implements StoredSecret {
    public ApiKeyHash {
        if (sha256 == null || sha256.length() != 64
                || !sha256.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            throw new InvalidValue("hash", "is not a SHA-256 digest");
        }
    }

    @Override
    public String toString() {
        return "***";
    }
}

package dev.scrollback.application.accounts;

import dev.scrollback.domain.accounts.SigningKeyId;
import java.time.Instant;
import java.util.List;

/**
 * Out-port: the token signing keys, shared by every instance of the board (decision 0008). Private halves are kept
 * here and nowhere else: never in the event log.
 */
public interface SigningKeyStore {

    /** Every key, retired ones included, oldest (generation 0) first. */
    List<StoredSigningKey> keys();

    /**
     * Adds a key unless its generation or its id is taken, in which case nothing is written and the answer is false:
     * another instance rotated first.
     */
    boolean add(StoredSigningKey key);

    /** Marks the key retired at {@code at} and erases its private half; false when it was retired already (or unknown). */
    boolean retire(SigningKeyId key, Instant at);
}

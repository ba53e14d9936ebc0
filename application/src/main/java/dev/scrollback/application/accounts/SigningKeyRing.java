package dev.scrollback.application.accounts;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The stored keys read as a ring: the newest key still in use signs; each older one stopped signing when its successor
 * was made and verifies for {@code verifyFor} after that; then it is retired. Pure, so every instance reading the same
 * rows agrees on it.
 */
public record SigningKeyRing(List<StoredSigningKey> keys) {

    public enum State {
        SIGNING, VERIFYING, RETIRED;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public SigningKeyRing {
        keys = keys.stream().sorted(Comparator.comparingLong(StoredSigningKey::generation)).toList();
    }

    /** The key that signs: the newest one not retired. */
    public Optional<StoredSigningKey> signing() {
        for (int i = keys.size() - 1; i >= 0; i--) {
            if (!keys.get(i).isRetired()) return Optional.of(keys.get(i));
        }
        return Optional.empty();
    }

    /** When the key stopped signing: when the next one was made (empty while it is the newest). */
    public Optional<Instant> stoppedSigning(StoredSigningKey key) {
        return keys.stream().filter(k -> k.generation() > key.generation()).findFirst().map(StoredSigningKey::createdAt);
    }

    /** The last instant the key verifies a token (empty while it signs, or once retired: then it verifies none). */
    public Optional<Instant> verifiesUntil(StoredSigningKey key, Duration verifyFor) {
        if (key.isRetired()) return Optional.empty();
        return stoppedSigning(key).map(stopped -> stopped.plus(verifyFor));
    }

    public State stateAt(StoredSigningKey key, Instant now, Duration verifyFor) {
        if (key.isRetired()) return State.RETIRED;
        if (signing().filter(key::equals).isPresent()) return State.SIGNING;
        return verifiesUntil(key, verifyFor).filter(until -> !now.isAfter(until)).isPresent() ? State.VERIFYING : State.RETIRED;
    }

    /** Keys whose every token has expired but that are not marked retired yet. */
    public List<StoredSigningKey> dueForRetirement(Instant now, Duration verifyFor) {
        return keys.stream().filter(k -> !k.isRetired() && stateAt(k, now, verifyFor) == State.RETIRED).toList();
    }

    /** No key signs, or the signing key has signed for the whole interval. */
    public boolean rotationDue(Instant now, Duration interval) {
        return signing().map(k -> !now.isBefore(k.createdAt().plus(interval))).orElse(true);
    }

    public long nextGeneration() {
        return keys.isEmpty() ? 0 : keys.getLast().generation() + 1;
    }
}

package dev.scrollback.application.accounts;

import dev.scrollback.application.shared.Actor;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.EventMetadata;
import dev.scrollback.application.shared.ExpectedVersion;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.StreamAppend;
import dev.scrollback.application.shared.StreamId;
import dev.scrollback.domain.accounts.SigningKeyEvent;
import dev.scrollback.domain.accounts.SigningKeyEvent.RotationReason;
import dev.scrollback.domain.accounts.SigningKeyEvent.SigningKeyRetired;
import dev.scrollback.domain.accounts.SigningKeyEvent.SigningKeyRotated;
import dev.scrollback.domain.accounts.SigningKeyId;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Makes, rotates and retires the token signing keys every instance shares. The store is the arbiter: a key is added
 * with the next generation, which is unique, so of several instances rotating at once exactly one succeeds, and the
 * others re-read and find the rotation done. Only the winner records {@code SigningKeyRotated}; only the instance that
 * marks a key retired records {@code SigningKeyRetired}. Who may ask is checked by the in-ports that call this.
 */
public final class SigningKeyRotation {
    /** Every rotation of the board's token keys, in order. */
    public static final StreamId STREAM = StreamId.of("signingkeys", "tokens");
    private static final int ATTEMPTS = 5;

    private final SigningKeyStore store;
    private final SigningKeyMint mint;
    private final EventLog log;
    private final Clock clock;
    private final SigningKeyPolicy policy;

    public SigningKeyRotation(SigningKeyStore store, SigningKeyMint mint, EventLog log, Clock clock, SigningKeyPolicy policy) {
        this.store = store;
        this.mint = mint;
        this.log = log;
        this.clock = clock;
        this.policy = policy;
    }

    /** What a rotation did: the key that signs now, and the one it replaced. */
    public record Rotated(SigningKeyId key, Optional<SigningKeyId> previous) {}

    public SigningKeyPolicy policy() {
        return policy;
    }

    public SigningKeyRing ring() {
        return new SigningKeyRing(store.keys());
    }

    /**
     * At start: makes the first key unless some instance did, from {@code imported} (the key file of an earlier
     * version, so an upgrade logs nobody out) or else freshly minted. Returns the key that signs.
     */
    public SigningKeyId ensureSigningKey(Optional<NewSigningKey> imported) {
        rotate(ring -> ring.signing().isEmpty(), RotationReason.INITIAL, Actor.system(), Origin.system(), imported);
        return ring().signing().orElseThrow(() -> new IllegalStateException("no token signing key after making one")).id();
    }

    /**
     * The periodic check: retires keys whose tokens have all expired, then rotates if the signing key is due. Returns
     * the new key when this instance rotated.
     */
    public Optional<Rotated> run() {
        retireExpired();
        return rotate(ring -> ring.rotationDue(clock.instant(), policy.rotationInterval()), RotationReason.SCHEDULED,
                Actor.system(), Origin.system(), Optional.empty());
    }

    /** Rotates now, for {@code actor}; called only once the actor's right to ask was checked. */
    public Rotated rotateNow(Actor actor, Origin origin) {
        retireExpired();
        return rotate(ring -> true, RotationReason.ON_DEMAND, actor, origin, Optional.empty())
                .orElseThrow(() -> new IllegalStateException("an unconditional rotation did not rotate"));
    }

    /** Returns how many keys it retired. */
    public int retireExpired() {
        var now = clock.instant();
        int retired = 0;
        for (var key : ring().dueForRetirement(now, policy.verifyFor())) {
            if (store.retire(key.id(), now)) {
                append(new SigningKeyRetired(key.id(), now), EventMetadata.of(Actor.system(), Origin.system(), now));
                retired++;
            }
        }
        return retired;
    }

    private Optional<Rotated> rotate(Predicate<SigningKeyRing> wanted, RotationReason reason, Actor actor, Origin origin,
                                     Optional<NewSigningKey> material) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            var ring = ring();
            if (!wanted.test(ring)) return Optional.empty();
            var fresh = material.orElseGet(mint::mint);
            var at = clock.instant();
            var previous = ring.signing().map(StoredSigningKey::id);
            if (store.add(fresh.stored(ring.nextGeneration(), at))) {
                append(new SigningKeyRotated(fresh.id(), previous, reason, at), EventMetadata.of(actor, origin, at));
                return Optional.of(new Rotated(fresh.id(), previous));
            }
            // another instance added this generation first: read again and decide on what is there now
        }
        throw new IllegalStateException("lost the race to add a token signing key " + ATTEMPTS + " times");
    }

    /** The store already decided who won, so the stream takes the event in any order. */
    private void append(SigningKeyEvent event, EventMetadata metadata) {
        log.append(new StreamAppend(STREAM, ExpectedVersion.any(), List.of(event)), metadata);
    }
}

package dev.scrollback.domain.accounts;

import dev.scrollback.domain.shared.DomainEvent;
import java.time.Instant;
import java.util.Optional;

/**
 * Facts about the keys that sign callers' tokens, on stream {@code signingkeys-tokens}: public information only (key
 * ids and times). The key material itself is never an event; it lives in the key table (decision 0008).
 */
public sealed interface SigningKeyEvent extends DomainEvent {
    SigningKeyId key();

    Instant at();

    /** Why a new key took over signing. */
    enum RotationReason {
        /** The first key of a board: made at first start, or imported from the key file of an earlier version. */
        INITIAL,
        /** The signing key reached the rotation interval. */
        SCHEDULED,
        /** A sysop asked. */
        ON_DEMAND
    }

    /**
     * {@code key} signs every token from now on; {@code previous} (absent for the first key) stops signing but keeps
     * verifying the tokens it signed until they have all expired.
     */
    record SigningKeyRotated(SigningKeyId key, Optional<SigningKeyId> previous, RotationReason reason, Instant at)
            implements SigningKeyEvent {
        public SigningKeyRotated {
            if (previous.filter(key::equals).isPresent()) throw new IllegalArgumentException("a key cannot follow itself");
        }
    }

    /** Every token {@code key} signed has expired: it no longer verifies, is gone from the JWKS, and its private half is erased. */
    record SigningKeyRetired(SigningKeyId key, Instant at) implements SigningKeyEvent {}
}

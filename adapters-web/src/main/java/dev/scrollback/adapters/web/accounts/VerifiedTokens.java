package dev.scrollback.adapters.web.accounts;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Access tokens that passed the full check (signature, issuer, type, required claims, ids), so that a token presented
 * again is not verified again: the ES256 verification was a quarter of the server's CPU when members post over REST.
 * Only successes are remembered. An entry answers only inside the window in which its time claims hold, and
 * {@link TokenIssuer} asks on every hit whether its key still verifies; whether the session is open is not this
 * class's concern (it is asked on every request).
 *
 * <p>Keyed by the SHA-256 of the token: an entry costs a few hundred bytes whatever the token's length, and a lookup
 * compares digests, never secret text. At most {@code capacity} entries: the oldest go first (insertion order, which
 * for tokens of one lifetime is expiry order), and expired or forgotten ones at the head go as soon as a newer one
 * comes. Lookups take no lock.
 */
final class VerifiedTokens {
    private final int capacity;
    private final ConcurrentHashMap<Fingerprint, Verified> byFingerprint = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Verified> oldestFirst = new ConcurrentLinkedQueue<>();
    /** {@code oldestFirst.size()} is a walk of the queue; this is its length, give or take a racing insert. */
    private final AtomicInteger queued = new AtomicInteger();

    VerifiedTokens(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1");
        this.capacity = capacity;
    }

    Optional<Verified> find(Fingerprint fingerprint) {
        return Optional.ofNullable(byFingerprint.get(fingerprint));
    }

    /** Keeps {@code verified} unless its token is remembered already; drops what must go to stay within bounds. */
    void remember(Verified verified, Instant now) {
        if (byFingerprint.putIfAbsent(verified.fingerprint(), verified) == null) {
            oldestFirst.add(verified);
            queued.incrementAndGet();
        }
        evict(now);
    }

    /** Drops {@code verified} (if it is still the entry of its token); its place in the queue goes when it is oldest. */
    void forget(Verified verified) {
        byFingerprint.remove(verified.fingerprint(), verified);
    }

    int size() {
        return byFingerprint.size();
    }

    private void evict(Instant now) {
        for (var oldest = oldestFirst.peek(); oldest != null && mustGo(oldest, now); oldest = oldestFirst.peek()) {
            var gone = oldestFirst.poll();               // another thread may have taken `oldest`: this is the next
            if (gone == null) return;
            queued.decrementAndGet();
            byFingerprint.remove(gone.fingerprint(), gone);
        }
    }

    private boolean mustGo(Verified oldest, Instant now) {
        return queued.get() > capacity || !now.isBefore(oldest.expiresAt()) || byFingerprint.get(oldest.fingerprint()) != oldest;
    }

    /** The SHA-256 of a token, as four longs so that equality is by value and no array is kept. */
    record Fingerprint(long first, long second, long third, long fourth) {
        /**
         * UTF-8 is one-to-one on well-formed text; a lone surrogate is encoded as {@code ?}, which no token that verified
         * contains (they are base64url and dots), so a malformed token can never share the fingerprint of a remembered one.
         */
        static Fingerprint of(String token) {
            var digest = sha256().digest(token.getBytes(StandardCharsets.UTF_8));
            var longs = ByteBuffer.wrap(digest);
            return new Fingerprint(longs.getLong(), longs.getLong(), longs.getLong(), longs.getLong());
        }

        private static MessageDigest sha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is always available", e);
            }
        }
    }

    /**
     * What checking a token found, and when that answer holds: from {@code usableFrom} (its {@code iat} less the leeway,
     * or its {@code nbf}, whichever is later) until just before {@code expiresAt} (its {@code exp}), both whole seconds
     * as java-jwt compares them. {@code keyId} is the key that verified it.
     */
    record Verified(Fingerprint fingerprint, TokenCheck.Valid check, String keyId, Instant usableFrom, Instant expiresAt) {
        Verified {
            Objects.requireNonNull(fingerprint, "fingerprint");
            Objects.requireNonNull(check, "check");
            Objects.requireNonNull(keyId, "keyId");
            Objects.requireNonNull(usableFrom, "usableFrom");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }

        boolean holdsAt(Instant now) {
            return !now.isBefore(usableFrom) && now.isBefore(expiresAt);
        }
    }
}

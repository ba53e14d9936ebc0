package dev.scrollback.adapters.persistence.audit;

import dev.scrollback.adapters.persistence.shared.StoredRecord;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hash chain over the global log (decision 0020): the hash of an event is SHA-256(the previous event's hash ‖ the
 * event's {@linkplain CanonicalEvent canonical bytes}); before the first event the previous hash is 32 zero bytes.
 * Each hash therefore covers every event before it, in order.
 */
public final class HashChain {
    public static final int HASH_BYTES = 32;
    private static final byte[] GENESIS = new byte[HASH_BYTES];

    private HashChain() {}

    /** The previous hash of the first event. */
    public static byte[] genesis() {
        return GENESIS.clone();
    }

    public static byte[] next(byte[] previous, StoredRecord record) {
        if (previous.length != HASH_BYTES) throw new IllegalArgumentException("a chain hash has 32 bytes, not " + previous.length);
        var digest = sha256();
        digest.update(previous);
        digest.update(CanonicalEvent.encode(record));
        return digest.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }
}

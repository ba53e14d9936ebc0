package dev.scrollback.adapters.persistence.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals and opens personal values (decision 0021): AES-256-GCM under the owner's data key, a fresh random 96-bit nonce
 * per value, and the owner's name as associated data, so a ciphertext moved to another owner (or with its owner field
 * changed) fails its tag instead of opening. The stored form is
 * {@code {"personal":{"key":"account:<uuid>","nonce":"<base64>","ciphertext":"<base64>"}}}.
 */
final class PersonalCipher {
    static final String KEY = "key", NONCE = "nonce", CIPHERTEXT = "ciphertext";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12, TAG_BITS = 128;
    private static final byte[] CONTEXT = "scrollback-personal-v1:".getBytes(StandardCharsets.US_ASCII);

    /** A sealed value as stored: the owner whose key sealed it, the nonce, the ciphertext with its tag. */
    record Sealed(String key, String nonce, String ciphertext) {
        /** Its fields in their stored order, for a JSON object. */
        java.util.Map<String, String> fields() {
            var fields = new java.util.LinkedHashMap<String, String>();
            fields.put(KEY, key);
            fields.put(NONCE, nonce);
            fields.put(CIPHERTEXT, ciphertext);
            return fields;
        }

        /** Writes its fields into {@code node}, in their stored order. */
        void putInto(com.fasterxml.jackson.databind.node.ObjectNode node) {
            fields().forEach(node::put);
        }
    }

    private final DataKeys keys;
    private final SecureRandom random = new SecureRandom();

    PersonalCipher(DataKeys keys) {
        this.keys = keys;
    }

    DataKeys keys() {
        return keys;
    }

    /** {@code plaintext} sealed under {@code owner}'s key; empty when the owner is erased (the value is then stored erased). */
    Optional<Sealed> seal(KeyOwner owner, String plaintext) {
        var key = keys.forWriting(owner);
        if (key.isEmpty()) return Optional.empty();
        var nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            var cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key.get(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associated(owner));
            var sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            var base64 = Base64.getEncoder();
            return Optional.of(new Sealed(owner.value(), base64.encodeToString(nonce), base64.encodeToString(sealed)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a personal value under " + owner + ": " + e.getMessage(), e);
        }
    }

    /**
     * The plaintext of a sealed value, or empty when its owner is erased.
     *
     * @throws IllegalArgumentException naming what is wrong, when the value is malformed, names no known owner, or
     *                                  fails its tag (tampered ciphertext, nonce or owner)
     */
    Optional<String> open(Sealed sealed) {
        var owner = new KeyOwner(sealed.key());
        byte[] nonce, ciphertext;
        try {
            nonce = Base64.getDecoder().decode(sealed.nonce());
            ciphertext = Base64.getDecoder().decode(sealed.ciphertext());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sealed personal value of " + owner + " is not base64: " + e.getMessage(), e);
        }
        if (nonce.length != NONCE_BYTES) {
            throw new IllegalArgumentException("sealed personal value of " + owner + " has a nonce of " + nonce.length
                    + " bytes, not " + NONCE_BYTES);
        }
        if (ciphertext.length < TAG_BITS / 8) {
            throw new IllegalArgumentException("sealed personal value of " + owner + " is shorter than its tag");
        }
        var key = keys.forReading(owner);
        if (key.isEmpty()) return Optional.empty();
        try {
            var cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key.get(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associated(owner));
            return Optional.of(new String(cipher.doFinal(ciphertext), StandardCharsets.UTF_8));
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException("sealed personal value of " + owner + " fails its authentication tag "
                    + "(the ciphertext, nonce or owner was changed)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open a personal value of " + owner + ": " + e.getMessage(), e);
        }
    }

    private static byte[] associated(KeyOwner owner) {
        var name = owner.value().getBytes(StandardCharsets.US_ASCII);
        var aad = new byte[CONTEXT.length + name.length];
        System.arraycopy(CONTEXT, 0, aad, 0, CONTEXT.length);
        System.arraycopy(name, 0, aad, CONTEXT.length, name.length);
        return aad;
    }
}

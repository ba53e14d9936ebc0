package dev.scrollback.application.accounts;

import dev.scrollback.domain.accounts.SigningKeyId;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * A token signing key as {@link SigningKeyStore} keeps it. {@code generation} counts rotations (the first key is 0)
 * and is unique: of two instances rotating at once, only one can add the next generation. A retired key has lost its
 * private half.
 */
public record StoredSigningKey(SigningKeyId id, long generation, String algorithm, Instant createdAt,
                               Optional<Instant> retiredAt, Optional<Pkcs8PrivateKey> privateKey, X509PublicKey publicKey) {
    public StoredSigningKey {
        if (generation < 0) throw new IllegalArgumentException("generation must not be negative");
        if (algorithm == null || algorithm.isBlank()) throw new IllegalArgumentException("algorithm is required");
        if (retiredAt.isEmpty() && privateKey.isEmpty()) throw new IllegalArgumentException("a key in use has its private half");
        if (retiredAt.isPresent() && privateKey.isPresent()) throw new IllegalArgumentException("a retired key keeps no private half");
    }

    public boolean isRetired() {
        return retiredAt.isPresent();
    }

    /** The private key, DER-encoded PKCS#8. A secret: never logged, never an event. */
    public static final class Pkcs8PrivateKey {
        private final byte[] der;

        public Pkcs8PrivateKey(byte[] der) {
            if (der == null || der.length == 0) throw new IllegalArgumentException("a private key has bytes");
            this.der = der.clone();
        }

        public byte[] der() {
            return der.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Pkcs8PrivateKey that && Arrays.equals(der, that.der);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(der);
        }

        @Override
        public String toString() {
            return "Pkcs8PrivateKey[***]";
        }
    }

    /** The public key, DER-encoded X.509 SubjectPublicKeyInfo. */
    public static final class X509PublicKey {
        private final byte[] der;

        public X509PublicKey(byte[] der) {
            if (der == null || der.length == 0) throw new IllegalArgumentException("a public key has bytes");
            this.der = der.clone();
        }

        public byte[] der() {
            return der.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof X509PublicKey that && Arrays.equals(der, that.der);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(der);
        }

        @Override
        public String toString() {
            return "X509PublicKey[" + Base64.getEncoder().encodeToString(der) + "]";
        }
    }
}

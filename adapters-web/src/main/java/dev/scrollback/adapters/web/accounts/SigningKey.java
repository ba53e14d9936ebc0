package dev.scrollback.adapters.web.accounts;

import dev.scrollback.application.accounts.NewSigningKey;
import dev.scrollback.application.accounts.StoredSigningKey;
import dev.scrollback.domain.accounts.SigningKeyId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An EC P-256 key pair that signs tokens (ES256). Kept in the shared key table (decision 0008), or, for a board from
 * before that and for tests, in one PEM file (a PKCS#8 private key block, then an X.509 public key block; mode 600).
 * {@code kid} is the RFC 7638 thumbprint: the same key always has the same id.
 */
record SigningKey(ECPublicKey publicKey, ECPrivateKey privateKey, String keyId) {
    static final String FILE_NAME = "token-signing.p8";
    static final String ALGORITHM = "ES256";
    private static final Logger LOG = LoggerFactory.getLogger(SigningKey.class);
    private static final int MAX_FILE_BYTES = 16 * 1024;
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    static SigningKey loadOrCreate(Path directory) {
        var file = directory.resolve(FILE_NAME);
        try {
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) return load(file);
            return create(directory, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the token signing key " + file, e);
        }
    }

    /** The key file of a board from before the key table, if there is one, to import (decision 0008). */
    static Optional<NewSigningKey> importable(Path directory) {
        var file = directory.resolve(FILE_NAME);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) return Optional.empty();
        try {
            return Optional.of(load(file).asNew());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the token signing key " + file, e);
        }
    }

    /** A fresh key pair. */
    static NewSigningKey mint() {
        try {
            var generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            var pair = generator.generateKeyPair();
            var publicKey = (ECPublicKey) pair.getPublic();
            return new SigningKey(publicKey, (ECPrivateKey) pair.getPrivate(), thumbprint(publicKey)).asNew();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot make EC P-256 keys", e);
        }
    }

    /** The signing key from its stored row: refused unless it is a matching P-256 pair whose id is its thumbprint. */
    static SigningKey of(StoredSigningKey stored) {
        var privateDer = stored.privateKey().orElseThrow(() -> unusable(stored, "it is retired")).der();
        try {
            var publicKey = publicKey(stored);
            if (!(KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(privateDer)) instanceof ECPrivateKey privateKey)
                    || !isP256(privateKey.getParams())) throw unusable(stored, "its private key is not an EC P-256 key");
            if (!belongTogether(publicKey, privateKey)) throw unusable(stored, "its public key does not match its private key");
            return new SigningKey(publicKey, privateKey, stored.id().value());
        } catch (GeneralSecurityException e) {
            throw unusable(stored, "its keys cannot be decoded (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The public half of a stored key, refused unless it is on P-256 and its thumbprint is the key's id. */
    static ECPublicKey publicKey(StoredSigningKey stored) {
        if (!ALGORITHM.equals(stored.algorithm())) throw unusable(stored, "its algorithm is " + stored.algorithm());
        try {
            if (!(KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(stored.publicKey().der())) instanceof ECPublicKey key)
                    || !isP256(key.getParams())) throw unusable(stored, "its public key is not an EC P-256 key");
            if (!thumbprint(key).equals(stored.id().value())) throw unusable(stored, "its id is not its thumbprint");
            return key;
        } catch (GeneralSecurityException e) {
            throw unusable(stored, "its public key cannot be decoded (" + e.getClass().getSimpleName() + ")");
        }
    }

    NewSigningKey asNew() {
        return new NewSigningKey(new SigningKeyId(keyId), ALGORITHM, new StoredSigningKey.Pkcs8PrivateKey(privateKey.getEncoded()),
                new StoredSigningKey.X509PublicKey(publicKey.getEncoded()));
    }

    private static IllegalStateException unusable(StoredSigningKey stored, String why) {
        return new IllegalStateException("stored token signing key " + stored.id() + " (generation " + stored.generation()
                + ") is unusable: " + why);
    }

    private static SigningKey create(Path directory, Path file) throws IOException {
        createPrivateDirectory(directory);
        try {
            var generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            var pair = generator.generateKeyPair();
            var text = pem("PRIVATE KEY", pair.getPrivate().getEncoded()) + pem("PUBLIC KEY", pair.getPublic().getEncoded());
            var temporary = Files.createTempFile(directory, FILE_NAME, ".tmp", ownerOnly(directory, OWNER_ONLY));
            try {
                Files.writeString(temporary, text, StandardCharsets.US_ASCII);
                Files.move(temporary, file);                 // no replace: another instance may have won the race
            } catch (FileAlreadyExistsException lostRace) {
                return load(file);
            } finally {
                Files.deleteIfExists(temporary);
            }
            LOG.info("created a new token signing key in {}", file);
            return load(file);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot make EC P-256 keys", e);
        }
    }

    private static SigningKey load(Path file) throws IOException {
        if (Files.size(file) > MAX_FILE_BYTES) throw unreadable(file, "it is larger than " + MAX_FILE_BYTES + " bytes");
        warnIfReadableByOthers(file);
        var text = Files.readString(file, StandardCharsets.US_ASCII);
        var privateDer = block(file, text, "PRIVATE KEY");
        var publicDer = block(file, text, "PUBLIC KEY");
        try {
            var factory = KeyFactory.getInstance("EC");
            if (!(factory.generatePrivate(new PKCS8EncodedKeySpec(privateDer)) instanceof ECPrivateKey privateKey)
                    || !(factory.generatePublic(new X509EncodedKeySpec(publicDer)) instanceof ECPublicKey publicKey)) {
                throw unreadable(file, "its keys are not EC keys");
            }
            if (!isP256(publicKey.getParams()) || !isP256(privateKey.getParams())) throw unreadable(file, "its keys are not on P-256");
            if (!belongTogether(publicKey, privateKey)) throw unreadable(file, "its public key does not match its private key");
            return new SigningKey(publicKey, privateKey, thumbprint(publicKey));
        } catch (GeneralSecurityException e) {
            throw unreadable(file, "its keys cannot be decoded (" + e.getClass().getSimpleName() + ")");
        }
    }

    Jwk jwk() {
        return jwk(publicKey, keyId);
    }

    static Jwk jwk(ECPublicKey publicKey, String keyId) {
        return new Jwk("EC", "P-256", coordinate(publicKey.getW().getAffineX()), coordinate(publicKey.getW().getAffineY()),
                "sig", ALGORITHM, keyId);
    }

    @Override
    public String toString() {
        return "SigningKey[" + keyId + "]";
    }

    /** RFC 7638: SHA-256 over the required members in lexicographic order, no whitespace. */
    private static String thumbprint(ECPublicKey key) {
        var canonical = "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"%s\",\"y\":\"%s\"}".formatted(
                coordinate(key.getW().getAffineX()), coordinate(key.getW().getAffineY()));
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** A P-256 coordinate as exactly 32 big-endian bytes, base64url (RFC 7518 §6.2.1.2). */
    private static String coordinate(BigInteger value) {
        var bytes = value.toByteArray();
        var fixed = new byte[32];
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, fixed, 32 - length, length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(fixed);
    }

    static ECParameterSpec p256() {
        try {
            var parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM does not know P-256", e);
        }
    }

    private static boolean isP256(ECParameterSpec spec) {
        var p256 = p256();
        return spec.getOrder().equals(p256.getOrder()) && spec.getGenerator().equals(p256.getGenerator())
                && spec.getCurve().equals(p256.getCurve());
    }

    private static boolean belongTogether(ECPublicKey publicKey, ECPrivateKey privateKey) throws GeneralSecurityException {
        var probe = "scrollback signing key self-test".getBytes(StandardCharsets.US_ASCII);
        var signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(privateKey);
        signer.update(probe);
        var signature = signer.sign();
        var verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(publicKey);
        verifier.update(probe);
        return verifier.verify(signature);
    }

    private static byte[] block(Path file, String text, String label) {
        var begin = "-----BEGIN " + label + "-----";
        var end = "-----END " + label + "-----";
        int from = text.indexOf(begin);
        int to = from < 0 ? -1 : text.indexOf(end, from + begin.length());
        if (to < 0) throw unreadable(file, "it lacks a " + label + " block");
        if (text.indexOf(begin, to) >= 0) throw unreadable(file, "it holds more than one " + label + " block");
        return decode(file, text.substring(from + begin.length(), to));
    }

    private static byte[] decode(Path file, String base64) {
        try {
            return Base64.getMimeDecoder().decode(base64.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw unreadable(file, "a block is not base64");
        }
    }

    private static String pem(String label, byte[] der) {
        var body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    private static IllegalStateException unreadable(Path file, String why) {
        return new IllegalStateException("the token signing key file " + file + " is unusable: " + why
                + ". Restore it, or move it away to create a new key (which logs every caller out).");
    }

    private static void createPrivateDirectory(Path directory) throws IOException {
        if (Files.isDirectory(directory)) return;
        var parent = directory.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        try {
            Files.createDirectory(directory, ownerOnly(parent, EnumSet.of(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE)));
        } catch (FileAlreadyExistsException raced) {
            if (!Files.isDirectory(directory)) throw raced;
        }
    }

    private static java.nio.file.attribute.FileAttribute<?>[] ownerOnly(Path where, Set<PosixFilePermission> permissions) {
        boolean posix = where == null || where.getFileSystem().supportedFileAttributeViews().contains("posix");
        return posix ? new java.nio.file.attribute.FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                : new java.nio.file.attribute.FileAttribute<?>[0];
    }

    private static void warnIfReadableByOthers(Path file) {
        try {
            var permissions = Files.getPosixFilePermissions(file);
            var extra = new HashSet<>(permissions);
            extra.removeAll(OWNER_ONLY);
            if (!extra.isEmpty()) LOG.warn("token signing key {} is readable by others ({}); chmod 600 it", file,
                    PosixFilePermissions.toString(permissions));
        } catch (UnsupportedOperationException | IOException notPosix) {
            // nothing to check on this file system
        }
    }
}

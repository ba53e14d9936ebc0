package dev.scrollback.adapters.persistence.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;

/**
 * The Ed25519 key that signs the chain's checkpoints (decision 0020), kept in the data directory, never in the
 * database: whoever can rewrite the database still cannot sign a checkpoint. {@code <data>/audit/checkpoint-ed25519.key}
 * (PKCS#8, owner-only) and {@code .pub} (X.509) are made on first use. The key id is the first 16 hex digits of the
 * SHA-256 of the public key.
 */
public final class CheckpointKey {
    static final String ALGORITHM = "Ed25519";
    private static final String PRIVATE_FILE = "checkpoint-ed25519.key";
    private static final String PUBLIC_FILE = "checkpoint-ed25519.pub";

    private final KeyPair pair;
    private final String id;

    private CheckpointKey(KeyPair pair) {
        this.pair = pair;
        this.id = idOf(pair.getPublic().getEncoded());
    }

    /** Reads the key from {@code <dataDirectory>/audit/}, making it there first if there is none. */
    public static CheckpointKey inDataDirectory(Path dataDirectory) {
        var directory = dataDirectory.resolve("audit");
        var privateFile = directory.resolve(PRIVATE_FILE);
        var publicFile = directory.resolve(PUBLIC_FILE);
        try {
            Files.createDirectories(directory);
            if (!Files.exists(privateFile)) create(privateFile, publicFile);
            var factory = KeyFactory.getInstance(ALGORITHM);
            var privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(privateFile)));
            var publicKey = factory.generatePublic(new X509EncodedKeySpec(Files.readAllBytes(publicFile)));
            return new CheckpointKey(new KeyPair(publicKey, privateKey));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or make the checkpoint key in " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the checkpoint key in " + directory + " is not an Ed25519 key pair: " + e.getMessage(), e);
        }
    }

    /** The public half first, then the private one moved into place: a private key file never exists without its public half. */
    private static void create(Path privateFile, Path publicFile) throws IOException, GeneralSecurityException {
        var pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        Files.write(publicFile, pair.getPublic().getEncoded());
        var temporary = Files.createTempFile(privateFile.getParent(), PRIVATE_FILE, ".tmp");
        try {
            ownerOnly(temporary);
            Files.write(temporary, pair.getPrivate().getEncoded());
            Files.move(temporary, privateFile, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not POSIX: the directory's own permissions apply
        }
    }

    public String id() {
        return id;
    }

    byte[] sign(byte[] message) {
        try {
            var signature = Signature.getInstance(ALGORITHM);
            signature.initSign(pair.getPrivate());
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a checkpoint: " + e.getMessage(), e);
        }
    }

    boolean verifies(byte[] message, byte[] signed) {
        try {
            var signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(pair.getPublic());
            signature.update(message);
            return signature.verify(signed);
        } catch (GeneralSecurityException e) {
            return false;                          // malformed signature bytes: not a valid signature
        }
    }

    private static String idOf(byte[] publicKey) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(publicKey), 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }
}

package dev.scrollback.adapters.sandbox.registry;

import dev.scrollback.application.plugins.PublisherSignatures;
import dev.scrollback.domain.plugins.PackageSha256;
import dev.scrollback.domain.plugins.PublisherKeyId;
import dev.scrollback.domain.shared.InvalidValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trusted plugin publishers: Ed25519 public keys (the JDK's own implementation) kept by the sysop as files in one
 * directory, {@code <name>.pub}, each holding the key's X.509 SubjectPublicKeyInfo in base64 or PEM (what
 * {@code openssl pkey -pubout} writes). The file's name is the key's id in {@code PluginInstalled}. The directory is read
 * at every install, so trusting or withdrawing a publisher needs no restart; at most {@value #MAX_KEYS} keys of at most
 * 4 KB each are read, and a file that is not a key is skipped with a warning. What a publisher signs is the package's
 * SHA-256 as 64 lower-case hexadecimal characters, e.g.
 * {@code printf %s "$SHA256" | openssl pkeyutl -sign -inkey publisher.pem -rawin | base64 -w0}.
 */
public final class Ed25519Publishers implements PublisherSignatures {
    static final int MAX_KEYS = 100;
    private static final int MAX_KEY_FILE_BYTES = 4096;
    private static final int ED25519_SIGNATURE_BYTES = 64;
    private static final Logger log = LoggerFactory.getLogger(Ed25519Publishers.class);

    private final Path directory;

    public Ed25519Publishers(Path directory) {
        this.directory = directory;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the trusted publishers directory " + directory, e);
        }
    }

    @Override
    public Optional<PublisherKeyId> signer(PackageSha256 sha256, byte[] signature) {
        if (signature.length != ED25519_SIGNATURE_BYTES) return Optional.empty();
        var message = sha256.hex().getBytes(StandardCharsets.US_ASCII);
        for (var key : trusted()) {
            try {
                var verifier = Signature.getInstance("Ed25519");
                verifier.initVerify(key.key());
                verifier.update(message);
                if (verifier.verify(signature)) return Optional.of(key.id());
            } catch (GeneralSecurityException e) {
                log.debug("publisher key {} could not check a signature", key.id(), e);
            }
        }
        return Optional.empty();
    }

    private record Trusted(PublisherKeyId id, PublicKey key) {}

    private List<Trusted> trusted() {
        var keys = new ArrayList<Trusted>();
        try (var files = Files.list(directory)) {
            for (var file : files.filter(f -> f.getFileName().toString().endsWith(".pub")).sorted().limit(MAX_KEYS).toList()) {
                read(file).ifPresent(keys::add);
            }
        } catch (IOException e) {
            log.warn("cannot list trusted plugin publishers in {}: {}", directory, e.toString());
        }
        return keys;
    }

    private static Optional<Trusted> read(Path file) {
        var name = file.getFileName().toString();
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_KEY_FILE_BYTES) {
                log.warn("{} is not a publisher key (a small file of base64 or PEM expected); skipped", file);
                return Optional.empty();
            }
            var text = Files.readString(file, StandardCharsets.US_ASCII)
                    .replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
            var key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(text)));
            return Optional.of(new Trusted(new PublisherKeyId(name.substring(0, name.length() - ".pub".length())), key));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException | InvalidValue e) {
            log.warn("{} is not an Ed25519 publisher key; skipped: {}", file, e.toString());
            return Optional.empty();
        }
    }
}

package dev.scrollback.adapters.sandbox.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.application.plugins.PluginPackage;
import dev.scrollback.domain.plugins.PackageSha256;
import dev.scrollback.domain.plugins.PublisherKeyId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Ed25519PublishersTest {
    @TempDir
    Path directory;

    final PackageSha256 sha256 = new PluginPackage(new byte[] {'m'}, new byte[] {'c'}).sha256();

    @Test
    void a_signature_by_a_trusted_key_names_that_key_and_any_other_names_none() throws Exception {
        var keeper = keys();
        var stranger = keys();
        trust("keeper", keeper, false);
        trust("old-friend", keys(), true);                         // PEM works too
        var publishers = new Ed25519Publishers(directory);

        assertThat(publishers.signer(sha256, sign(keeper, sha256.hex()))).contains(new PublisherKeyId("keeper"));
        assertThat(publishers.signer(sha256, sign(stranger, sha256.hex()))).as("not trusted").isEmpty();
        assertThat(publishers.signer(sha256, sign(keeper, "another package"))).as("another message").isEmpty();
        assertThat(publishers.signer(sha256, new byte[64])).isEmpty();
        assertThat(publishers.signer(sha256, new byte[3])).as("not even a signature's length").isEmpty();
    }

    @Test
    void keys_are_read_at_every_check_and_files_that_are_not_keys_are_skipped() throws Exception {
        var keeper = keys();
        var publishers = new Ed25519Publishers(directory);
        var signature = sign(keeper, sha256.hex());
        assertThat(publishers.signer(sha256, signature)).isEmpty();

        Files.writeString(directory.resolve("garbage.pub"), "not a key at all");
        Files.write(directory.resolve("huge.pub"), new byte[10_000]);
        Files.writeString(directory.resolve("bad name!.pub"), Base64.getEncoder().encodeToString(keeper.getPublic().getEncoded()));
        trust("keeper", keeper, false);
        assertThat(publishers.signer(sha256, signature)).as("trusted since, no restart").contains(new PublisherKeyId("keeper"));

        Files.delete(directory.resolve("keeper.pub"));
        assertThat(publishers.signer(sha256, signature)).as("withdrawn").isEmpty();
    }

    private void trust(String name, KeyPair keys, boolean pem) throws Exception {
        var base64 = Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
        Files.writeString(directory.resolve(name + ".pub"),
                pem ? "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n" : base64);
    }

    private static KeyPair keys() throws Exception {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    static byte[] sign(KeyPair keys, String message) throws Exception {
        var signer = Signature.getInstance("Ed25519");
        signer.initSign(keys.getPrivate());
        signer.update(message.getBytes(StandardCharsets.US_ASCII));
        return signer.sign();
    }
}

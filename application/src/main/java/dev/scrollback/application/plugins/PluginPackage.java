package dev.scrollback.application.plugins;

import dev.scrollback.domain.plugins.PackageSha256;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * What a plugin author hands in: the manifest ({@code plugin.toml}) and the code its entry point names (a WebAssembly
 * module or a script). Bounded here, before anything reads it. Its {@link #sha256()} is what an approval and a
 * publisher's signature are about: both parts, length-prefixed, so no two packages share it by moving bytes between
 * the parts.
 */
public record PluginPackage(byte[] manifest, byte[] code) {
    public static final int MAX_MANIFEST_BYTES = 16 * 1024;
    public static final int MAX_CODE_BYTES = 4 * 1024 * 1024;

    public PluginPackage {
        if (manifest == null || manifest.length == 0) throw new IllegalArgumentException("the package has no manifest");
        if (code == null || code.length == 0) throw new IllegalArgumentException("the package has no code");
        if (manifest.length > MAX_MANIFEST_BYTES) {
            throw new IllegalArgumentException("the manifest is " + manifest.length + " bytes; at most " + MAX_MANIFEST_BYTES);
        }
        if (code.length > MAX_CODE_BYTES) {
            throw new IllegalArgumentException("the code is " + code.length + " bytes; at most " + MAX_CODE_BYTES);
        }
        manifest = manifest.clone();
        code = code.clone();
    }

    @Override
    public byte[] manifest() {
        return manifest.clone();
    }

    @Override
    public byte[] code() {
        return code.clone();
    }

    public PackageSha256 sha256() {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update(ByteBuffer.allocate(Long.BYTES).putLong(manifest.length).array());
            digest.update(manifest);
            digest.update(ByteBuffer.allocate(Long.BYTES).putLong(code.length).array());
            digest.update(code);
            return new PackageSha256(HexFormat.of().formatHex(digest.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PluginPackage that && Arrays.equals(manifest, that.manifest) && Arrays.equals(code, that.code);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(manifest) + Arrays.hashCode(code);
    }

    @Override
    public String toString() {
        return "PluginPackage[manifest=" + manifest.length + " bytes, code=" + code.length + " bytes]";
    }
}

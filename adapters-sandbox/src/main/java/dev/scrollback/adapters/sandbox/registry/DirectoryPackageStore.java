package dev.scrollback.adapters.sandbox.registry;

import dev.scrollback.application.plugins.PluginPackage;
import dev.scrollback.application.plugins.PluginPackageStore;
import dev.scrollback.domain.plugins.PackageSha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submitted packages on disk, one directory per package named by its hash ({@code <dir>/<sha256>/plugin.toml} and
 * {@code code}), written to a temporary directory and moved into place, so a package is either whole or absent. A
 * package read back is checked against its name: one changed on disk is reported and treated as missing, never run.
 */
public final class DirectoryPackageStore implements PluginPackageStore {
    private static final Logger log = LoggerFactory.getLogger(DirectoryPackageStore.class);
    private final Path directory;

    public DirectoryPackageStore(Path directory) {
        this.directory = directory;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the plugin package directory " + directory, e);
        }
    }

    @Override
    public void keep(PluginPackage content) {
        var target = directory.resolve(content.sha256().hex());
        if (find(content.sha256()).isPresent()) return;                 // the same bytes, kept before and intact
        Path temporary = null;
        try {
            temporary = Files.createTempDirectory(directory, ".incoming-");
            Files.write(temporary.resolve("plugin.toml"), content.manifest());
            Files.write(temporary.resolve("code"), content.code());
            if (Files.exists(target)) {                                  // damaged on disk: replaced by the good copy
                log.warn("plugin package {} on disk was damaged; replacing it with the one just submitted", content.sha256());
                deleteQuietly(target);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target);
            } catch (java.nio.file.FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException keptMeanwhile) {
                deleteQuietly(temporary);
            }
        } catch (IOException e) {
            if (temporary != null) deleteQuietly(temporary);
            throw new UncheckedIOException("cannot keep plugin package " + content.sha256(), e);
        }
    }

    @Override
    public Optional<PluginPackage> find(PackageSha256 sha256) {
        var place = directory.resolve(sha256.hex());
        var manifest = place.resolve("plugin.toml");
        var code = place.resolve("code");
        try {
            if (!Files.isRegularFile(manifest) || !Files.isRegularFile(code)) return Optional.empty();
            if (Files.size(manifest) > PluginPackage.MAX_MANIFEST_BYTES || Files.size(code) > PluginPackage.MAX_CODE_BYTES) {
                log.warn("plugin package {} on disk is larger than any package accepted; not used", sha256);
                return Optional.empty();
            }
            var content = new PluginPackage(Files.readAllBytes(manifest), Files.readAllBytes(code));
            if (!content.sha256().equals(sha256)) {
                log.warn("plugin package {} was changed on disk (it now hashes to {}); not used", sha256, content.sha256());
                return Optional.empty();
            }
            return Optional.of(content);
        } catch (IOException | IllegalArgumentException e) {
            log.warn("plugin package {} cannot be read; not used: {}", sha256, e.toString());
            return Optional.empty();
        }
    }

    private static void deleteQuietly(Path temporary) {
        try (var files = Files.list(temporary)) {
            for (var file : files.toList()) Files.deleteIfExists(file);
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            log.debug("could not remove {}", temporary, e);
        }
    }
}

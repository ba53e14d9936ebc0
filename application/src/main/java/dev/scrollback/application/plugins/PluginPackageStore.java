package dev.scrollback.application.plugins;

import dev.scrollback.domain.plugins.PackageSha256;
import java.util.Optional;

/** Out-port: keeps submitted packages by their hash, so that what was approved is exactly what is installed later. */
public interface PluginPackageStore {

    /** Keeps {@code content} under its own hash; keeping the same package twice is harmless. */
    void keep(PluginPackage content);

    Optional<PluginPackage> find(PackageSha256 sha256);
}

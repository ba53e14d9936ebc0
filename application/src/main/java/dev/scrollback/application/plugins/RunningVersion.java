package dev.scrollback.application.plugins;

import dev.scrollback.domain.plugins.PluginVersion;
import java.util.Objects;

/** The version of the BBS that is running: what a plugin's {@code requires} range is checked against on install. */
public record RunningVersion(PluginVersion version) {
    public RunningVersion {
        Objects.requireNonNull(version, "version");
    }
}

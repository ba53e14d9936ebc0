package dev.scrollback.application.plugins;

import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.plugins.PackageSha256;
import dev.scrollback.domain.plugins.PluginId;
import java.util.List;

/**
 * In-port: a member hands in a plugin package ({@code PluginSubmitted}, the caller as actor), which is scanned at once
 * ({@code PluginScanned}, the system as actor). A manifest that cannot be read is {@link PluginPackageRefused}, with
 * every problem; a guest is {@code NotAllowed}. Limited per account ({@code RateLimited}).
 */
public interface SubmitPlugin {

    Submitted submit(Caller caller, PluginPackage content, Origin origin);

    /** The new plugin version, its package's hash (what a publisher signs) and what its scan found. */
    record Submitted(PluginId plugin, PackageSha256 sha256, boolean passed, List<String> findings) {
        public Submitted {
            findings = List.copyOf(findings);
        }
    }
}

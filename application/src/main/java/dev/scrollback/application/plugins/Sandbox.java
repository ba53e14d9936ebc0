package dev.scrollback.application.plugins;

import dev.scrollback.domain.plugins.PluginManifest;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Out-port: the sandbox that runs plugin code (SPEC §2: {@code adapters-sandbox}), whatever its engine — WebAssembly
 * modules and JavaScript scripts behind one port. It speaks the hooks' wire formats with the plugin (JSON, text), so
 * the application sends {@link HookInput}s and gets typed {@link HookAnswer}s back; it enforces the manifest's limits
 * and stops a call at its deadline.
 */
public interface Sandbox {

    /**
     * Makes {@code content} runnable under {@code manifest}: checked, compiled or parsed, its top-level code run once,
     * with {@code storage} as the key-value storage it starts with and {@code host} behind the host functions its
     * manifest grants. Refused with every reason when it cannot run.
     */
    Load load(PluginManifest manifest, PluginPackage content, Map<String, byte[]> storage, PluginHost host);

    sealed interface Load {
        record Loaded(RunningPlugin plugin) implements Load {
            public Loaded {
                Objects.requireNonNull(plugin, "plugin");
            }
        }

        record Refused(List<String> reasons) implements Load {
            public Refused {
                reasons = List.copyOf(reasons);
                if (reasons.isEmpty()) throw new IllegalArgumentException("a refusal says why");
            }
        }
    }
}

package dev.scrollback.application.plugins;

import dev.scrollback.domain.plugins.PluginManifest;
import java.util.List;

/**
 * Out-port: the automated scan of a submitted package (issue 6 item 5) — the code checked against its manifest by the
 * engine that would run it (a WebAssembly module's imports against the permissions, its memories and tables against the
 * limits; a script parsed), without running any of it.
 */
public interface PluginScanner {

    Verdict scan(PluginManifest manifest, byte[] code);

    /** {@code passed}, or not with at least one finding; a passed scan may carry warnings. */
    record Verdict(boolean passed, List<String> findings) {
        public Verdict {
            findings = List.copyOf(findings);
            if (!passed && findings.isEmpty()) throw new IllegalArgumentException("a failed scan says what it found");
        }
    }
}

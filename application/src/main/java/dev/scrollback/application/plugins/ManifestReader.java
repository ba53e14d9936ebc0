package dev.scrollback.application.plugins;

import dev.scrollback.domain.plugins.PluginManifest;
import java.util.List;

/** Out-port: reads a package's manifest file into what the domain calls a manifest, or says every problem with it. */
public interface ManifestReader {

    Reading read(byte[] manifest);

    sealed interface Reading {
        record Read(PluginManifest manifest) implements Reading {}

        /** At least one problem, each a line naming the key it is about. */
        record Refused(List<String> problems) implements Reading {
            public Refused {
                problems = List.copyOf(problems);
                if (problems.isEmpty()) throw new IllegalArgumentException("a refusal says why");
            }
        }
    }
}

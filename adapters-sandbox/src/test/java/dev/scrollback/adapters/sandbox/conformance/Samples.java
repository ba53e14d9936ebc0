package dev.scrollback.adapters.sandbox.conformance;

import static org.assertj.core.api.Assertions.fail;

import dev.scrollback.adapters.sandbox.manifest.TomlManifests;
import dev.scrollback.adapters.sandbox.registry.WasmPolicies;
import dev.scrollback.adapters.sandbox.wasm.WasmPolicy;
import dev.scrollback.domain.plugins.PluginManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The sample plugins under plugins/, built from C by {@code plugins/build --out <dir>} (the documented command) into the
 * build directory, each with its manifest read the way the BBS reads it.
 */
final class Samples {
    private static final String TOOLS_MISSING = "bash is needed to run plugins/build";

    record Sample(String name, Path wasm, PluginManifest manifest) {
        byte[] bytes() {
            try {
                return Files.readAllBytes(wasm);
            } catch (IOException e) {
                return fail("could not read " + wasm + ": " + e.getMessage());
            }
        }

        WasmPolicy policy() {
            return WasmPolicies.of(manifest);
        }

        Set<String> exports() {
            return WasmPolicies.exports(manifest);
        }
    }

    private Samples() {}

    /** Builds every sample into {@code out}; fails (never skips) when the C toolchain is missing or a build fails. */
    static Map<String, Sample> build(Path root, Path out) {
        deleteTree(out);   // a sample removed from plugins/ must not linger from an earlier build
        var ran = Commands.run(List.of("bash", root.resolve("plugins/build").toString(), "--out", out.toString()), root,
                new byte[0], Duration.ofMinutes(2), Map.of(), TOOLS_MISSING);
        if (ran.exitCode() != 0) {
            fail("plugins/build failed (exit " + ran.exitCode() + "); it needs clang-14 and lld-14, which .ci/run "
                    + "installs:\n" + ran.stdoutText() + ran.stderr());
        }
        var samples = new TreeMap<String, Sample>();
        try (var dirs = Files.list(out)) {
            for (var dir : dirs.filter(d -> Files.isRegularFile(d.resolve("plugin.wasm"))).toList()) {
                var name = dir.getFileName().toString();
                samples.put(name, new Sample(name, dir.resolve("plugin.wasm"), manifest(dir.resolve("plugin.toml"))));
            }
        } catch (IOException e) {
            return fail("could not list the built samples in " + out + ": " + e.getMessage());
        }
        return samples;
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (var paths = Files.walk(dir)) {
            for (var path : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(path);
        } catch (IOException e) {
            fail("could not clear " + dir + ": " + e.getMessage());
        }
    }

    private static PluginManifest manifest(Path toml) {
        try {
            return switch (new TomlManifests().read(Files.readAllBytes(toml))) {
                case TomlManifests.Reading.Read read -> read.manifest();
                case TomlManifests.Reading.Refused refused -> fail(toml + " is refused: " + refused.problems());
            };
        } catch (IOException e) {
            return fail("could not read " + toml + ": " + e.getMessage());
        }
    }
}

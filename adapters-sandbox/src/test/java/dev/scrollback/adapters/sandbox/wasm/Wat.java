package dev.scrollback.adapters.sandbox.wasm;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns the WAT modules under {@code src/test/resources/wasm} into wasm bytes with Debian's {@code wat2wasm} (package
 * {@code wabt}, which .ci/run installs). A test that needs it fails when it is missing: never skipped.
 */
public final class Wat {
    private static final Map<String, byte[]> compiled = new ConcurrentHashMap<>();

    private Wat() {}

    /** Compiles {@code wasm/<name>.wat} from the test class path (once); {@code features} are wat2wasm flags. */
    public static byte[] module(String name, String... features) {
        return compiled.computeIfAbsent(name + " " + String.join(" ", features), key -> compile(name, features)).clone();
    }

    private static byte[] compile(String name, String... features) {
        try (InputStream source = Wat.class.getResourceAsStream("/wasm/" + name + ".wat")) {
            if (source == null) return fail("no test module wasm/" + name + ".wat on the class path");
            var dir = Files.createTempDirectory("wat-");
            try {
                var wat = dir.resolve(name + ".wat");
                var wasm = dir.resolve(name + ".wasm");
                Files.write(wat, source.readAllBytes());
                run(wat, wasm, features);
                return Files.readAllBytes(wasm);
            } finally {
                try (var files = Files.list(dir)) {
                    for (Path file : files.toList()) Files.deleteIfExists(file);
                }
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            return fail("could not compile wasm/" + name + ".wat: " + e.getMessage());
        }
    }

    private static void run(Path wat, Path wasm, String... features) throws IOException {
        var command = new ArrayList<>(List.of("wat2wasm"));
        command.addAll(List.of(features));
        command.addAll(List.of(wat.toString(), "-o", wasm.toString()));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            fail("wat2wasm is not installed (Debian package wabt; .ci/run installs it): " + e.getMessage());
            return;
        }
        var messages = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (process.waitFor() != 0) fail("wat2wasm refused " + wat.getFileName() + ":\n" + messages);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted while running wat2wasm");
        }
    }
}

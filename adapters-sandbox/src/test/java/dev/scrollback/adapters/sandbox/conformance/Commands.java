package dev.scrollback.adapters.sandbox.conformance;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the outside programs the conformance test needs (the C build, npm, node); a missing one fails the test. */
final class Commands {
    /** Output kept of a program's stdout or stderr: the runner's answer is well under it. */
    private static final int MAX_CAPTURE = 16 << 20;

    record Ran(int exitCode, byte[] stdout, String stderr) {
        String stdoutText() {
            return new String(stdout, StandardCharsets.UTF_8);
        }
    }

    private Commands() {}

    /**
     * Runs {@code command} in {@code dir} with {@code stdin}, and fails the test if it cannot be started or outlives
     * {@code timeout}; {@code missing} says how to install the program.
     */
    static Ran run(List<String> command, Path dir, byte[] stdin, Duration timeout, Map<String, String> environment,
                   String missing) {
        Process process;
        try {
            var builder = new ProcessBuilder(command).directory(dir.toFile());
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            return fail(command.get(0) + " could not be started (" + e.getMessage() + "): " + missing);
        }
        var out = CompletableFuture.supplyAsync(() -> drain(process.getInputStream()));
        var err = CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()));
        try (var in = process.getOutputStream()) {
            in.write(stdin);
        } catch (IOException e) {
            // the program exited without reading its input; its exit code and stderr tell why
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return fail(String.join(" ", command) + " did not finish within " + timeout.toSeconds() + " s");
            }
            return new Ran(process.exitValue(), out.join(), new String(err.join(), StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return fail("interrupted while running " + command.get(0));
        }
    }

    /** Walks up from the working directory (Maven runs tests in the module's) to the repository's root. */
    static Path repositoryRoot() {
        for (var dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isExecutable(dir.resolve("plugins/build")) && Files.isRegularFile(dir.resolve("mvnw"))) return dir;
        }
        return fail("no plugins/build above " + Path.of("").toAbsolutePath() + "; run the tests inside the repository");
    }

    private static byte[] drain(InputStream stream) {
        try (stream) {
            var bytes = stream.readNBytes(MAX_CAPTURE);
            stream.transferTo(OutputStream.nullOutputStream());   // keep the pipe flowing past the cap
            return bytes;
        } catch (IOException e) {
            return new byte[0];
        }
    }
}

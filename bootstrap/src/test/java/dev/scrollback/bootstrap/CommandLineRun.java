package dev.scrollback.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@code java -jar scrollback.jar …} as a real process, on the data directory {@code data}: what it printed, where. */
record CommandLineRun(int exit, String stdout, String stderr) {

    /** Both streams, standard output first. */
    String output() {
        return stdout + stderr;
    }

    static CommandLineRun run(Path data, Map<String, String> env, String... args) throws Exception {
        var command = new ArrayList<String>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ScrollbackApplication.class.getName());
        command.addAll(List.of(args));
        var errors = Files.createTempFile(data.getParent(), "stderr", ".txt");
        var builder = new ProcessBuilder(command).redirectError(errors.toFile());
        builder.environment().put("SCROLLBACK_DATA_DIR", data.toString());
        builder.environment().putAll(env);
        var process = builder.start();
        process.getOutputStream().close();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        try {
            return new CommandLineRun(process.exitValue(), output, Files.readString(errors));
        } finally {
            Files.deleteIfExists(errors);
        }
    }
}

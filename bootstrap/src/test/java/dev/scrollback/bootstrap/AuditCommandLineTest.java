package dev.scrollback.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar scrollback.jar audit}, run as a real process on a real store. */
class AuditCommandLineTest {
    @TempDir
    Path data;

    record Run(int exit, String stdout, String stderr) {}

    private Run scrollback(Map<String, String> env, String... args) throws Exception {
        var command = new ArrayList<String>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ScrollbackApplication.class.getName());
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).redirectError(data.resolve("stderr.txt").toFile());
        builder.environment().put("SCROLLBACK_DATA_DIR", data.toString());
        builder.environment().putAll(env);
        var process = builder.start();
        process.getOutputStream().close();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output, java.nio.file.Files.readString(data.resolve("stderr.txt")));
    }

    @Test
    void audit_prints_the_matching_entries_as_csv_or_json_lines_and_nothing_else() throws Exception {
        var created = scrollback(Map.of("SCROLLBACK_SYSOP_PASSWORD", "a long sysop passphrase"),
                "admin", "create-sysop", "--handle", "Keeper");
        assertThat(created.exit()).as(created.stdout() + created.stderr()).isZero();

        var csv = scrollback(Map.of(), "audit", "--type", "RoleGranted", "--format", "csv");
        assertThat(csv.exit()).as(csv.stderr()).isZero();
        var lines = csv.stdout().split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("position,at,type,actorKind");
        assertThat(lines[1]).contains(",RoleGranted,system,,,", ",Keeper,role sysop granted");

        var jsonl = scrollback(Map.of(), "audit", "--account", "keeper", "--channel", "cli");
        assertThat(jsonl.exit()).as(jsonl.stderr()).isZero();
        assertThat(jsonl.stdout().lines().toList()).isNotEmpty().allSatisfy(line -> assertThat(line).startsWith("{\"position\":"));
        assertThat(jsonl.stdout()).contains("\"type\":\"AccountRegistered\"");

        var wrong = scrollback(Map.of(), "audit", "--channel", "gopher");
        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.stderr()).contains("--channel must be");
    }
}

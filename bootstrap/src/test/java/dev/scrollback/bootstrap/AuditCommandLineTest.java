package dev.scrollback.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar scrollback.jar audit}, run as a real process on a real store. */
class AuditCommandLineTest {
    @TempDir
    Path data;

    private CommandLineRun scrollback(Map<String, String> env, String... args) throws Exception {
        return CommandLineRun.run(data, env, args);
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

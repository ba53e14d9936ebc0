package dev.scrollback.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar scrollback.jar replay}, run as a real process on a real store. */
class ReplayCommandLineTest {
    @TempDir
    Path data;

    private CommandLineRun scrollback(Map<String, String> env, String... args) throws Exception {
        return CommandLineRun.run(data, env, args);
    }

    /** The sha-256 column of a projection's line (the timing column differs from run to run). */
    private static String digest(String line) {
        return line.split(" +")[4];
    }

    @Test
    void replay_rebuilds_every_projection_or_one_and_prints_events_per_second_and_digests() throws Exception {
        var created = scrollback(Map.of("SCROLLBACK_SYSOP_PASSWORD", "a long sysop passphrase"),
                "admin", "create-sysop", "--handle", "Keeper");
        assertThat(created.exit()).as(created.stdout() + created.stderr()).isZero();

        var all = scrollback(Map.of(), "replay");
        assertThat(all.exit()).as(all.stdout() + all.stderr()).isZero();
        var lines = all.stdout().lines().toList();
        assertThat(lines.getFirst()).matches("replayed [0-9,]+ events \\(to position [0-9]+\\) in [0-9.]+ s: [0-9,]+ events/s; "
                + "reading and decoding [0-9.]+ s");
        assertThat(lines.get(1)).startsWith("projection").contains("sha-256", "live");
        assertThat(lines.subList(2, lines.size())).hasSize(ProjectionRebuildEndToEndTest.PROJECTIONS.size())
                .allSatisfy(line -> assertThat(line).matches("[a-z-]+ +[0-9,]+ +[0-9.]+ +[0-9]+  [0-9a-f]{64}  identical"));
        var directory = lines.stream().filter(line -> line.startsWith("account-directory ")).findFirst().orElseThrow();

        var one = scrollback(Map.of(), "replay", "--projection", "account-directory");
        assertThat(one.exit()).as(one.stderr()).isZero();
        assertThat(one.stdout().lines().toList()).hasSize(3);
        assertThat(digest(one.stdout().lines().toList().get(2))).as("the same log, the same digest").isEqualTo(digest(directory));

        var unknown = scrollback(Map.of(), "replay", "--projection", "nope\u001b[2J");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.stderr()).contains("no projection is called 'nope[2J'", "account-directory").doesNotContain("\u001b");

        var wrong = scrollback(Map.of(), "replay", "--everything");
        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.stderr()).contains("replay: expected --projection NAME");
    }
}

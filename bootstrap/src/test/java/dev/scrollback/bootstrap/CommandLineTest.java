package dev.scrollback.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar scrollback.jar admin create-sysop}, run as a real process on a real store. */
class CommandLineTest {
    @TempDir
    Path data;

    private CommandLineRun scrollback(Map<String, String> env, String... args) throws Exception {
        return CommandLineRun.run(data, env, args);
    }

    @Test
    void create_sysop_creates_one_sysop_and_then_refuses_a_second() throws Exception {
        var first = scrollback(Map.of("SCROLLBACK_SYSOP_PASSWORD", "a long sysop passphrase"),
                "admin", "create-sysop", "--handle", "Keeper");
        assertThat(first.exit()).as(first.output()).isZero();
        assertThat(first.output()).contains("Created sysop Keeper");

        var second = scrollback(Map.of("SCROLLBACK_SYSOP_PASSWORD", "another long passphrase"),
                "admin", "create-sysop", "--handle", "Other");
        assertThat(second.exit()).as(second.output()).isEqualTo(1);
        assertThat(second.output()).contains("a sysop already exists (Keeper)");
    }

    @Test
    void create_sysop_refuses_a_weak_password_with_the_reason() throws Exception {
        var run = scrollback(Map.of("SCROLLBACK_SYSOP_PASSWORD", "short"), "admin", "create-sysop", "--handle", "Keeper");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.output()).contains("at least 12 characters");
    }

    @Test
    void usage_errors_exit_with_2_and_explain() {
        var err = new ByteArrayOutputStream();
        var exit = new CommandLine(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(new String[] {"frobnicate"});
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command: frobnicate").contains("Usage:");
    }
}

package dev.scrollback.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scrollback.application.shared.ControlledClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar scrollback.jar history ...}, run as a real process on the store a stopped server left: the same
 * answers as the REST routes, as JSON on standard output; unknown ids exit 1, usage errors 2.
 */
class HistoryCommandLineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Instant T0 = Instant.parse("2025-03-01T20:00:00Z");

    @TempDir
    Path data;

    private CommandLineRun scrollback(String... args) throws Exception {
        return CommandLineRun.run(data, Map.of(), args);
    }

    @Test
    void history_prints_an_account_a_board_and_a_thread_as_they_were_while_the_server_is_stopped() throws Exception {
        var clock = new ControlledClock(T0);
        String board;
        String thread;
        try (var bbs = TestBbs.start(data, clock)) {
            var sysop = bbs.sysop();
            board = bbs.web().post("/api/v1/boards", Map.of("conference", "Main", "name", "General",
                    "readers", List.of("member"), "posters", List.of("member")), sysop).body().get("id").asText();
            clock.set(T0.plusSeconds(60));
            thread = bbs.web().post("/api/v1/boards/" + board + "/threads", Map.of("subject", "Hello", "body", "first words"),
                    sysop).body().get("threadId").asText();
        }

        var account = json(scrollback("history", "account", TestBbs.SYSOP, "--at", "2025-03-01T20:00:30Z"));
        assertThat(account.get("existed").asBoolean()).isTrue();
        assertThat(account.get("account").get("roles").get(0).asText()).isEqualTo("sysop");
        assertThat(account.toString()).doesNotContain("argon2");
        var boardNow = json(scrollback("history", "board", board, "--at", "2025-03-01T20:01:00Z", "--limit", "10"));
        assertThat(boardNow.get("board").get("name").asText()).isEqualTo("General");
        assertThat(boardNow.get("board").get("threads").get(0).get("subject").asText()).isEqualTo("Hello");
        long head = boardNow.get("head").asLong();

        var threadNow = json(scrollback("history", "thread", thread, "--position", Long.toString(head)));
        assertThat(threadNow.get("thread").get("messages").get(0).get("body").asText()).isEqualTo("first words");
        assertThat(threadNow.get("asOf").get("at").asText()).isEqualTo("2025-03-01T20:01:00Z");

        var unknown = scrollback("history", "board", UUID.randomUUID().toString(), "--position", "1");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.stderr()).contains("no such board");
        var beyond = scrollback("history", "thread", thread, "--position", Long.toString(head + 1));
        assertThat(beyond.exit()).isEqualTo(2);
        assertThat(beyond.stderr()).contains("beyond the log's head");
        var neither = scrollback("history", "account", TestBbs.SYSOP);
        assertThat(neither.exit()).isEqualTo(2);
        assertThat(neither.stderr()).contains("exactly one of --at");
        var badTime = scrollback("history", "account", TestBbs.SYSOP, "--at", "last tuesday");
        assertThat(badTime.exit()).isEqualTo(2);
        assertThat(badTime.stderr()).contains("ISO-8601");
        assertThat(scrollback("history", "mailbox", "x", "--position", "1").exit()).isEqualTo(2);
    }

    private static JsonNode json(CommandLineRun run) throws Exception {
        assertThat(run.exit()).as(run.stderr()).isZero();
        return JSON.readTree(run.stdout());
    }
}

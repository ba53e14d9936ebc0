package dev.scrollback.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrollback.application.shared.ControlledClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6 item 6 at the BBS level: a content filter that never returns, in the path of a busy chat, and a script
 * command that loops. Each call is stopped at its deadline, the lines go through (a broken filter lets text pass), the
 * faults are in the log, the runaway filter is disabled after five, and other callers are served throughout.
 */
class PluginHostileEndToEndTest {
    static final String LOOPING_FILTER = """
            (module
              (memory (export "memory") 1 1)
              (func (export "filter_message_content") (result i32)
                (loop $forever (br $forever))
                (i32.const 0)))
            """;
    static final String LOOPING_FILTER_MANIFEST = """
            name = "stuck-filter"
            version = "1.0.0"
            requires = ">=0.1.0"
            description = "Never answers"
            author = "Mallory"
            license = "MIT"
            engine = "wasm"
            entry = "plugin.wasm"
            hooks = ["filter_message_content"]
            [limits]
            memory_bytes = 65536
            [limits.deadlines]
            filter_message_content = 20
            """;
    static final String LOOPING_SCRIPT_MANIFEST = """
            name = "spinner"
            version = "1.0.0"
            requires = ">=0.1.0"
            description = "Spins when asked"
            author = "Mallory"
            license = "MIT"
            engine = "js"
            entry = "main.js"
            hooks = ["handle_command"]
            [limits.deadlines]
            handle_command = 100
            """;

    final ControlledClock clock = ControlledClock.at("2031-05-01T12:00:00Z");

    @TempDir
    Path data;

    @TempDir
    Path packages;

    @Test
    void a_runaway_filter_during_a_busy_chat_is_stopped_recorded_and_disabled_and_everyone_is_still_served() throws Exception {
        var filter = packages.resolve("stuck-filter");
        Files.createDirectories(filter);
        Files.writeString(filter.resolve("plugin.toml"), LOOPING_FILTER_MANIFEST);
        Files.writeString(filter.resolve("plugin.wat"), LOOPING_FILTER);
        var wat2wasm = new ProcessBuilder("wat2wasm", filter.resolve("plugin.wat").toString(), "-o",
                filter.resolve("plugin.wasm").toString()).redirectErrorStream(true).start();
        assertThat(wat2wasm.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(wat2wasm.exitValue()).as(new String(wat2wasm.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        var spinner = packages.resolve("spinner");
        Files.createDirectories(spinner);
        Files.writeString(spinner.resolve("plugin.toml"), LOOPING_SCRIPT_MANIFEST);
        Files.writeString(spinner.resolve("main.js"), "function handle_command(input) { while (true) {} }\n");

        try (var bbs = TestBbs.start(data, clock)) {
            var web = bbs.web();
            bbs.signUp("Amiga", "amiga@example.test");
            bbs.signUp("Bobby", "bobby@example.test");
            var amiga = web.logIn("Amiga", TestBbs.PASSWORD);
            var bobby = web.logIn("Bobby", TestBbs.PASSWORD);
            var sysop = bbs.sysop();
            var installer = new PluginHooksEndToEndTest.Installer(bbs, amiga, sysop);
            var stuck = installer.enable(filter);
            var spinning = installer.enable(spinner);

            var room = web.post("/api/v1/chat/rooms", Map.of("name", "Lobby", "kind", "public"), sysop).body().get("id").asText();
            assertThat(web.post("/api/v1/chat/rooms/" + room + "/join", Map.of(), amiga).status()).isEqualTo(200);
            assertThat(web.post("/api/v1/chat/rooms/" + room + "/join", Map.of(), bobby).status()).isEqualTo(200);

            // a busy chat: both speak while the filter is stuck on each line; every line still goes through
            var took = new ArrayList<Duration>();
            // (a call the host starves — a collector's pause — is not the plugin's fault: lines go on until five were)
            for (int i = 0; i < 8 || (i < 40 && !"stopped".equals(web.get("/api/v1/admin/plugins/" + stuck + "/stats", sysop)
                    .body().path("state").asText())); i++) {
                var who = i % 2 == 0 ? amiga : bobby;
                long started = System.nanoTime();
                var said = web.post("/api/v1/chat/rooms/" + room + "/messages", Map.of("text", "line " + i), who);
                took.add(Duration.ofNanos(System.nanoTime() - started));
                assertThat(said.status()).as(said.body().toString()).isIn(200, 201);
                assertThat(said.body().toString()).contains("line " + i);
            }

            // the filter faulted on its deadline, five times made it disabled (by the system), and it stopped running
            installer.awaitState(stuck, "stopped");
            var feed = WalkingSkeletonEndToEndTest.readFeed(web, sysop);
            var faults = ofType(feed, "PluginFaulted").stream().filter(e -> e.at("/data/plugin").asText().equals(stuck)).toList();
            assertThat(faults).hasSizeGreaterThanOrEqualTo(5)
                    .allSatisfy(e -> assertThat(e.at("/data/kind").asText()).isEqualTo("timeout"));
            var disabled = ofType(feed, "PluginDisabled");
            assertThat(disabled).hasSize(1);
            assertThat(disabled.getFirst().at("/data/reason").asText()).isEqualTo("too_many_faults");
            assertThat(disabled.getFirst().at("/actor/kind").asText()).isEqualTo("system");
            var stats = web.get("/api/v1/admin/plugins/" + stuck + "/stats", sysop).body();
            assertThat(stats.get("faults").asLong()).isGreaterThanOrEqualTo(5);

            // the looping script's command is stopped and answered, and the BBS serves on
            var spun = web.post("/api/v1/commands/spinner", Map.of("input", "go"), amiga);
            assertThat(spun.status()).isEqualTo(503);
            assertThat(spun.body().get("detail").asText()).as("stopped by its deadline or its statement limit, whichever first")
                    .containsPattern("spinner broke \\((timeout|statement_limit)\\)");
            assertThat(web.post("/api/v1/chat/rooms/" + room + "/messages", Map.of("text", "still here"), bobby).status())
                    .isIn(200, 201);
            assertThat(web.get("/api/v1/chat/rooms", amiga).status()).isEqualTo(200);
            WalkingSkeletonEndToEndTest.untilTrue(Duration.ofMillis(500), () -> ofType(WalkingSkeletonEndToEndTest.readFeed(web,
                    sysop), "PluginFaulted").stream().anyMatch(e -> e.at("/data/plugin").asText().equals(spinning)) ? "ok" : "");
            // each stuck line waited about one deadline, not more: the caller's wait is bounded by the filter's 20 ms
            assertThat(took.stream().sorted().toList().get(took.size() / 2)).isLessThan(Duration.ofSeconds(2));
        }
    }

    private static List<JsonNode> ofType(List<JsonNode> feed, String type) {
        return feed.stream().filter(e -> e.get("type").asText().equals(type)).toList();
    }
}

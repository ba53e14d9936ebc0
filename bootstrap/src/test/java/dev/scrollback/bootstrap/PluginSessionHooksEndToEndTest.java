package dev.scrollback.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scrollback.application.plugins.PluginPackage;
import dev.scrollback.application.shared.ControlledClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6's {@code on_session_start} and {@code on_session_end}, in the running application, driven by real logins: a
 * telnet caller who says goodbye, one whose line drops, and a web login and logout. Two test plugins (under this
 * module's test resources) listen on both engines: session-keeper (WebAssembly, from WAT) keeps what each hook was told
 * in a var, so every call is a {@code PluginStorageWritten} event in the feed; session-log (a script) logs it, which the
 * sysop reads in the plugin's figures. Each hook must be told the session's id (the one of its {@code SessionStarted}),
 * the caller's handle, the channel and, at the end, why it ended.
 */
class PluginSessionHooksEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * The feed is read again and again while waiting (two requests a read): not so often that it spends the API's rate
     * limit (300 a minute per address, refilled at 5 a second) on a slow machine.
     */
    private static final Duration POLL = Duration.ofMillis(500);

    final ControlledClock clock = ControlledClock.at("2031-05-01T12:00:00Z");

    @TempDir
    Path data;

    @TempDir
    Path built;

    /** What session-keeper was told by one call: {@code hook} is the var it wrote, {@code told} the call's input. */
    record Kept(String hook, JsonNode told) {
        String session() {
            return told.path("session").asText();
        }
    }

    @Test
    void the_session_hooks_are_told_who_started_and_ended_which_session_through_which_channel_and_why() throws Exception {
        try (var bbs = TestBbs.start(data, clock)) {
            var web = bbs.web();
            bbs.signUp("Amiga", "amiga@example.test");
            var amiga = web.logIn("Amiga", TestBbs.PASSWORD);            // before any plugin runs: nothing is told of it
            var sysop = bbs.sysop();
            var plugins = new PluginHooksEndToEndTest.Installer(bbs, amiga, sysop);
            var keeperDir = sessionKeeper();
            var keeper = plugins.enable(keeperDir);
            var logger = plugins.enable(resource("session-log"));
            assertThat(listed(web, sysop, keeper).path("sha256").asText()).as("the registry lists the hash that was signed")
                    .isEqualTo(new PluginPackage(Files.readAllBytes(keeperDir.resolve("plugin.toml")),
                            Files.readAllBytes(keeperDir.resolve("plugin.wasm"))).sha256().hex());

            // telnet: log in, then say goodbye
            String telnetSession;
            try (var telnet = TelnetCaller.connect(bbs.telnetPort())) {
                telnet.logIn("Amiga", TestBbs.PASSWORD);
                telnetSession = started(web, sysop, "telnet", 0);
                var start = awaitKept(web, sysop, "on_session_start", telnetSession);
                assertThat(start.told().path("handle").asText()).isEqualTo("Amiga");
                assertThat(start.told().path("channel").asText()).isEqualTo("telnet");
                assertThat(start.told().has("reason")).as("a start has no reason").isFalse();
                telnet.key('G');
                telnet.expect("Goodbye");
            }
            var goodbye = awaitKept(web, sysop, "on_session_end", telnetSession);
            assertThat(goodbye.told().path("handle").asText()).isEqualTo("Amiga");
            assertThat(goodbye.told().path("channel").asText()).isEqualTo("telnet");
            assertThat(goodbye.told().path("reason").asText()).isEqualTo("goodbye");

            // telnet again: log in, then the line drops
            String droppedSession;
            try (var telnet = TelnetCaller.connect(bbs.telnetPort())) {
                telnet.logIn("Amiga", TestBbs.PASSWORD);
                droppedSession = started(web, sysop, "telnet", 1);
                awaitKept(web, sysop, "on_session_start", droppedSession);
            }                                                             // hung up without a goodbye
            var dropped = awaitKept(web, sysop, "on_session_end", droppedSession);
            assertThat(dropped.told().path("channel").asText()).isEqualTo("telnet");
            assertThat(dropped.told().path("reason").asText()).isEqualTo("dropped");

            // web: log in, then log out
            var token = web.logIn("Amiga", TestBbs.PASSWORD);
            var webSession = started(web, sysop, "web", 1);                // the first was the login before the plugins
            var webStart = awaitKept(web, sysop, "on_session_start", webSession);
            assertThat(webStart.told().path("handle").asText()).isEqualTo("Amiga");
            assertThat(webStart.told().path("channel").asText()).isEqualTo("web");
            assertThat(web.delete("/api/v1/sessions/current", token).status()).isEqualTo(204);
            var logout = awaitKept(web, sysop, "on_session_end", webSession);
            assertThat(logout.told().path("channel").asText()).isEqualTo("web");
            assertThat(logout.told().path("reason").asText()).isEqualTo("goodbye");

            // each hook was told of each session once, and of nothing else: the logins before the plugins ran are not
            assertThat(kept(web, sysop)).extracting(k -> k.hook() + " " + k.session()).containsExactly(
                    "on_session_start " + telnetSession, "on_session_end " + telnetSession,
                    "on_session_start " + droppedSession, "on_session_end " + droppedSession,
                    "on_session_start " + webSession, "on_session_end " + webSession);
            assertThat(WalkingSkeletonEndToEndTest.readFeed(web, sysop)).filteredOn(e -> type(e, "PluginStorageWritten"))
                    .allSatisfy(e -> {
                        assertThat(e.at("/actor/kind").asText()).isEqualTo("plugin");
                        assertThat(e.at("/actor/handle").asText()).isEqualTo("session-keeper");
                    });

            // the script, on the other engine, was told the same
            var expected = List.of("INFO start telnet Amiga " + telnetSession, "INFO end telnet Amiga " + telnetSession + " goodbye",
                    "INFO start telnet Amiga " + droppedSession, "INFO end telnet Amiga " + droppedSession + " dropped",
                    "INFO start web Amiga " + webSession, "INFO end web Amiga " + webSession + " goodbye");
            var logged = WalkingSkeletonEndToEndTest.untilTrue(POLL, () -> {
                var log = recentLog(web, sysop, logger);
                return log.containsAll(expected) ? String.join("\n", log) : "";
            });
            // notifications run behind on two threads, so two of them may reach the script in either order
            assertThat(logged.lines().toList()).containsExactlyInAnyOrderElementsOf(expected);
            for (var plugin : List.of(keeper, logger)) {
                var figures = WalkingSkeletonEndToEndTest.untilTrue(POLL, () -> {   // a call is counted as it returns
                    var stats = web.get("/api/v1/admin/plugins/" + plugin + "/stats", sysop).body();
                    return stats.get("calls").asLong() >= 6 ? stats.toString() : "";
                });
                var stats = JSON.readTree(figures);
                assertThat(stats.get("state").asText()).isEqualTo("running");
                assertThat(stats.get("calls").asLong()).as(figures).isEqualTo(6);
                assertThat(stats.get("failures").asLong() + stats.get("faults").asLong()).as(figures).isZero();
            }
        }
    }

    /** The id of the {@code index}-th session Amiga started through {@code channel}, once the feed has it. */
    private static String started(Http web, String sysop, String channel, int index) throws Exception {
        return WalkingSkeletonEndToEndTest.untilTrue(POLL, () -> {
            var sessions = WalkingSkeletonEndToEndTest.readFeed(web, sysop).stream()
                    .filter(e -> type(e, "SessionStarted") && e.at("/data/handle").asText().equals("Amiga")
                            && e.at("/data/channel").asText().equals(channel))
                    .map(e -> e.at("/data/session").asText()).toList();
            return sessions.size() > index ? sessions.get(index) : "";
        });
    }

    /** What session-keeper kept from {@code hook}'s call for {@code session}, once its write is in the feed. */
    private static Kept awaitKept(Http web, String sysop, String hook, String session) throws Exception {
        Predicate<Kept> wanted = k -> k.hook().equals(hook) && k.session().equals(session);
        WalkingSkeletonEndToEndTest.untilTrue(POLL, () -> kept(web, sysop).stream().anyMatch(wanted) ? "ok" : "");
        return kept(web, sysop).stream().filter(wanted).findFirst().orElseThrow();
    }

    /** Every var session-keeper wrote, in the feed's order, read back as the JSON its hook was told. */
    private static List<Kept> kept(Http web, String sysop) throws Exception {
        return WalkingSkeletonEndToEndTest.readFeed(web, sysop).stream()
                .filter(e -> type(e, "PluginStorageWritten") && e.at("/data/plugin").asText().equals("session-keeper"))
                .flatMap(e -> StreamSupport.stream(e.at("/data/writes").spliterator(), false))
                .map(write -> new Kept(write.path("key").asText(), told(write.path("base64").asText())))
                .toList();
    }

    private static JsonNode told(String base64) {
        try {
            return JSON.readTree(Base64.getDecoder().decode(base64));
        } catch (IOException e) {
            throw new AssertionError("session-keeper kept something that is not JSON: " + base64, e);
        }
    }

    private static List<String> recentLog(Http web, String sysop, String plugin) throws Exception {
        var lines = web.get("/api/v1/admin/plugins/" + plugin + "/stats", sysop).body().path("recentLog");
        return StreamSupport.stream(lines.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static JsonNode listed(Http web, String sysop, String plugin) throws Exception {
        var plugins = web.get("/api/v1/admin/plugins", sysop).body().path("plugins");
        return StreamSupport.stream(plugins.spliterator(), false)
                .filter(p -> p.path("id").asText().equals(plugin)).findFirst().orElseThrow();
    }

    private static boolean type(JsonNode event, String type) {
        return event.path("type").asText().equals(type);
    }

    /** session-keeper's package: its manifest, and its module compiled from the WAT beside it (wabt's wat2wasm). */
    private Path sessionKeeper() throws Exception {
        var source = resource("session-keeper");
        Files.copy(source.resolve("plugin.toml"), built.resolve("plugin.toml"));
        var wat2wasm = new ProcessBuilder("wat2wasm", source.resolve("plugin.wat").toString(), "-o",
                built.resolve("plugin.wasm").toString()).redirectErrorStream(true).start();
        var output = new String(wat2wasm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(wat2wasm.waitFor(60, TimeUnit.SECONDS)).as("wat2wasm finished").isTrue();
        assertThat(wat2wasm.exitValue()).as("wat2wasm (Debian package wabt; .ci/run installs it): " + output).isZero();
        return built;
    }

    private static Path resource(String plugin) throws Exception {
        var url = Optional.ofNullable(PluginSessionHooksEndToEndTest.class.getResource("/plugins/" + plugin + "/plugin.toml"))
                .orElseThrow(() -> new AssertionError("no test plugin " + plugin + " on the class path"));
        return Path.of(url.toURI()).getParent();
    }
}

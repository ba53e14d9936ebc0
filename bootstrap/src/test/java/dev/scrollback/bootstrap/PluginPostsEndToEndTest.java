package dev.scrollback.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrollback.application.shared.ControlledClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6, items 2, 3, 6 and 7: plugins act through the BBS's own host functions. The auto-responder sample (C, built
 * from source) answers in a chat room as itself — a telnet caller and a web caller see its lines, each an event with the
 * plugin as actor — and reads users' public facts; plugins that post on every line never answer each other or
 * themselves (a plugin's line calls no hook); a script without the permission faults.
 */
class PluginPostsEndToEndTest {
    @TempDir
    static Path built;

    final ControlledClock clock = ControlledClock.at("2031-06-01T09:00:00Z");

    @TempDir
    Path data;

    @TempDir
    Path scripts;

    @BeforeAll
    static void buildTheSamples() throws Exception {
        PluginHooksEndToEndTest.buildSamples(built);
    }

    @Test
    void the_auto_responder_answers_in_the_room_as_itself_on_telnet_and_on_the_web() throws Exception {
        try (var bbs = TestBbs.start(data, clock)) {
            var web = bbs.web();
            var sysop = bbs.sysop();
            bbs.signUp("Amiga", "amiga@example.test");
            bbs.signUp("Webby", "webby@example.test");
            var webby = web.logIn("Webby", TestBbs.PASSWORD);
            var responder = new PluginHooksEndToEndTest.Installer(bbs, webby, sysop).enable(built.resolve("auto-responder"));
            var room = web.post("/api/v1/chat/rooms", Map.of("name", "Lobby", "kind", "public"), sysop).body().get("id").asText();
            var socket = LiveEventsEndToEndTest.Client.connect(bbs, "?access_token=" + webby, null, null);
            socket.until(frame -> frame.path("type").asText().equals("CaughtUp"));
            assertThat(web.post("/api/v1/chat/rooms/" + room + "/join", Map.of(), webby).status()).isEqualTo(200);

            try (var amiga = TelnetCaller.connect(bbs.telnetPort())) {
                amiga.expect("Handle: ");
                amiga.line("Amiga");
                amiga.expect("Password: ");
                amiga.line(TestBbs.PASSWORD);
                amiga.expect("Your choice: ");
                amiga.key('C');
                amiga.expect("Room number, [N] New room, [P] Page someone, [Q] Back: ");
                amiga.line("1");
                amiga.expect("You: ");

                amiga.line("!hello");
                amiga.expect("[auto-responder] Hello, Amiga!");
                var said = socket.until(frame -> frame.path("type").asText().equals("ChatPluginMessageSent"));
                assertThat(said.at("/data/plugin").asText()).isEqualTo("auto-responder");
                assertThat(said.at("/data/text").toString()).contains("Hello, Amiga!");

                amiga.line("!whois webby");
                amiga.expect("[auto-responder] Webby: member; calling since 2031-06-01");
                amiga.line("!whois Nobody");
                amiga.expect("[auto-responder] No one here is called Nobody.");
                amiga.line("just talking");
                amiga.expect("<Amiga> just talking");
                amiga.line("/quit");
                amiga.expect("You left Lobby.");
            }

            // a web caller coming in sees the plugin's lines among the last ones, marked as a plugin's
            var view = web.post("/api/v1/chat/rooms/" + room + "/join", Map.of(), webby).body();
            var pluginLines = stream(view.get("lines")).filter(l -> l.get("plugin").asBoolean()).toList();
            assertThat(pluginLines).extracting(l -> l.get("handle").asText() + ": " + l.get("text").asText()).containsExactly(
                    "auto-responder: Hello, Amiga!",
                    "auto-responder: Webby: member; calling since 2031-06-01",
                    "auto-responder: No one here is called Nobody.");

            // each line is an event with the plugin as actor; the plugin was called once per line said
            var events = PluginHooksEndToEndTest.ofType(WalkingSkeletonEndToEndTest.readFeed(web, sysop), "ChatPluginMessageSent");
            assertThat(events).hasSize(3).allSatisfy(e -> {
                assertThat(e.at("/actor/kind").asText()).isEqualTo("plugin");
                assertThat(e.at("/actor/handle").asText()).isEqualTo("auto-responder");
                assertThat(e.at("/actor/id").asText()).isEqualTo(responder);
                assertThat(e.at("/origin/channel").asText()).isEqualTo("plugin");
                assertThat(e.at("/data/room").asText()).isEqualTo(room);
            });
            WalkingSkeletonEndToEndTest.untilTrue(() -> web.get("/api/v1/admin/plugins/" + responder + "/stats", sysop)
                    .body().get("calls").asLong() == 4 ? "ok" : "");
            var stats = web.get("/api/v1/admin/plugins/" + responder + "/stats", sysop).body();
            assertThat(stats.get("faults").asLong()).isZero();
        }
    }

    @Test
    void plugins_posting_on_every_line_never_answer_each_other_and_one_without_the_permission_faults() throws Exception {
        try (var bbs = TestBbs.start(data, clock)) {
            var web = bbs.web();
            var sysop = bbs.sysop();
            bbs.signUp("Webby", "webby@example.test");
            var webby = web.logIn("Webby", TestBbs.PASSWORD);
            var installer = new PluginHooksEndToEndTest.Installer(bbs, webby, sysop);
            var echoOne = installer.enable(echo("echo-one", true));
            var echoTwo = installer.enable(echo("echo-two", true));
            var sneaky = installer.enable(echo("sneaky", false));
            var room = web.post("/api/v1/chat/rooms", Map.of("name", "Lobby", "kind", "public"), sysop).body().get("id").asText();
            assertThat(web.post("/api/v1/chat/rooms/" + room + "/join", Map.of(), webby).status()).isEqualTo(200);

            for (var line : List.of("ping", "pong")) {
                assertThat(web.post("/api/v1/chat/rooms/" + room + "/messages", Map.of("text", line), webby).status())
                        .isEqualTo(201);
            }
            // every plugin saw the two lines said by a caller, and nothing else: no plugin line reached a plugin
            for (var id : List.of(echoOne, echoTwo, sneaky)) {
                WalkingSkeletonEndToEndTest.untilTrue(() -> web.get("/api/v1/admin/plugins/" + id + "/stats", sysop)
                        .body().get("calls").asLong() == 2 ? "ok" : "");
            }
            WalkingSkeletonEndToEndTest.untilTrue(Duration.ofMillis(500), () -> PluginHooksEndToEndTest.ofType(
                    WalkingSkeletonEndToEndTest.readFeed(web, sysop), "ChatPluginMessageSent").size() >= 4 ? "ok" : "");
            var lines = PluginHooksEndToEndTest.ofType(WalkingSkeletonEndToEndTest.readFeed(web, sysop), "ChatPluginMessageSent");
            assertThat(lines).extracting(e -> e.at("/data/plugin").asText() + ": " + e.at("/data/text/personal").asText())
                    .containsExactlyInAnyOrder("echo-one: echo: ping", "echo-two: echo: ping", "echo-one: echo: pong",
                            "echo-two: echo: pong");
            for (var id : List.of(echoOne, echoTwo)) {
                assertThat(web.get("/api/v1/admin/plugins/" + id + "/stats", sysop).body().get("calls").asLong())
                        .as("still two calls: the plugins' own lines called no hook").isEqualTo(2);
            }

            // the script without post_message faulted at each try, said nothing, and was told nothing
            WalkingSkeletonEndToEndTest.untilTrue(Duration.ofMillis(500), () -> PluginHooksEndToEndTest.ofType(
                    WalkingSkeletonEndToEndTest.readFeed(web, sysop), "PluginFaulted").size() >= 2 ? "ok" : "");
            var faults = PluginHooksEndToEndTest.ofType(WalkingSkeletonEndToEndTest.readFeed(web, sysop), "PluginFaulted");
            assertThat(faults).hasSize(2).allSatisfy(e -> {
                assertThat(e.at("/data/plugin").asText()).isEqualTo(sneaky);
                assertThat(e.at("/data/kind").asText()).isEqualTo("permission");
                assertThat(e.at("/data/detail").asText()).contains("post_message");
            });
            var after = web.post("/api/v1/chat/rooms/" + room + "/messages", Map.of("text", "still here"), webby);
            assertThat(after.status()).as("the room serves on").isEqualTo(201);
        }
    }

    /** A script that says "echo: <line>" for every line it is told of, with or without the permission to. */
    private Path echo(String name, boolean mayPost) throws Exception {
        var dir = Files.createDirectories(scripts.resolve(name));
        Files.writeString(dir.resolve("plugin.toml"), """
                name = "%s"
                version = "1.0.0"
                requires = ">=0.1.0, <1.0.0"
                description = "Echoes every chat line"
                author = "Tests"
                license = "MIT"
                engine = "js"
                entry = "main.js"
                hooks = ["on_message_post"]
                %s
                [limits.deadlines]
                on_message_post = 500
                """.formatted(name, mayPost ? "[permissions]\npost_message = true\n" : ""));
        Files.writeString(dir.resolve("main.js"), """
                function on_message_post(input) {
                  const message = JSON.parse(input);
                  const answer = postMessage(message.place_name, 'echo: ' + message.text);
                  if (answer && answer.error) log('warn', answer.error);
                }
                """);
        return dir;
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }
}

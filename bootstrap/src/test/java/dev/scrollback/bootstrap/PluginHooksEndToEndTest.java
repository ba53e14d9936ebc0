package dev.scrollback.bootstrap;

import static dev.scrollback.bootstrap.PasswordResetEndToEndTest.slug;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrollback.application.shared.ControlledClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6, items 3, 5 and 7, in the running application with the shipped samples built from source: the spam filter
 * rewrites and rejects on boards and in chat (each with the plugin as actor), the statistics plugin counts posts in its
 * storage (each write an event), answers its command and adds a menu item, the welcome script greets first and later
 * logins; disabling takes effect without a restart, and a restart replays the log without running any plugin.
 */
class PluginHooksEndToEndTest {
    @TempDir
    static Path built;

    final ControlledClock clock = ControlledClock.at("2031-05-01T12:00:00Z");

    @TempDir
    Path data;

    @BeforeAll
    static void buildTheSamples() throws Exception {
        buildSamples(built);
    }

    @Test
    void the_samples_act_in_boards_chat_logins_and_menus_and_their_actions_are_events() throws Exception {
        try (var bbs = TestBbs.start(data, clock)) {
            var web = bbs.web();
            bbs.signUp("Amiga", "amiga@example.test");
            var amiga = web.logIn("Amiga", TestBbs.PASSWORD);
            var sysop = bbs.sysop();
            var plugins = new Installer(bbs, amiga, sysop);
            var spamFilter = plugins.enable(sample("spam-filter"));
            var statistics = plugins.enable(sample("statistics"));
            var welcome = plugins.enable(script("welcome"));

            // boards: a rewrite is posted as rewritten, a rejection is a 422 with the filter's reason
            var board = web.post("/api/v1/boards", Map.of("conference", "General", "name", "Lounge", "readers",
                    List.of("member"), "posters", List.of("member")), sysop).body().get("id").asText();
            var thread = web.post("/api/v1/boards/" + board + "/threads", Map.of("subject", "Offers",
                    "body", "Cheap casino spam here"), amiga);
            assertThat(thread.status()).as(thread.body().toString()).isEqualTo(201);
            var threadId = thread.body().get("threadId").asText();
            var read = WalkingSkeletonEndToEndTest.untilTrue(() -> {
                var body = web.get("/api/v1/threads/" + threadId, amiga).body().toString();
                return body.contains("Cheap") ? body : "";
            });
            assertThat(read).contains("Cheap ****** **** here").doesNotContain("casino");
            var links = web.post("/api/v1/threads/" + threadId + "/messages",
                    Map.of("body", "see http://a.example http://b.example http://c.example"), amiga);
            assertThat(links.status()).isEqualTo(422);
            assertThat(slug(links)).isEqualTo("filtered-out");
            assertThat(links.body().get("detail").asText()).contains("spam-filter", "links");

            // chat: the same filter on lines
            var room = web.post("/api/v1/chat/rooms", Map.of("name", "Lobby", "kind", "public"), sysop).body().get("id").asText();
            assertThat(web.post("/api/v1/chat/rooms/" + room + "/join", Map.of(), amiga).status()).isEqualTo(200);
            var said = web.post("/api/v1/chat/rooms/" + room + "/messages", Map.of("text", "no scam today"), amiga);
            assertThat(said.status()).as(said.body().toString()).isIn(200, 201);
            assertThat(said.body().toString()).contains("no **** today");

            // statistics: counted behind (on_message_post), asked through its command, offered in the menu
            var counted = WalkingSkeletonEndToEndTest.untilTrue(() -> {
                var answer = web.post("/api/v1/commands/statistics", Map.of("input", ""), amiga);
                var output = answer.body().path("output").asText();
                return output.contains("1 on the boards, 1 in chat") ? output : "";
            });
            assertThat(counted).isEqualTo("Messages posted since the plugin was enabled: 1 on the boards, 1 in chat.");
            var menu = web.get("/api/v1/menu/plugins", amiga).body().toString();
            assertThat(menu).as(web.get("/api/v1/admin/plugins/" + statistics + "/stats", sysop).body().toString())
                    .contains("\"command\":\"statistics\"", "\"label\":\"Board statistics\"");
            assertThat(web.get("/api/v1/commands", amiga).body().toString()).contains("statistics");
            assertThat(slug(web.post("/api/v1/commands/nothing-here", Map.of("input", ""), amiga)))
                    .isEqualTo("command-unavailable");

            // welcome: a first login is told so, a later one welcomed back
            bbs.signUp("Bobby", "bobby@example.test");
            var first = web.post("/api/v1/sessions", Map.of("handle", "Bobby", "password", TestBbs.PASSWORD));
            assertThat(first.body().get("greetings").toString()).contains("Welcome to this board, Bobby! This is your first call.");
            var again = web.post("/api/v1/sessions", Map.of("handle", "Bobby", "password", TestBbs.PASSWORD));
            assertThat(again.body().get("greetings").toString()).contains("Welcome back, Bobby.");

            // what the plugins did is in the log, with the plugin as actor
            var feed = WalkingSkeletonEndToEndTest.untilTrue(java.time.Duration.ofMillis(500), () -> {
                var events = WalkingSkeletonEndToEndTest.readFeed(web, sysop);
                return events.stream().filter(e -> e.get("type").asText().equals("PluginStorageWritten")).count() >= 1
                        ? "ok" : "";
            });
            assertThat(feed).isEqualTo("ok");
            var events = WalkingSkeletonEndToEndTest.readFeed(web, sysop);
            assertThat(ofType(events, "MessageRewritten")).hasSize(2)
                    .allSatisfy(e -> assertThat(e.at("/actor/kind").asText()).isEqualTo("plugin"))
                    .allSatisfy(e -> assertThat(e.at("/actor/handle").asText()).isEqualTo("spam-filter"))
                    .allSatisfy(e -> assertThat(e.at("/origin/channel").asText()).isEqualTo("plugin"));
            var rejected = ofType(events, "MessageRejected");
            assertThat(rejected).hasSize(1);
            assertThat(rejected.getFirst().at("/data/reason").asText()).contains("links");
            assertThat(rejected.getFirst().at("/data/place/kind").asText()).isEqualTo("board");
            assertThat(ofType(events, "PluginStorageWritten"))
                    .allSatisfy(e -> assertThat(e.at("/actor/handle").asText()).isEqualTo("statistics"));

            // figures per plugin, over REST
            var stats = web.get("/api/v1/admin/plugins/" + statistics + "/stats", sysop);
            assertThat(stats.status()).isEqualTo(200);
            assertThat(stats.body().get("state").asText()).isEqualTo("running");
            assertThat(stats.body().get("calls").asLong()).isGreaterThanOrEqualTo(3);
            assertThat(stats.body().get("p99Micros").asDouble()).isPositive();
            assertThat(web.get("/api/v1/admin/plugins/" + welcome + "/stats", sysop).body().get("recentLog").toString())
                    .contains("INFO first login of Bobby");
            assertThat(web.get("/api/v1/admin/plugins/stats", amiga).status()).isEqualTo(403);

            // hot reload: disabled, the filter no longer runs
            assertThat(web.post("/api/v1/admin/plugins/" + spamFilter + "/disable", Map.of(), sysop).status()).isEqualTo(200);
            plugins.awaitState(spamFilter, "stopped");
            var plain = web.post("/api/v1/chat/rooms/" + room + "/messages", Map.of("text", "spam is fine now"), amiga);
            assertThat(plain.body().toString()).contains("spam is fine now");
        }
    }

    @Test
    void a_restart_replays_the_log_without_running_any_plugin_and_restores_the_storage() throws Exception {
        String statistics;
        int writes;
        try (var bbs = TestBbs.start(data, clock)) {
            var web = bbs.web();
            bbs.signUp("Amiga", "amiga@example.test");
            var amiga = web.logIn("Amiga", TestBbs.PASSWORD);
            var sysop = bbs.sysop();
            statistics = new Installer(bbs, amiga, sysop).enable(sample("statistics"));
            var room = web.post("/api/v1/chat/rooms", Map.of("name", "Lobby", "kind", "public"), sysop).body().get("id").asText();
            web.post("/api/v1/chat/rooms/" + room + "/join", Map.of(), amiga);
            for (var line : List.of("one", "two", "three")) {
                assertThat(web.post("/api/v1/chat/rooms/" + room + "/messages", Map.of("text", line), amiga).status()).isIn(200, 201);
            }
            WalkingSkeletonEndToEndTest.untilTrue(() -> web.post("/api/v1/commands/statistics", Map.of("input", ""), amiga)
                    .body().path("output").asText().contains("3 in chat") ? "ok" : "");
            // calls behind may overlap, and a write is recorded once with the latest value: wait for the value 3
            writes = Integer.parseInt(WalkingSkeletonEndToEndTest.untilTrue(java.time.Duration.ofMillis(500), () -> {
                var recorded = ofType(WalkingSkeletonEndToEndTest.readFeed(web, sysop), "PluginStorageWritten");
                return !recorded.isEmpty() && recorded.getLast().at("/data/writes/0/base64").asText().equals("AwAAAAAAAAA=")
                        ? String.valueOf(recorded.size()) : "";
            }));
        }
        try (var bbs = TestBbs.start(data, clock)) {
            var web = bbs.web();
            var sysop = bbs.sysop();
            var stats = web.get("/api/v1/admin/plugins/" + statistics + "/stats", sysop).body();
            assertThat(stats.get("state").asText()).as("loaded again at start").isEqualTo("running");
            assertThat(stats.get("calls").asLong()).as("nothing ran while the log was replayed").isZero();
            assertThat(ofType(WalkingSkeletonEndToEndTest.readFeed(web, sysop), "PluginStorageWritten"))
                    .as("no storage written while replaying").hasSize(writes);
            var amiga = web.logIn("Amiga", TestBbs.PASSWORD);
            assertThat(web.post("/api/v1/commands/statistics", Map.of("input", ""), amiga).body().get("output").asText())
                    .as("its counters, restored from the log").contains("0 on the boards, 3 in chat");
        }
    }

    static List<JsonNode> ofType(List<JsonNode> feed, String type) {
        return feed.stream().filter(e -> e.get("type").asText().equals(type)).toList();
    }

    /** Builds the C samples from source, with {@code plugins/build --out}, into {@code out}: one package each. */
    static void buildSamples(Path out) throws Exception {
        var build = new ProcessBuilder(Path.of("..", "plugins", "build").toString(), "--out", out.toString())
                .redirectErrorStream(true).start();
        var output = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(build.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(build.exitValue()).as(output).isZero();
    }

    static Path sample(String name) {
        return built.resolve(name);
    }

    static Path script(String name) {
        return Path.of("..", "plugins", name);
    }

    /** Submits, approves, publishes, installs (signed by a publisher the sysop trusts) and enables a package. */
    record Installer(TestBbs bbs, String member, String sysop, KeyPair publisher) {
        Installer(TestBbs bbs, String member, String sysop) throws Exception {
            this(bbs, member, sysop, KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
            var keys = bbs.data().resolve("plugins/publishers");
            Files.createDirectories(keys);
            Files.writeString(keys.resolve("samples.pub"), Base64.getEncoder().encodeToString(publisher.getPublic().getEncoded()));
        }

        /** The plugin's id, once it runs. */
        String enable(Path dir) throws Exception {
            var web = bbs.web();
            var manifest = Files.readString(dir.resolve("plugin.toml"));
            var entry = manifest.lines().filter(l -> l.startsWith("entry")).findFirst().orElseThrow().replaceAll(".*\"(.*)\".*", "$1");
            var code = Base64.getEncoder().encodeToString(Files.readAllBytes(dir.resolve(entry)));
            var submitted = web.post("/api/v1/plugins", Map.of("manifest", manifest, "code", code), member);
            assertThat(submitted.status()).as(submitted.body().toString()).isEqualTo(201);
            assertThat(submitted.body().get("passed").asBoolean()).as(submitted.body().toString()).isTrue();
            var id = submitted.body().get("id").asText();
            var sha256 = submitted.body().get("sha256").asText();
            for (var step : List.of("approve", "publish")) {
                var answer = web.post("/api/v1/admin/plugins/" + id + "/" + step, Map.of(), sysop);
                assertThat(answer.status()).as(step + " " + answer.body()).isEqualTo(200);
            }
            var signer = Signature.getInstance("Ed25519");
            signer.initSign(publisher.getPrivate());
            signer.update(sha256.getBytes(StandardCharsets.UTF_8));
            var installed = web.post("/api/v1/admin/plugins/" + id + "/install",
                    Map.of("signature", Base64.getEncoder().encodeToString(signer.sign())), sysop);
            assertThat(installed.status()).as(installed.body().toString()).isEqualTo(200);
            assertThat(web.post("/api/v1/admin/plugins/" + id + "/enable", Map.of(), sysop).status()).isEqualTo(200);
            awaitState(id, "running");
            return id;
        }

        void awaitState(String id, String state) throws Exception {
            var seen = new ArrayList<String>();
            WalkingSkeletonEndToEndTest.untilTrue(() -> {
                var answer = bbs.web().get("/api/v1/admin/plugins/" + id + "/stats", sysop);
                seen.add(answer.body().toString());
                return answer.status() == 200 && answer.body().get("state").asText().equals(state) ? "ok" : "";
            });
        }
    }
}

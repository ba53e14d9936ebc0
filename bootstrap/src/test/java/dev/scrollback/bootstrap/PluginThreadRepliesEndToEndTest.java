package dev.scrollback.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.application.shared.ControlledClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6: {@code post_message} on boards. A script answers "!ping" in a board thread as itself ({@code {"thread"}}
 * request, the thread from on_message_post's {@code thread_id}); a caller reads the reply over REST (marked as a
 * plugin's) and over telnet ({@code [name]}); the feed has a {@code PluginReplyPosted} with the plugin as actor, and the
 * plugin's own reply called no hook.
 */
class PluginThreadRepliesEndToEndTest {
    final ControlledClock clock = ControlledClock.at("2031-06-01T09:00:00Z");

    @TempDir
    Path data;

    @TempDir
    Path scripts;

    @Test
    void a_script_replies_in_the_thread_as_itself_over_rest_and_telnet() throws Exception {
        try (var bbs = TestBbs.start(data, clock)) {
            var web = bbs.web();
            var sysop = bbs.sysop();
            bbs.signUp("Amiga", "amiga@example.test");
            bbs.signUp("Webby", "webby@example.test");
            var webby = web.logIn("Webby", TestBbs.PASSWORD);
            var pinger = new PluginHooksEndToEndTest.Installer(bbs, webby, sysop).enable(pinger());
            var board = web.post("/api/v1/boards", Map.of("conference", "General", "name", "Chatter",
                    "description", "Anything goes", "readers", List.of("member"), "posters", List.of("member")), sysop)
                    .body().get("id").asText();

            var started = web.post("/api/v1/boards/" + board + "/threads", Map.of("subject", "Bots", "body", "anyone? !ping"),
                    webby);
            assertThat(started.status()).isEqualTo(201);
            var thread = started.body().get("threadId").asText();

            WalkingSkeletonEndToEndTest.untilTrue(() -> web.get("/api/v1/threads/" + thread, webby).body().get("messages")
                    .size() == 2 ? "ok" : "");
            var messages = web.get("/api/v1/threads/" + thread, webby).body().get("messages");
            assertThat(messages.get(0).get("author").asText()).isEqualTo("Webby");
            assertThat(messages.get(0).get("plugin").asBoolean()).isFalse();
            assertThat(messages.get(1).get("author").asText()).isEqualTo("pinger");
            assertThat(messages.get(1).get("plugin").asBoolean()).isTrue();
            assertThat(messages.get(1).get("body").asText()).isEqualTo("pong, Webby");
            assertThat(messages.get(1).get("subject").asText()).isEqualTo("Re: Bots");

            var events = PluginHooksEndToEndTest.ofType(WalkingSkeletonEndToEndTest.readFeed(web, sysop), "PluginReplyPosted");
            assertThat(events).hasSize(1).allSatisfy(e -> {
                assertThat(e.at("/actor/kind").asText()).isEqualTo("plugin");
                assertThat(e.at("/actor/handle").asText()).isEqualTo("pinger");
                assertThat(e.at("/actor/id").asText()).isEqualTo(pinger);
                assertThat(e.at("/origin/channel").asText()).isEqualTo("plugin");
                assertThat(e.at("/data/thread").asText()).isEqualTo(thread);
                assertThat(e.at("/data/plugin").asText()).isEqualTo("pinger");
            });

            try (var amiga = TelnetCaller.connect(bbs.telnetPort())) {
                amiga.expect("Handle: ");
                amiga.line("Amiga");
                amiga.expect("Password: ");
                amiga.line(TestBbs.PASSWORD);
                amiga.expect("Your choice: ");
                amiga.key('B');
                amiga.expect("Board number, [N] New-scan, [F] Find, [Q] Back: ");
                amiga.line("1");
                amiga.expect("Thread number, [P] Post, [Q] Back: ");
                amiga.line("1");
                amiga.expect("Reader: ");
                amiga.key('N');
                assertThat(amiga.expect("Reader: ")).contains("From: [pinger]", "Msg 2/2", "pong, Webby");
            }

            // the plugin was called once, for Webby's message: its own reply called no hook
            WalkingSkeletonEndToEndTest.untilTrue(() -> web.get("/api/v1/admin/plugins/" + pinger + "/stats", sysop)
                    .body().get("calls").asLong() == 1 ? "ok" : "");
            assertThat(web.get("/api/v1/admin/plugins/" + pinger + "/stats", sysop).body().get("faults").asLong()).isZero();
        }
    }

    /** A script answering "!ping" in the thread it was said in. */
    private Path pinger() throws Exception {
        var dir = Files.createDirectories(scripts.resolve("pinger"));
        Files.writeString(dir.resolve("plugin.toml"), """
                name = "pinger"
                version = "1.0.0"
                requires = ">=0.1.0, <1.0.0"
                description = "Answers !ping in board threads"
                author = "Tests"
                license = "MIT"
                engine = "js"
                entry = "main.js"
                hooks = ["on_message_post"]
                [permissions]
                post_message = true
                [limits.deadlines]
                on_message_post = 500
                """);
        Files.writeString(dir.resolve("main.js"), """
                function on_message_post(input) {
                  const message = JSON.parse(input);
                  if (message.place !== 'board' || message.text.indexOf('!ping') < 0) return;
                  const answer = postMessage({ thread: message.thread_id }, 'pong, ' + message.author);
                  if (!answer || answer.error || answer.thread !== message.thread_id) log('warn', JSON.stringify(answer));
                }
                """);
        return dir;
    }
}

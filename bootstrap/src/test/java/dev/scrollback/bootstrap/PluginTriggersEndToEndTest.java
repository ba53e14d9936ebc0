package dev.scrollback.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.application.shared.ControlledClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6 item 3: scripts run on event triggers and cron schedules. A script named in its manifest for
 * {@code ChatRoomCreated} and {@code LoginSucceeded} and for {@code *}{@code /5 * * * *} is called once per such event
 * (with the envelope, never the data) and once per slot of its schedule (on the BBS's clock); a slot is claimed in the
 * log ({@code PluginScheduleFired}), so a restart runs no slot twice and slots missed while down are not made up; what
 * the plugin itself did triggers nothing; the script's storage (its count of chimes) outlives the restart.
 */
class PluginTriggersEndToEndTest {
    final ControlledClock clock = ControlledClock.at("2031-06-01T09:00:30Z");

    @TempDir
    Path data;

    @TempDir
    Path scripts;

    @Test
    void a_script_runs_on_the_events_it_names_and_at_the_times_of_its_schedule_once_each() throws Exception {
        String crier;
        try (var bbs = TestBbs.start(data, clock)) {
            var web = bbs.web();
            var sysop = bbs.sysop();
            bbs.signUp("Amiga", "amiga@example.test");
            var amiga = web.logIn("Amiga", TestBbs.PASSWORD);
            crier = new PluginHooksEndToEndTest.Installer(bbs, amiga, sysop).enable(crier());

            // an event it names: the room's creation (and the plugin answers in the room just opened)
            assertThat(web.post("/api/v1/chat/rooms", Map.of("name", "Lobby", "kind", "public"), sysop).status()).isEqualTo(201);
            var lines = linesAtLeast(web, sysop, 1);
            assertThat(lines.getFirst()).startsWith("ChatRoomCreated on chatroom-").endsWith(" by " + TestBbs.SYSOP);

            // another: a login (the actor's handle, nothing of the event's data)
            web.logIn("Amiga", TestBbs.PASSWORD);
            assertThat(linesAtLeast(web, sysop, 2).get(1)).startsWith("LoginSucceeded on account-").endsWith(" by Amiga");

            // its schedule: nothing before 09:05, then the 09:05 slot once
            clock.advance(Duration.ofMinutes(4));                                   // 09:04:30
            Thread.sleep(600);
            assertThat(lines(web, sysop)).hasSize(2);
            clock.advance(Duration.ofMinutes(1));                                   // 09:05:30
            assertThat(linesAtLeast(web, sysop, 3).get(2)).isEqualTo("Chimes for 2031-06-01T09:05:00Z (1)");
            Thread.sleep(600);
            assertThat(lines(web, sysop)).as("its own lines trigger nothing, the slot ran once").hasSize(3);
        }

        try (var bbs = TestBbs.start(data, clock)) {                                // same time: the slot is not run again
            var web = bbs.web();
            var sysop = bbs.sysop();                                                // a login: the one new line
            assertThat(linesAtLeast(web, sysop, 4).get(3)).startsWith("LoginSucceeded on account-").endsWith(" by " + TestBbs.SYSOP);
            Thread.sleep(800);
            assertThat(lines(web, sysop)).hasSize(4);
            clock.advance(Duration.ofMinutes(20));                                  // 09:25:30: 09:10 to 09:20 are missed
            var again = bbs.sysop();                                                // (the first token has expired)
            var after = linesAtLeast(web, again, 6);
            Thread.sleep(600);
            assertThat(lines(web, again)).hasSize(6);
            assertThat(after.subList(4, 6)).containsExactlyInAnyOrder("Chimes for 2031-06-01T09:25:00Z (2)",
                    after.stream().filter(l -> l.startsWith("LoginSucceeded") && l.endsWith(TestBbs.SYSOP)).toList().getLast());
            var fired = PluginHooksEndToEndTest.ofType(WalkingSkeletonEndToEndTest.readFeed(web, again), "PluginScheduleFired");
            assertThat(fired).extracting(e -> e.at("/data/slot").asText())
                    .containsExactly("2031-06-01T09:05:00Z", "2031-06-01T09:25:00Z");
            assertThat(fired).allSatisfy(e -> {
                assertThat(e.at("/actor/kind").asText()).isEqualTo("system");
                assertThat(e.at("/data/version").asText()).isEqualTo(crier);
                assertThat(e.at("/data/schedule").asText()).isEqualTo("*/5 * * * *");
            });
        }
    }

    /** The texts the plugin said, in log order. */
    private static List<String> lines(Http web, String sysop) throws Exception {
        return PluginHooksEndToEndTest.ofType(WalkingSkeletonEndToEndTest.readFeed(web, sysop), "ChatPluginMessageSent").stream()
                .map(e -> e.at("/data/text/personal").asText()).toList();
    }

    private static List<String> linesAtLeast(Http web, String sysop, int count) throws Exception {
        WalkingSkeletonEndToEndTest.untilTrue(Duration.ofMillis(300), () -> lines(web, sysop).size() >= count ? "ok" : "");
        return lines(web, sysop);
    }

    private Path crier() throws Exception {
        var dir = Files.createDirectories(scripts.resolve("crier"));
        Files.writeString(dir.resolve("plugin.toml"), """
                name = "crier"
                version = "1.0.0"
                requires = ">=0.1.0, <1.0.0"
                description = "Calls out what happens, and the time every five minutes"
                author = "Tests"
                license = "MIT"
                engine = "js"
                entry = "main.js"
                hooks = ["on_event", "on_schedule"]

                [permissions]
                post_message = true
                kv_storage = true

                [triggers]
                events = ["ChatRoomCreated", "LoginSucceeded", "ChatPluginMessageSent"]
                schedules = ["*/5 * * * *"]
                """);
        Files.writeString(dir.resolve("main.js"), """
                function on_event(input) {
                  const event = JSON.parse(input);
                  const by = event.actor.handle ? ' by ' + event.actor.handle : '';
                  postMessage('Lobby', event.type + ' on ' + event.stream + by);
                }
                function on_schedule(input) {
                  const chimes = Number(storage.get('chimes') ?? '0') + 1;
                  storage.set('chimes', chimes);
                  postMessage('Lobby', 'Chimes for ' + JSON.parse(input).slot + ' (' + chimes + ')');
                }
                """);
        return dir;
    }
}

package dev.scrollback.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.application.shared.ControlledClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5 item 1: who's online says what each caller is doing and how long they have been idle — a telnet caller
 * moving through the menus is seen from the web (REST) and from another telnet caller's who's-online screen.
 */
class PresenceActivityEndToEndTest {
    @TempDir
    Path data;

    final ControlledClock clock = ControlledClock.at("2031-06-01T09:00:00Z");

    @Test
    void what_a_telnet_caller_is_doing_and_their_idle_time_show_in_whos_online() throws Exception {
        try (var bbs = TestBbs.start(data, clock)) {
            var sysop = bbs.sysop();
            assertThat(bbs.web().post("/api/v1/boards", Map.of("conference", "General", "name", "Chat",
                    "readers", List.of("member"), "posters", List.of("member")), sysop).status()).isEqualTo(201);
            bbs.signUp("Amiga", "amiga@example.test");
            bbs.signUp("Bbsfan", "bbsfan@example.test");

            var watcher = LiveEventsEndToEndTest.Client.connect(bbs, "?access_token=" + sysop, null, null);
            watcher.until(frame -> frame.path("type").asText().equals("CaughtUp"));
            try (var amiga = TelnetCaller.connect(bbs.telnetPort())) {
                amiga.logIn("Amiga", TestBbs.PASSWORD);
                assertThat(doing(bbs, sysop, "Amiga")).isEqualTo("at the main menu");
                amiga.key('B');
                amiga.expect("Board number, [N] New-scan, [F] Find, [Q] Back: ");
                amiga.line("1");
                amiga.expect("[Q] Back: ");
                assertThat(doing(bbs, sysop, "Amiga")).isEqualTo("reading General / Chat");
                var heartbeat = watcher.until(frame -> frame.path("type").asText().equals("Presence")
                        && frame.path("doing").asText().equals("reading General / Chat"));
                assertThat(heartbeat.path("ephemeral").asBoolean()).isTrue();
                assertThat(heartbeat.path("handle").asText()).isEqualTo("Amiga");
                assertThat(heartbeat.has("position")).isFalse();
                watcher.close();

                clock.set(clock.instant().plus(Duration.ofMinutes(5)));
                var entry = WalkingSkeletonEndToEndTest.untilTrue(() -> entry(bbs, sysop, "Amiga")
                        .filter(e -> e.path("idleSeconds").asLong() >= 300).map(Object::toString).orElse(""));
                assertThat(entry).contains("\"channel\":\"telnet\"");

                try (var bbsfan = TelnetCaller.connect(bbs.telnetPort())) {
                    bbsfan.logIn("Bbsfan", TestBbs.PASSWORD);
                    bbsfan.key('W');
                    var screen = bbsfan.expect("Your choice: ");
                    assertThat(screen).contains("Idle", "Doing").containsPattern("Amiga\\s+telnet\\s+5m\\s+5m\\s+reading General / Chat");
                }
            }
        }
    }

    private static String doing(TestBbs bbs, String sysop, String handle) throws Exception {
        return WalkingSkeletonEndToEndTest.untilTrue(() -> entry(bbs, sysop, handle)
                .map(e -> e.path("doing").asText("")).orElse(""));
    }

    private static java.util.Optional<com.fasterxml.jackson.databind.JsonNode> entry(TestBbs bbs, String sysop, String handle)
            throws Exception {
        for (var online : bbs.web().get("/api/v1/presence", sysop).body().get("online")) {
            if (online.path("handle").asText().equals(handle)) return java.util.Optional.of(online);
        }
        return java.util.Optional.empty();
    }
}

package dev.scrollback.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.web.WebServer;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server process is killed with SIGKILL while a caller is logged in; the next start ends that session with reason
 * {@code restart} before it serves anyone, so who's online shows no ghost and a rebuilt projection agrees with it.
 */
class CrashRecoveryTest {

    @TempDir
    Path data;

    @Test
    void sessions_left_open_by_a_killed_server_end_with_reason_restart_at_the_next_start() throws Exception {
        var process = ChildServer.start(Map.of("SCROLLBACK_DATA_DIR", data.toString(), "SCROLLBACK_TELNET_PORT", "0",
                "SCROLLBACK_HTTP_PORT", "0", "SCROLLBACK_TELNET_HOST", "127.0.0.1", "SCROLLBACK_HTTP_HOST", "127.0.0.1",
                "SCROLLBACK_SYSOP_HANDLE", WalkingSkeletonEndToEndTest.SYSOP,
                "SCROLLBACK_SYSOP_PASSWORD", WalkingSkeletonEndToEndTest.SYSOP_PASSWORD));
        try {
            int httpPort = ChildServer.httpPortOnceReady(process, "the server");
            var web = new Http(httpPort);
            var token = web.logIn(WalkingSkeletonEndToEndTest.SYSOP, WalkingSkeletonEndToEndTest.SYSOP_PASSWORD);
            WalkingSkeletonEndToEndTest.untilTrue(() ->         // the projection follows the log a moment later
                    web.get("/api/v1/presence", token).body().get("online").size() == 1 ? "online" : "");
        } finally {
            process.destroyForcibly();                       // SIGKILL: no shutdown hook, no SessionEnded
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        try (var app = WalkingSkeletonEndToEndTest.start(data)) {
            var web = new Http(app.getBean(WebServer.class).port());
            var token = web.logIn(WalkingSkeletonEndToEndTest.SYSOP, WalkingSkeletonEndToEndTest.SYSOP_PASSWORD);
            var feed = WalkingSkeletonEndToEndTest.readFeed(web, token);
            var restarted = feed.stream().filter(e -> e.get("type").asText().equals("SessionEnded")).toList();
            assertThat(restarted).as("the log after the restart: %s", feed.stream().map(e -> e.get("type").asText()).toList())
                    .hasSize(1);
            assertThat(restarted.getFirst().get("data").get("reason").asText()).isEqualTo("restart");
            assertThat(restarted.getFirst().get("actor").get("kind").asText()).isEqualTo("system");
            var online = WalkingSkeletonEndToEndTest.untilTrue(() -> {      // only the session just opened
                var now = web.get("/api/v1/presence", token).body().get("online");
                return now.size() == 1 ? now.toString() : "";
            });
            assertThat(online).contains(WalkingSkeletonEndToEndTest.SYSOP);
        }
    }
}

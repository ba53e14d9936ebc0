package dev.scrollback.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.web.WebServer;
import dev.scrollback.application.shared.ControlledClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real application runs on a clock the test moves: events carry its time, and web sessions idle out on it. */
class ControlledClockTest {
    @TempDir
    Path data;

    @Test
    void the_application_runs_on_the_clock_it_is_given() throws Exception {
        var clock = ControlledClock.at("2031-05-01T12:00:00Z");
        try (var app = ScrollbackApplication.serve(Map.of(
                "SCROLLBACK_DATA_DIR", data.toString(), "SCROLLBACK_TELNET_PORT", "0", "SCROLLBACK_HTTP_PORT", "0",
                "SCROLLBACK_TELNET_HOST", "127.0.0.1", "SCROLLBACK_HTTP_HOST", "127.0.0.1",
                "SCROLLBACK_SYSOP_HANDLE", WalkingSkeletonEndToEndTest.SYSOP,
                "SCROLLBACK_SYSOP_PASSWORD", WalkingSkeletonEndToEndTest.SYSOP_PASSWORD), clock)) {
            var web = new Http(app.getBean(WebServer.class).port());
            var token = web.logIn(WalkingSkeletonEndToEndTest.SYSOP, WalkingSkeletonEndToEndTest.SYSOP_PASSWORD);
            var feed = WalkingSkeletonEndToEndTest.readFeed(web, token);
            assertThat(feed).allSatisfy(e -> assertThat(e.get("occurredAt").asText()).startsWith("2031-05-01T12:00"));

            WalkingSkeletonEndToEndTest.untilTrue(() ->
                    web.get("/api/v1/presence", token).body().get("online").size() == 1 ? "online" : "");
            clock.advance(Duration.ofMinutes(31));                      // past the 30-minute web idle limit
            assertThat(app.getBean(dev.scrollback.application.presence.ExpireIdleSessions.class).run()).isEqualTo(1);
            assertThat(web.get("/api/v1/me", token).status()).isEqualTo(401);
        }
    }
}

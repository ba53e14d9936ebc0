package dev.scrollback.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrollback.adapters.telnet.TelnetServer;
import dev.scrollback.adapters.web.WebServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 3, item 5 (part): a caller lists their telnet and web sessions and ends the telnet one from the web. */
class MySessionsEndToEndTest {
    static final String SYSOP = WalkingSkeletonEndToEndTest.SYSOP;
    static final String PASSWORD = WalkingSkeletonEndToEndTest.SYSOP_PASSWORD;

    @TempDir
    Path data;

    @Test
    void a_caller_ends_their_telnet_session_from_the_web_and_the_telnet_caller_is_told() throws Exception {
        try (var app = WalkingSkeletonEndToEndTest.start(data)) {
            var web = new Http(app.getBean(WebServer.class).port());
            try (var telnet = TelnetCaller.connect(app.getBean(TelnetServer.class).port())) {
                telnet.logIn(SYSOP, PASSWORD);
                var token = web.logIn(SYSOP, PASSWORD);

                var sessions = WalkingSkeletonEndToEndTest.untilTrue(() -> {
                    var listed = web.get("/api/v1/me/sessions", token).body().get("sessions");
                    return listed.size() == 2 ? listed.toString() : "";
                });
                assertThat(sessions).contains("\"channel\":\"telnet\"").contains("\"channel\":\"web\"")
                        .contains("\"address\":\"127.0.0.1\"");
                var listed = web.get("/api/v1/me/sessions", token).body().get("sessions");
                var telnetSession = find(listed, "telnet");
                assertThat(find(listed, "web").get("current").asBoolean()).isTrue();
                assertThat(telnetSession.get("current").asBoolean()).isFalse();

                assertThat(web.delete("/api/v1/me/sessions/" + telnetSession.get("id").asText(), token).status()).isEqualTo(204);
                telnet.expect("ended from another of your sessions");
                assertThat(telnet.hungUp()).isTrue();

                assertThat(web.delete("/api/v1/me/sessions/" + telnetSession.get("id").asText(), token).status())
                        .as("an ended session is no longer there").isEqualTo(404);
                assertThat(web.delete("/api/v1/me/sessions/not-a-session", token).status()).isEqualTo(400);
                var ended = WalkingSkeletonEndToEndTest.readFeed(web, token).stream()
                        .filter(e -> e.get("type").asText().equals("SessionEnded")).toList();
                assertThat(ended).hasSize(1);
                assertThat(ended.getFirst().get("data").get("reason").asText()).isEqualTo("revoked");
                assertThat(ended.getFirst().get("actor").get("handle").asText()).isEqualTo(SYSOP);
            }
        }
    }

    @Test
    void nobody_ends_or_sees_someone_elses_session() throws Exception {
        try (var app = WalkingSkeletonEndToEndTest.start(data)) {
            var web = new Http(app.getBean(WebServer.class).port());
            var sysop = web.logIn(SYSOP, PASSWORD);
            var sysopSession = WalkingSkeletonEndToEndTest.untilTrue(() -> {
                var listed = web.get("/api/v1/me/sessions", sysop).body().get("sessions");
                return listed.size() == 1 ? listed.get(0).get("id").asText() : "";
            });
            assertThat(web.post("/api/v1/accounts", Map.of("handle", "Mallory", "email", "mallory@example.test",
                    "password", "a completely different phrase")).status()).isEqualTo(201);
            web.post("/api/v1/accounts/verify", Map.of("handle", "Mallory", "code", Outbox.codeFor(data, "mallory@example.test")));
            var mallory = web.logIn("Mallory", "a completely different phrase");
            var own = WalkingSkeletonEndToEndTest.untilTrue(() -> {
                var listed = web.get("/api/v1/me/sessions", mallory).body().get("sessions");
                return listed.size() == 1 ? listed.toString() : "";
            });
            assertThat(own).doesNotContain(sysopSession);
            assertThat(web.delete("/api/v1/me/sessions/" + sysopSession, mallory).status()).isEqualTo(404);
            assertThat(web.get("/api/v1/me", sysop).status()).as("the sysop is still logged in").isEqualTo(200);
        }
    }

    @Test
    void a_sysop_ends_a_callers_telnet_session_with_a_message_they_are_shown() throws Exception {
        try (var app = WalkingSkeletonEndToEndTest.start(data)) {
            var web = new Http(app.getBean(WebServer.class).port());
            assertThat(web.post("/api/v1/accounts", Map.of("handle", "Telly", "email", "telly@example.test",
                    "password", "a completely different phrase")).status()).isEqualTo(201);
            web.post("/api/v1/accounts/verify", Map.of("handle", "Telly", "code", Outbox.codeFor(data, "telly@example.test")));
            try (var telnet = TelnetCaller.connect(app.getBean(TelnetServer.class).port())) {
                telnet.logIn("Telly", "a completely different phrase");

                var telly = web.logIn("Telly", "a completely different phrase");
                assertThat(web.get("/api/v1/admin/users/Telly/sessions", telly).status()).as("sysops only").isEqualTo(403);
                var sysop = web.logIn(SYSOP, PASSWORD);
                var id = WalkingSkeletonEndToEndTest.untilTrue(() -> {
                    var listed = web.get("/api/v1/admin/users/Telly/sessions", sysop).body().get("sessions");
                    for (var s : listed) if (s.get("channel").asText().equals("telnet")) return s.get("id").asText();
                    return "";
                });
                assertThat(web.post("/api/v1/admin/users/Telly/sessions/" + id + "/end",
                        Map.of("message", "Maintenance in five minutes."), telly).status()).isEqualTo(403);
                assertThat(web.post("/api/v1/admin/users/Telly/sessions/" + id + "/end",
                        Map.of("message", "Maintenance in five minutes."), sysop).status()).isEqualTo(204);
                telnet.expect("A sysop ended your session: Maintenance in five minutes.");
                assertThat(telnet.hungUp()).isTrue();
                assertThat(web.post("/api/v1/admin/users/Nobody/sessions/" + id + "/end", Map.of(), sysop).status())
                        .isEqualTo(404);

                var kicked = WalkingSkeletonEndToEndTest.readFeed(web, sysop).stream()
                        .filter(e -> e.get("type").asText().equals("SessionEnded")).toList();
                assertThat(kicked).hasSize(1);
                assertThat(kicked.getFirst().get("data").get("reason").asText()).isEqualTo("kicked");
                assertThat(kicked.getFirst().get("actor").get("handle").asText()).isEqualTo(SYSOP);
            }
        }
    }

    private static JsonNode find(JsonNode sessions, String channel) {
        for (var s : sessions) if (s.get("channel").asText().equals(channel)) return s;
        throw new AssertionError("no " + channel + " session in " + sessions);
    }
}

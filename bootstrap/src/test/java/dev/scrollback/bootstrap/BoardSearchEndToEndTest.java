package dev.scrollback.bootstrap;

import static dev.scrollback.bootstrap.PasswordResetEndToEndTest.slug;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrollback.application.shared.ControlledClock;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 4, item 1 (search): full text over subjects and bodies, only on boards the caller may read, edits and deletions followed. */
class BoardSearchEndToEndTest {
    @TempDir
    Path data;

    final ControlledClock clock = ControlledClock.at("2031-05-01T12:00:00Z");

    @Test
    void search_finds_what_a_caller_may_read_follows_edits_and_deletions_and_refuses_nonsense_clearly() throws Exception {
        try (var bbs = TestBbs.start(data, clock)) {
            var web = bbs.web();
            bbs.signUp("Amiga", "amiga@example.test");
            var sysop = bbs.sysop();
            var open = web.post("/api/v1/boards", Map.of("conference", "General", "name", "Chat",
                    "readers", List.of("member"), "posters", List.of("member")), sysop).body().get("id").asText();
            var staff = web.post("/api/v1/boards", Map.of("conference", "Staff", "name", "Backroom",
                    "readers", List.of("moderator"), "posters", List.of("moderator")), sysop).body().get("id").asText();
            var amiga = web.logIn("Amiga", TestBbs.PASSWORD);
            var thread = web.post("/api/v1/boards/" + open + "/threads", Map.of("subject", "Modems of old",
                    "body", "The US Robotics Courier was the fastest thing on the line."), amiga).body();
            web.post("/api/v1/boards/" + staff + "/threads", Map.of("subject", "Modems budget",
                    "body", "Secret courier spending."), sysop);
            var threadId = thread.get("threadId").asText();
            var messageId = thread.get("messageId").asText();

            var found = WalkingSkeletonEndToEndTest.untilTrue(() -> {
                var hits = results(web.get("/api/v1/search?q=courier", amiga).body());
                return hits.isEmpty() ? "" : hits.toString();
            });
            var hits = results(web.get("/api/v1/search?q=" + enc("courier"), amiga).body());
            assertThat(hits).as(found).singleElement().satisfies(hit -> {
                assertThat(hit.get("subject").asText()).isEqualTo("Modems of old");
                assertThat(hit.get("board").get("name").asText()).isEqualTo("Chat");
                assertThat(hit.get("thread").asText()).isEqualTo(threadId);
                assertThat(hit.get("author").asText()).isEqualTo("Amiga");
                assertThat(hit.get("snippet").asText()).contains("Courier");
            });
            assertThat(results(web.get("/api/v1/search?q=" + enc("courier"), sysop).body())).as("a sysop reads every board").hasSize(2);
            assertThat(results(web.get("/api/v1/search?q=" + enc("\"fastest thing\""), amiga).body())).hasSize(1);
            assertThat(results(web.get("/api/v1/search?q=" + enc("courier -robotics"), amiga).body())).isEmpty();

            web.send(web.request("/api/v1/threads/" + threadId + "/messages/" + messageId, amiga)
                    .header("Content-Type", "application/json")
                    .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"body\":\"A Telebit TrailBlazer, actually.\"}")));
            WalkingSkeletonEndToEndTest.untilTrue(() -> results(web.get("/api/v1/search?q=trailblazer", amiga).body()).isEmpty() ? "" : "y");
            assertThat(results(web.get("/api/v1/search?q=courier", amiga).body())).as("the old text is gone").isEmpty();

            try (var telnet = TelnetCaller.connect(bbs.telnetPort())) {       // the same search on telnet
                telnet.logIn("Amiga", TestBbs.PASSWORD);
                telnet.key('B');
                telnet.expect("Board number, [N] New-scan, [F] Find, [Q] Back: ");
                telnet.line("F");
                telnet.expect("empty: back): ");
                telnet.line("trailblazer");
                assertThat(telnet.expect("Result number, [Q] Back: ")).contains("1 message found", "Chat / Modems of old",
                        "A Telebit TrailBlazer");
                telnet.line("1");
                assertThat(telnet.expect("Reader: ")).contains("Subject: Modems of old", "From: Amiga", "found 1/1");
            }

            for (var hostile : List.of("", "x".repeat(201), "%00", "(((", "\"")) {
                var answer = web.get("/api/v1/search?q=" + (hostile.equals("%00") ? hostile : enc(hostile)), amiga);
                assertThat(answer.status()).as(hostile).isIn(200, 400);
                if (answer.status() == 400) assertThat(slug(answer)).isEqualTo("validation-failed");
            }
            assertThat(web.get("/api/v1/search?q=a&limit=0", amiga).status()).isEqualTo(400);
            assertThat(web.get("/api/v1/search?q=a&limit=101", amiga).status()).isEqualTo(400);
            assertThat(web.get("/api/v1/search?q=a").status()).isEqualTo(401);
        }
    }

    static List<JsonNode> results(JsonNode body) {
        var all = new ArrayList<JsonNode>();
        body.get("results").forEach(all::add);
        return all;
    }

    static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}

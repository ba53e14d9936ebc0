package dev.scrollback.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrollback.application.shared.ControlledClock;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7, item 3, through the running server: a member posts, edits, is granted a role and locked; a thread is
 * replied to, moderated and locked; a second thread follows. An auditor asks for the account, the board and the
 * thread as they were at times and positions in between, sees each as it was then, and sees as of the head exactly
 * what the live read models show. A member is refused; bad points are 400 problems, unknown ids 404.
 */
class HistoryEndToEndTest {
    @TempDir
    Path data;

    final ControlledClock clock = ControlledClock.at("2031-05-01T12:00:00Z");
    static final Instant T0 = Instant.parse("2031-05-01T12:00:00Z");

    @Test
    void an_auditor_sees_an_account_a_board_and_a_thread_as_they_were_and_as_of_the_head_as_they_are() throws Exception {
        try (var bbs = TestBbs.start(data, clock)) {
            var web = bbs.web();
            bbs.signUp("Amiga", "amiga@example.test");
            bbs.signUp("Ledger", "ledger@example.test");
            var sysop = bbs.sysop();
            assertThat(web.post("/api/v1/admin/users/ledger/roles/auditor", Map.of(), sysop).status()).isEqualTo(200);
            var ledger = web.logIn("Ledger", TestBbs.PASSWORD);
            var amiga = web.logIn("Amiga", TestBbs.PASSWORD);
            var board = web.post("/api/v1/boards", Map.of("conference", "Main", "name", "General",
                    "readers", List.of("member"), "posters", List.of("member")), sysop).body().get("id").asText();

            clock.set(T0.plusSeconds(60));
            var hello = web.post("/api/v1/boards/" + board + "/threads", Map.of("subject", "Hello", "body", "first words"), amiga);
            assertThat(hello.status()).isEqualTo(201);
            var thread = hello.body().get("threadId").asText();
            var first = hello.body().get("messageId").asText();
            clock.set(T0.plusSeconds(90));
            var reply = web.post("/api/v1/threads/" + thread + "/messages", Map.of("body", "a reply"), ledger)
                    .body().get("messageId").asText();
            clock.set(T0.plusSeconds(180));
            assertThat(patch(web, "/api/v1/threads/" + thread + "/messages/" + first, "better words", amiga).status()).isEqualTo(204);
            clock.set(T0.plusSeconds(240));
            assertThat(web.post("/api/v1/admin/users/amiga/roles/moderator", Map.of(), sysop).status()).isEqualTo(200);
            assertThat(web.get("/api/v1/history/accounts/amiga?at=2031-05-01T12:04:00Z", amiga).status())
                    .as("a moderator is no auditor").isEqualTo(403);
            clock.set(T0.plusSeconds(300));
            assertThat(web.delete("/api/v1/threads/" + thread + "/messages/" + reply + "?reason=off%20topic", sysop).status())
                    .isEqualTo(204);
            assertThat(web.post("/api/v1/threads/" + thread + "/lock", Map.of("reason", "settled"), sysop).status()).isEqualTo(200);
            clock.set(T0.plusSeconds(360));
            assertThat(web.post("/api/v1/admin/users/amiga/lock", Map.of("note", "cooling off"), sysop).status()).isEqualTo(200);
            clock.set(T0.plusSeconds(420));
            assertThat(web.post("/api/v1/boards/" + board + "/threads", Map.of("subject", "Later", "body", "news"), ledger)
                    .status()).isEqualTo(201);

            // the account before and after the role grant, at the lock's own time, and before it existed
            var beforeGrant = ok(web, "/api/v1/history/accounts/amiga?at=2031-05-01T12:03:30Z", ledger);
            assertThat(beforeGrant.get("existed").asBoolean()).isTrue();
            assertThat(beforeGrant.get("account").get("roles")).isEmpty();
            assertThat(beforeGrant.get("account").get("email").asText()).isEqualTo("amiga@example.test");
            assertThat(beforeGrant.get("asOf").get("at").asText()).isEqualTo("2031-05-01T12:03:30Z");
            var afterGrant = ok(web, "/api/v1/history/accounts/amiga?at=2031-05-01T12:04:00Z", ledger);
            assertThat(texts(afterGrant.get("account").get("roles"))).containsExactly("moderator");
            assertThat(afterGrant.get("account").get("locked").asBoolean()).isFalse();
            assertThat(afterGrant.get("lastEvent").get("type").asText()).isEqualTo("RoleGranted");
            var atLock = ok(web, "/api/v1/history/accounts/amiga?at=2031-05-01T12:06:00Z", ledger);
            assertThat(atLock.get("account").get("locked").asBoolean()).isTrue();
            assertThat(atLock.get("account").get("lock").get("note").asText()).isEqualTo("cooling off");
            var grantPosition = afterGrant.get("lastEvent").get("position").asLong();
            var byPosition = ok(web, "/api/v1/history/accounts/" + afterGrant.get("account").get("id").asText()
                    + "?position=" + grantPosition, ledger);
            assertThat(byPosition.get("account")).isEqualTo(afterGrant.get("account"));
            assertThat(byPosition.get("asOf").get("position").asLong()).isEqualTo(grantPosition);
            assertThat(texts(ok(web, "/api/v1/history/accounts/amiga?position=" + (grantPosition - 1), ledger)
                    .get("account").get("roles"))).isEmpty();
            var before = ok(web, "/api/v1/history/accounts/amiga?at=2031-05-01T11:59:59Z", ledger);
            assertThat(before.get("existed").asBoolean()).isFalse();
            assertThat(before.get("account").isNull()).isTrue();
            assertThat(before.get("firstEvent").get("type").asText()).isEqualTo("AccountRegistered");

            // as of the head, the account is what the sysop's live view shows, and no secret is in the answer
            long head = afterGrant.get("head").asLong();
            var asOfHead = web.get("/api/v1/history/accounts/amiga?position=" + head, ledger);
            assertThat(asOfHead.body().toString()).doesNotContain("argon2").doesNotContain("passwordHash");
            var live = web.get("/api/v1/admin/users/amiga", sysop).body();
            var then = asOfHead.body().get("account");
            assertThat(then.get("effectiveRoles")).isEqualTo(live.get("roles"));
            assertThat(then.get("locked")).isEqualTo(live.get("locked"));
            assertThat(then.get("email")).isEqualTo(live.get("email"));
            assertThat(then.get("emailVerified")).isEqualTo(live.get("emailVerified"));
            assertThat(then.get("latestLogin").get("at")).isEqualTo(live.get("lastLoginAt"));

            // the thread before the edit, after it, and as of the head against the live thread
            var unedited = ok(web, "/api/v1/history/threads/" + thread + "?at=2031-05-01T12:02:00Z", ledger).get("thread");
            assertThat(bodies(unedited)).containsExactly("first words", "a reply");
            assertThat(unedited.get("locked").asBoolean()).isFalse();
            var edited = ok(web, "/api/v1/history/threads/" + thread + "?at=2031-05-01T12:03:00Z", ledger).get("thread");
            assertThat(bodies(edited)).containsExactly("better words", "a reply");
            assertThat(edited.get("messages").get(0).get("edits").asInt()).isEqualTo(1);
            var moderated = ok(web, "/api/v1/history/threads/" + thread + "?at=2031-05-01T12:07:00Z", ledger).get("thread");
            var deleted = moderated.get("messages").get(1);
            assertThat(deleted.get("body").isNull()).isTrue();
            assertThat(deleted.get("deletion").get("reason").asText()).isEqualTo("off topic");
            assertThat(deleted.get("deletion").get("by").get("handle").asText()).isEqualToIgnoringCase(TestBbs.SYSOP);
            assertThat(moderated.get("lock").get("reason").asText()).isEqualTo("settled");
            var liveThread = web.get("/api/v1/threads/" + thread, sysop).body();
            assertThat(moderated.get("locked")).isEqualTo(liveThread.get("thread").get("locked"));
            for (int i = 0; i < 2; i++) {
                var past = moderated.get("messages").get(i);
                var now = liveThread.get("messages").get(i);
                assertThat(past.get("id")).isEqualTo(now.get("id"));
                assertThat(past.get("body")).isEqualTo(now.get("body"));
                assertThat(past.get("author")).isEqualTo(now.get("author"));
                assertThat(past.get("deletion").isNull() ? now.get("deletedBecause").isNull()
                        : past.get("deletion").get("reason").equals(now.get("deletedBecause"))).isTrue();
            }

            // the board before its first thread, between the two threads, and as of the head against the live list
            assertThat(ok(web, "/api/v1/history/boards/" + board + "?at=2031-05-01T12:00:30Z", ledger).get("board")
                    .get("threads")).isEmpty();
            var between = ok(web, "/api/v1/history/boards/" + board + "?at=2031-05-01T12:06:00Z", ledger).get("board");
            assertThat(between.get("threadCount").asInt()).isEqualTo(1);
            var hello6 = between.get("threads").get(0);
            assertThat(hello6.get("subject").asText()).isEqualTo("Hello");
            assertThat(hello6.get("messages").asInt()).isEqualTo(2);
            assertThat(hello6.get("deleted").asInt()).isEqualTo(1);
            assertThat(hello6.get("locked").asBoolean()).isTrue();
            var nowBoard = ok(web, "/api/v1/history/boards/" + board + "?at=2031-05-01T12:07:00Z", ledger).get("board");
            WalkingSkeletonEndToEndTest.untilTrue(() ->
                    web.get("/api/v1/boards/" + board + "/threads", sysop).body().get("total").asInt() == 2 ? "both" : "");
            var liveThreads = web.get("/api/v1/boards/" + board + "/threads", sysop).body().get("threads");
            assertThat(nowBoard.get("threads")).hasSize(2);
            for (var past : nowBoard.get("threads")) {
                var now = StreamSupport.stream(liveThreads.spliterator(), false)
                        .filter(t -> t.get("id").equals(past.get("id"))).findFirst().orElseThrow();
                for (var field : List.of("subject", "startedBy", "startedAt", "lastPostAt", "messages", "locked")) {
                    assertThat(past.get(field)).as(field).isEqualTo(now.get(field));
                }
            }

            // refused and unknown
            assertThat(problem(web, "/api/v1/history/accounts/amiga", ledger, 400)).contains("at=");
            assertThat(problem(web, "/api/v1/history/accounts/amiga?at=2031-05-01T12:00:00Z&position=3", ledger, 400)).contains("not both");
            assertThat(problem(web, "/api/v1/history/accounts/amiga?at=yesterday", ledger, 400)).contains("ISO-8601");
            assertThat(problem(web, "/api/v1/history/accounts/amiga?at=2031-05-02T00:00:00Z", ledger, 400)).contains("future");
            assertThat(problem(web, "/api/v1/history/accounts/amiga?position=99999999", ledger, 400)).contains("head");
            assertThat(problem(web, "/api/v1/history/accounts/amiga?position=1&position=2", ledger, 400)).contains("more than once");
            assertThat(problem(web, "/api/v1/history/boards/" + board + "?position=1&limit=0", ledger, 400)).contains("limit");
            assertThat(problem(web, "/api/v1/history/boards/not-a-board?position=1", ledger, 400)).contains("board");
            assertThat(problem(web, "/api/v1/history/accounts/nobody?position=1", ledger, 404)).contains("no such account");
            assertThat(problem(web, "/api/v1/history/boards/" + java.util.UUID.randomUUID() + "?position=1", ledger, 404))
                    .contains("no such board");
            assertThat(problem(web, "/api/v1/history/threads/" + java.util.UUID.randomUUID() + "?position=1", ledger, 404))
                    .contains("no such thread");
            assertThat(web.get("/api/v1/history/accounts/amiga?position=1").status()).isEqualTo(401);
        }
    }

    private static Http.Answer patch(Http web, String path, String body, String token) throws Exception {
        return web.send(web.request(path, token).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"body\":\"" + body + "\"}")));
    }

    private static JsonNode ok(Http web, String path, String token) throws Exception {
        var answer = web.get(path, token);
        assertThat(answer.status()).as(path + " " + answer.body()).isEqualTo(200);
        return answer.body();
    }

    /** The problem's detail, after checking its status and media type. */
    private static String problem(Http web, String path, String token, int status) throws Exception {
        var answer = web.get(path, token);
        assertThat(answer.status()).as(path + " " + answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        return answer.body().get("detail").asText();
    }

    private static List<String> texts(JsonNode array) {
        var all = new ArrayList<String>();
        array.forEach(n -> all.add(n.asText()));
        return all;
    }

    private static List<String> bodies(JsonNode thread) {
        var all = new ArrayList<String>();
        thread.get("messages").forEach(m -> all.add(m.get("body").asText()));
        return all;
    }
}

package dev.scrollback.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrollback.adapters.telnet.TelnetServer;
import dev.scrollback.adapters.web.WebServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4, item 2: private mail across channels. One member writes over REST, the other reads and replies on telnet,
 * the first reads the reply over REST; read receipts, delete-for-me on one side only, strangers see nothing, and
 * hostile requests are refused with a 4xx.
 */
class PrivateMailEndToEndTest {
    static final String PASSWORD = "a completely different phrase";

    @TempDir
    Path data;

    @Test
    void two_members_exchange_mail_over_rest_and_telnet_with_receipts_and_deletion_for_one_side() throws Exception {
        try (var app = WalkingSkeletonEndToEndTest.start(data)) {
            var web = new Http(app.getBean(WebServer.class).port());
            var annie = member(web, "Annie");
            var benny = member(web, "Benny");
            var mallory = member(web, "Mallory");

            var sent = web.post("/api/v1/mail", Map.of("to", "benny", "subject", "Lunch?",
                    "body", "Noon?\r\nAt the usual place."), annie);
            assertThat(sent.status()).as(sent.body().toString()).isEqualTo(201);
            var original = sent.body().get("id").asText();
            assertThat(sent.body().get("to").asText()).isEqualTo("Benny");

            String reply;
            try (var telnet = TelnetCaller.connect(app.getBean(TelnetServer.class).port())) {
                telnet.expect("Handle: ");
                telnet.line("Benny");
                telnet.expect("Password: ");
                telnet.line(PASSWORD);
                telnet.expect("[M] Mail (1 unread)");
                telnet.expect("Your choice: ");
                telnet.key('M');
                telnet.expect("Mail: 1 unread");
                telnet.key('I');
                var listing = telnet.expect("Number to read");
                assertThat(listing).containsPattern("1 \\*  Annie\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d  Lunch\\?");
                telnet.line("1");
                telnet.expect("From:    Annie");
                telnet.expect("Noon?\r\nAt the usual place.");
                telnet.expect("[Q] Quit");

                var annieSent = web.get("/api/v1/mail/sent", annie).body().get("messages");
                assertThat(annieSent.get(0).get("read").asBoolean()).as("the read receipt").isTrue();

                telnet.key('R');
                telnet.expect("Reply to Annie, subject: Re: Lunch?");
                assertThat(telnet.expect("^Z save")).contains("Full-screen editor", "> Noon?", "> At the usual place.")
                        .doesNotContain("Type your message a line at a time");
                telnet.type("Sure, see you there.\u001a");                // Ctrl-Z sends
                telnet.expect("Sent to Annie.");
                telnet.expect("[Q] Quit");
                telnet.key('Q');
                telnet.expect("Number to read");
                telnet.line("q");
                telnet.expect("Mail: 0 unread");
                telnet.key('Q');
                telnet.expect("[M] Mail\r\n");
                telnet.expect("Your choice: ");
                telnet.key('G');

                var inbox = web.get("/api/v1/mail/inbox", annie);
                assertThat(inbox.body().get("unread").asInt()).isEqualTo(1);
                var listed = inbox.body().get("messages").get(0);
                assertThat(listed.get("from").asText()).isEqualTo("Benny");
                assertThat(listed.get("subject").asText()).isEqualTo("Re: Lunch?");
                assertThat(listed.get("read").asBoolean()).isFalse();
                reply = listed.get("id").asText();
            }

            var opened = web.get("/api/v1/mail/" + reply, annie);
            assertThat(opened.status()).isEqualTo(200);
            assertThat(opened.body().get("body").asText()).isEqualTo("> Noon?\n> At the usual place.\nSure, see you there.");
            assertThat(opened.body().get("inReplyTo").asText()).isEqualTo(original);
            assertThat(web.get("/api/v1/mail/inbox", annie).body().get("unread").asInt()).isZero();

            // Delete for me: gone from Annie's sent mail, still in Benny's inbox.
            assertThat(web.delete("/api/v1/mail/" + original, annie).status()).isEqualTo(204);
            assertThat(web.delete("/api/v1/mail/" + original, annie).status()).as("again: nothing more to do").isEqualTo(204);
            assertThat(web.get("/api/v1/mail/sent", annie).body().get("messages").toString()).doesNotContain(original);
            assertThat(web.get("/api/v1/mail/" + original, annie).status()).isEqualTo(404);
            assertThat(web.get("/api/v1/mail/inbox", benny).body().get("messages").toString()).contains(original);
            assertThat(web.get("/api/v1/mail/" + original, benny).body().get("subject").asText()).isEqualTo("Lunch?");

            // A third member learns nothing.
            for (var id : List.of(original, reply)) {
                assertThat(web.get("/api/v1/mail/" + id, mallory).status()).isEqualTo(404);
                assertThat(web.delete("/api/v1/mail/" + id, mallory).status()).isEqualTo(404);
            }
            assertThat(web.get("/api/v1/mail/inbox", mallory).body().get("messages")).isEmpty();
            assertThat(web.post("/api/v1/mail", Map.of("inReplyTo", original, "body", "Hi"), mallory).status()).isEqualTo(422);
            assertThat(web.get("/api/v1/mail/inbox?cursor=" + original, mallory).status()).isEqualTo(400);

            // Every mail event carries who and where.
            var sysop = web.logIn(WalkingSkeletonEndToEndTest.SYSOP, WalkingSkeletonEndToEndTest.SYSOP_PASSWORD);
            var feed = WalkingSkeletonEndToEndTest.readFeed(web, sysop);
            var mail = feed.stream().filter(e -> e.get("type").asText().startsWith("PrivateMessage")).toList();
            assertThat(mail).extracting(e -> e.get("type").asText())
                    .containsExactly("PrivateMessageSent", "PrivateMessageRead", "PrivateMessageSent", "PrivateMessageRead",
                            "PrivateMessageDeleted");
            assertThat(mail).allSatisfy(e -> {
                assertThat(e.get("stream").asText()).startsWith("mail-");
                assertThat(e.get("actor").get("kind").asText()).isEqualTo("user");
                assertThat(e.get("origin").get("address").toString()).contains("127.0.0.1");
            });
            assertActedBy(mail.get(0), "Annie", "web");
            assertActedBy(mail.get(1), "Benny", "telnet");
            assertActedBy(mail.get(2), "Benny", "telnet");
            assertActedBy(mail.get(3), "Annie", "web");
            assertActedBy(mail.get(4), "Annie", "web");
            assertThat(mail.get(4).get("data").get("side").asText()).isEqualTo("sender");
        }
    }

    @Test
    void hostile_mail_requests_get_a_4xx_and_never_a_500() throws Exception {
        try (var app = WalkingSkeletonEndToEndTest.start(data)) {
            int port = app.getBean(WebServer.class).port();
            var web = new Http(port);
            var annie = member(web, "Annie");
            member(web, "Benny");
            var unverified = web.post("/api/v1/accounts", Map.of("handle", "Newbie", "email", "newbie@example.test",
                    "password", PASSWORD));
            assertThat(unverified.status()).isEqualTo(201);

            var bodies = List.of(
                    "{\"to\": \"Benny\", \"subject\": \"Hi\", \"body\": \"\\u001b[2J\\u001b[31mgotcha\"}",
                    "{\"to\": \"Benny\", \"subject\": \"Hi\", \"body\": \"nul\\u0000byte\"}",
                    "{\"to\": \"Benny\", \"subject\": \"Hi\", \"body\": \"bidi \\u202e trick\"}",
                    "{\"to\": \"Benny\", \"subject\": \"two\\nlines\", \"body\": \"x\"}",
                    "{\"to\": \"Benny\", \"subject\": \"" + "s".repeat(121) + "\", \"body\": \"x\"}",
                    "{\"to\": \"Benny\", \"subject\": \"Hi\", \"body\": \"" + "a".repeat(20_001) + "\"}",
                    "{\"to\": \"Benny\", \"subject\": \"Hi\", \"body\": \"" + "\\r\\n".repeat(1_500) + "x\"}",
                    "{\"to\": \"Benny\", \"subject\": \"Hi\", \"body\": \"" + "a\\n".repeat(1_000) + "a\"}",
                    "{\"to\": \"Benny\", \"subject\": \"Hi\", \"body\": \"" + "a".repeat(70_000) + "\"}",
                    "{\"to\": \"Benny\", \"subject\": \"Hi\", \"body\": {\"nested\": [[[[[[[[[[[[]]]]]]]]]]]]}}",
                    "{\"to\": \"Benny\", \"subject\": \"Hi\", \"body\": \"x\", \"inReplyTo\": \"'; DROP TABLE events; --\"}",
                    "{\"to\": \"Nobody\", \"subject\": \"Hi\", \"body\": \"x\"}",
                    "{\"to\": \"Newbie\", \"subject\": \"Hi\", \"body\": \"x\"}",
                    "{\"to\": \"annie\", \"subject\": \"Hi\", \"body\": \"x\"}",
                    "{\"to\": \"Benny\", \"subject\": \"Hi\", \"body\": \"x\"",
                    "{\"to\": \"Benny\" \"subject\": \"Hi\"}",
                    "[\"Benny\"]",
                    "\"just a string\"",
                    "null",
                    "",
                    "\u0000\u0001\u0002");
            var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            for (var body : bodies) {
                var answer = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/mail"))
                        .header("Authorization", "Bearer " + annie).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                var shown = body.length() > 60 ? body.substring(0, 60) + "..." : body;
                assertThat(answer.statusCode()).as(shown + " -> " + answer.body()).isBetween(400, 499);
                assertThat(answer.headers().firstValue("Content-Type")).as(shown).hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/problem+json"));
            }
            for (var path : List.of("/api/v1/mail/inbox?limit=0", "/api/v1/mail/inbox?limit=abc", "/api/v1/mail/inbox?limit=1e9",
                    "/api/v1/mail/sent?cursor=%00", "/api/v1/mail/%2e%2e%2f", "/api/v1/mail/" + "9".repeat(5000),
                    "/api/v1/mail/00000000-0000-0000-0000-000000000000")) {
                var answer = web.get(path, annie);
                assertThat(answer.status()).as(path).isBetween(400, 499);
            }
            assertThat(web.get("/api/v1/mail/inbox", annie).body().get("messages")).as("nothing got through").isEmpty();
            assertThat(web.get("/api/v1/mail/sent", annie).body().get("messages")).isEmpty();
            assertThat(web.get("/api/v1/mail/inbox").status()).isEqualTo(401);
        }
    }

    /** Signs up and verifies {@code handle} over REST (the code from the outbox), logs in and returns the access token. */
    String member(Http web, String handle) throws Exception {
        var email = handle.toLowerCase(java.util.Locale.ROOT) + "@example.test";
        assertThat(web.post("/api/v1/accounts", Map.of("handle", handle, "email", email, "password", PASSWORD)).status())
                .isEqualTo(201);
        assertThat(web.post("/api/v1/accounts/verify", Map.of("handle", handle, "code", Outbox.codeFor(data, email))).status())
                .isBetween(200, 299);
        return web.logIn(handle, PASSWORD);
    }

    private static void assertActedBy(JsonNode event, String handle, String channel) {
        assertThat(event.get("actor").get("handle").asText()).as(event.toString()).isEqualTo(handle);
        assertThat(event.get("origin").get("channel").asText()).as(event.toString()).isEqualTo(channel);
        assertThat(event.get("origin").get("sessionId").asText()).as(event.toString()).isNotBlank();
    }
}

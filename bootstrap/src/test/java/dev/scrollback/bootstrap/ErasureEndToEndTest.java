package dev.scrollback.bootstrap;

import static dev.scrollback.bootstrap.TestBbs.PASSWORD;
import static dev.scrollback.bootstrap.TestBbs.SYSOP;
import static dev.scrollback.bootstrap.TestBbs.SYSOP_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scrollback.application.shared.ControlledClock;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7, item 7 (decision 0021): a caller takes a copy of their own data, then erases their account over the web.
 * Their personal values are ciphertext in the store before and after; after, the feed, the audit log and the chat
 * room show them erased (also after a restart), their token and password stop working, a second erasure is refused,
 * and the audit chain over the stored rows still verifies.
 */
class ErasureEndToEndTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final String EMAIL = "alice.erased@example.test";
    static final String LINE = "my very own words";

    @TempDir
    Path data;

    static String slug(Http.Answer answer) {
        return answer.body().path("type").asText().replaceAll(".*/", "");
    }

    @Test
    void a_caller_exports_then_erases_and_their_data_reads_erased_everywhere_while_the_chain_verifies() throws Exception {
        String lobby;
        try (var bbs = TestBbs.start(data, new ControlledClock(NOW))) {
            var web = bbs.web();
            bbs.signUp("Alice", EMAIL);
            var root = bbs.sysop();
            var alice = web.logIn("Alice", PASSWORD);
            var created = web.post("/api/v1/chat/rooms", Map.of("name", "Lobby", "kind", "public"), root);
            assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
            lobby = "/api/v1/chat/rooms/" + created.body().get("id").asText();
            assertThat(web.post(lobby + "/join", Map.of(), alice).status()).isEqualTo(200);
            assertThat(web.post(lobby + "/messages", Map.of("text", LINE), alice).status()).isEqualTo(201);

            // an API key, even one that reads the feed, takes no copy: the export is for the caller at a login
            var key = web.post("/api/v1/me/api-keys", Map.of("name", "robot", "scopes", List.of("events:read")), alice);
            assertThat(key.status()).as(key.body().toString()).isEqualTo(201);
            assertThat(web.text("/api/v1/me/export", key.body().get("key").asText()).statusCode()).isEqualTo(403);

            // the copy first: her events, readable, and nobody else's
            var export = web.text("/api/v1/me/export", alice);
            assertThat(export.statusCode()).isEqualTo(200);
            assertThat(export.headers().firstValue("Content-Type").orElse("")).startsWith("application/x-ndjson");
            assertThat(export.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
            var lines = ndjson(export.body());
            assertThat(lines).extracting(l -> l.get("type").asText()).contains("AccountRegistered", "LoginSucceeded", "ChatMessageSent")
                    .doesNotContain("ChatRoomCreated");
            assertThat(lines).allSatisfy(l -> assertThat(l.get("stream").asText().startsWith("account-")
                    || l.get("actor").get("handle").asText().equals("Alice")).isTrue());
            assertThat(export.body()).contains(EMAIL, LINE, "127.0.0.1").doesNotContain("ciphertext");
            assertThat(storedRows()).doesNotContain(EMAIL, LINE);                      // sealed in the store all along

            // erasing needs the password; then it is done once
            assertThat(web.delete("/api/v1/me", Map.of("password", "not my password at all"), alice).status()).isEqualTo(403);
            assertThat(web.delete("/api/v1/me", Map.of("password", PASSWORD), alice).status()).isEqualTo(204);
            assertThat(web.get("/api/v1/me", alice).status()).as("her token").isEqualTo(401);
            assertThat(web.post("/api/v1/sessions", Map.of("handle", "Alice", "password", PASSWORD)).status()).isEqualTo(401);
            var again = web.delete("/api/v1/admin/users/Alice", root);
            assertThat(again.status()).isEqualTo(409);
            assertThat(slug(again)).isEqualTo("account-erased");

            erasedEverywhere(web, root);
            // the room's recent lines, held in memory, forget her words at once
            var rejoined = web.post(lobby + "/join", Map.of(), root);
            assertThat(rejoined.body().get("lines").toString()).doesNotContain(LINE).contains("(erased)");
            assertThat(storedRows()).doesNotContain(EMAIL, LINE);
            assertThat(dataKeyOfAlice()).isNull();

            WalkingSkeletonEndToEndTest.untilTrue(() -> {
                var verify = web.get("/api/v1/audit/verify", root).body();
                assertThat(verify.get("verified").asBoolean()).as(verify.toString()).isTrue();
                return verify.get("events").asLong() >= lastPosition(web, root) ? "sealed" : "";
            });
        }
        try (var bbs = TestBbs.start(data, new ControlledClock(NOW.plusSeconds(60)))) {       // rebuilt from the log
            var root = bbs.web().logIn(SYSOP, SYSOP_PASSWORD);
            erasedEverywhere(bbs.web(), root);
            var rejoined = bbs.web().post(lobby + "/join", Map.of(), root);
            assertThat(rejoined.body().get("lines").toString()).doesNotContain(LINE);
        }
    }

    @Test
    void a_telnet_caller_erases_from_settings_after_typing_the_confirmation_and_is_let_go() throws Exception {
        try (var bbs = TestBbs.start(data, new ControlledClock(NOW))) {
            bbs.signUp("Amiga", "amiga@example.test");
            var web = bbs.web().logIn("Amiga", PASSWORD);
            try (var telnet = TelnetCaller.connect(bbs.telnetPort())) {
                telnet.logIn("Amiga", PASSWORD);
                telnet.key('S');
                telnet.expect("[E] Erase my account");
                telnet.key('E');
                telnet.expect("Type ERASE to go on: ");
                telnet.line("erase");
                telnet.expect("Nothing erased.");
                telnet.key('E');
                telnet.expect("Type ERASE to go on: ");
                telnet.line("ERASE");
                telnet.expect("Your password: ");
                telnet.line("not my password at all");
                telnet.expect("(Enter if you have none): ");
                telnet.line("");
                telnet.expect("Nothing erased.");
                telnet.key('E');
                telnet.expect("Type ERASE to go on: ");
                telnet.line("ERASE");
                telnet.expect("Your password: ");
                telnet.line(PASSWORD);
                telnet.expect("(Enter if you have none): ");
                telnet.line("");
                telnet.expect("This account was erased - goodbye.");     // its sessions end, this one too
                assertThat(telnet.hungUp()).isTrue();
            }
            assertThat(bbs.web().get("/api/v1/me", web).status()).as("her web token").isEqualTo(401);
            var feed = WalkingSkeletonEndToEndTest.readFeed(bbs.web(), bbs.sysop()).toString();
            assertThat(feed).contains("AccountErased").doesNotContain("amiga@example.test");
        }
    }

    private static void erasedEverywhere(Http web, String root) throws Exception {
        var feed = WalkingSkeletonEndToEndTest.readFeed(web, root);
        var text = feed.toString();
        assertThat(text).doesNotContain(EMAIL, LINE, "ciphertext");
        var registered = feed.stream().filter(e -> e.get("type").asText().equals("AccountRegistered")
                && e.get("data").get("handle").asText().equals("Alice")).findFirst().orElseThrow();
        assertThat(registered.get("data").get("email").toString()).isEqualTo("{\"erased\":true}");
        assertThat(feed).filteredOn(e -> e.get("actor").path("handle").asText().equals("Alice"))
                .isNotEmpty().allSatisfy(e -> assertThat(e.get("origin").get("address").asText()).isEqualTo("(erased)"));
        var audit = web.get("/api/v1/audit?account=Alice", root);
        assertThat(audit.status()).as(audit.body().toString()).isEqualTo(200);
        // what was recorded of her reads erased; a password tried on her name after the erasure is a fact of its own
        // (whoever tried, from where: UnknownHandleLoginFailed, sealed under the day's key, not hers)
        var entries = new java.util.ArrayList<JsonNode>();
        audit.body().get("entries").forEach(entries::add);
        var ofHers = entries.stream().filter(e -> !e.get("type").asText().equals("UnknownHandleLoginFailed")).toList();
        assertThat(ofHers).isNotEmpty()
                .allSatisfy(e -> assertThat(e.path("address").asText("(erased)")).isEqualTo("(erased)"));
        assertThat(ofHers.toString()).doesNotContain("127.0.0.1");
        assertThat(entries).filteredOn(e -> e.get("type").asText().equals("UnknownHandleLoginFailed"))
                .allSatisfy(e -> assertThat(e.get("summary").asText()).isEqualTo("login failed for unknown handle Alice"));
    }

    private static long lastPosition(Http web, String token) throws Exception {
        var feed = WalkingSkeletonEndToEndTest.readFeed(web, token);
        return feed.getLast().get("position").asLong();
    }

    private static List<JsonNode> ndjson(String body) throws Exception {
        var lines = new ArrayList<JsonNode>();
        for (var line : body.split("\n")) if (!line.isBlank()) lines.add(JSON.readTree(line));
        return lines;
    }

    private String storedRows() throws Exception {
        try (var connection = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("events/scrollback"), "sa", "");
             var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT payload, metaData FROM domain_event_entry ORDER BY globalIndex")) {
            var text = new StringBuilder();
            while (rows.next()) text.append(new String(rows.getBytes(1))).append(new String(rows.getBytes(2))).append('\n');
            return text.toString();
        }
    }

    private byte[] dataKeyOfAlice() throws Exception {
        try (var connection = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("events/scrollback"), "sa", "");
             var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT k.data_key FROM personal_data_key k WHERE k.erased_at IS NOT NULL")) {
            assertThat(rows.next()).as("a tombstone for the erased account").isTrue();
            var key = rows.getBytes(1);
            assertThat(rows.next()).isFalse();
            return key;
        }
    }
}

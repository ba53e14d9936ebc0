package dev.scrollback.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scrollback.application.shared.ControlledClock;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7 item 5, end to end: a BBS with accounts, roles, a board and a thread, a chat room and its lines is exported
 * over REST (a sysop and an auditor may, a member may not) and with {@code export}; {@code import} puts the file into
 * a fresh data directory, {@code verify-audit} passes there, the export of the copy is the same bytes, and a server
 * started on the copy answers what the original answered (boards, threads, chat rooms, users, the audit log).
 */
class ExportImportEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    final ControlledClock clock = ControlledClock.at("2031-05-01T12:00:00Z");

    /** What the read models answer, by name: the same questions asked of the original and of the copy. */
    private record Views(Map<String, JsonNode> answers, List<JsonNode> audit) {}

    private static Views views(Http web, String sysop, String auditor, String board, String thread) throws Exception {
        var answers = new LinkedHashMap<String, JsonNode>();
        for (var path : List.of("/api/v1/boards", "/api/v1/boards/" + board + "/threads", "/api/v1/threads/" + thread,
                "/api/v1/chat/rooms", "/api/v1/admin/users")) {
            var answer = web.get(path, sysop);
            assertThat(answer.status()).as(path + " " + answer.body()).isEqualTo(200);
            answers.put(path, answer.body());
        }
        var audit = new ArrayList<JsonNode>();
        web.get("/api/v1/audit?limit=1000", auditor).body().get("entries").forEach(audit::add);
        return new Views(answers, audit);
    }

    /** What a server started on {@code data} answers, with the audit log up to {@code events} (later ones are its own logins). */
    private Views restartedViews(Path data, String board, String thread, long events) throws Exception {
        try (var bbs = TestBbs.start(data, clock)) {
            var web = bbs.web();
            var sysop = bbs.sysop();
            var ledger = web.logIn("Ledger", TestBbs.PASSWORD);
            var views = views(web, sysop, ledger, board, thread);
            return new Views(views.answers(), views.audit().stream().filter(e -> e.get("position").asLong() <= events).toList());
        }
    }

    private static HttpResponse<byte[]> export(Http web, String query, String token) throws Exception {
        return HttpClient.newHttpClient().send(web.request("/api/v1/events/export" + query, token).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void a_bbs_exported_and_imported_into_a_fresh_directory_verifies_and_answers_the_same() throws Exception {
        var original = root.resolve("original");
        var copy = root.resolve("copy");
        Files.createDirectories(original);
        Files.createDirectories(copy);
        var file = root.resolve("bbs.ndjson");
        byte[] overRest;
        String board, thread;
        try (var bbs = TestBbs.start(original, clock)) {
            var web = bbs.web();
            bbs.signUp("Alice", "alice@example.test");
            bbs.signUp("Ledger", "ledger@example.test");
            var sysop = bbs.sysop();
            assertThat(web.post("/api/v1/admin/users/ledger/roles/auditor", Map.of(), sysop).status()).isEqualTo(200);
            var alice = web.logIn("Alice", TestBbs.PASSWORD);
            var ledger = web.logIn("Ledger", TestBbs.PASSWORD);
            var created = web.post("/api/v1/boards", Map.of("conference", "General", "name", "Lobby", "description", "Say hello",
                    "readers", List.of("guest", "member"), "posters", List.of("member")), sysop);
            assertThat(created.status()).isEqualTo(201);
            board = created.body().get("id").asText();
            WalkingSkeletonEndToEndTest.untilTrue(() -> web.get("/api/v1/boards", alice).body().get("boards").size() == 1 ? "y" : "");
            var hello = web.post("/api/v1/boards/" + board + "/threads", Map.of("subject", "Hello", "body", "Hi all ✓"), alice);
            assertThat(hello.status()).isEqualTo(201);
            thread = hello.body().get("threadId").asText();
            assertThat(web.post("/api/v1/threads/" + thread + "/messages", Map.of("body", "Welcome"), sysop).status()).isEqualTo(201);
            var room = web.post("/api/v1/chat/rooms", Map.of("name", "Lounge", "kind", "public", "topic", "Talk"), sysop);
            assertThat(room.status()).isEqualTo(201);
            var lounge = "/api/v1/chat/rooms/" + room.body().get("id").asText();
            WalkingSkeletonEndToEndTest.untilTrue(() -> web.get("/api/v1/chat/rooms", alice).body().get("rooms").size() == 1 ? "y" : "");
            assertThat(web.post(lounge + "/join", Map.of(), alice).status()).isEqualTo(200);
            assertThat(web.post(lounge + "/messages", Map.of("text", "Hello lounge"), alice).status()).isEqualTo(201);
            final var thr = thread;
            WalkingSkeletonEndToEndTest.untilTrue(() -> web.get("/api/v1/threads/" + thr, alice).body().get("messages").size() == 2 ? "y" : "");

            // REST: the sysop and the auditor may export (an API key with events:read too), a member may not, even with
            // such a key; bad parameters are problems, not exports
            var ledgerKey = web.post("/api/v1/me/api-keys", Map.of("name", "exporter", "scopes", List.of("events:read")), ledger);
            assertThat(ledgerKey.status()).isEqualTo(201);
            var aliceKey = web.post("/api/v1/me/api-keys", Map.of("name", "wishful", "scopes", List.of("events:read")), alice);
            assertThat(aliceKey.status()).isEqualTo(201);
            var bySysop = export(web, "?format=ndjson", sysop);
            assertThat(bySysop.statusCode()).isEqualTo(200);
            assertThat(bySysop.headers().firstValue("Content-Type").orElse("")).startsWith("application/x-ndjson");
            overRest = bySysop.body();
            var byAuditor = export(web, "?format=cloudevents&after=3", ledger);
            assertThat(byAuditor.statusCode()).isEqualTo(200);
            var firstEvent = JSON.readTree(new String(byAuditor.body(), StandardCharsets.UTF_8).lines().findFirst().orElseThrow());
            assertThat(firstEvent.get("specversion").asText()).isEqualTo("1.0");
            assertThat(firstEvent.get("sequence").asText()).isEqualTo("0000000000000000004");
            assertThat(export(web, "?format=ndjson", alice).statusCode()).isEqualTo(403);
            var byKey = export(web, "", ledgerKey.body().get("key").asText());
            assertThat(byKey.statusCode()).isEqualTo(200);
            assertThat(Arrays.copyOf(byKey.body(), 200)).isEqualTo(Arrays.copyOf(overRest, 200));
            assertThat(export(web, "", aliceKey.body().get("key").asText()).statusCode()).isEqualTo(403);
            assertThat(export(web, "", "").statusCode()).isEqualTo(401);
            var badFormat = export(web, "?format=xml", sysop);
            assertThat(badFormat.statusCode()).isEqualTo(400);
            assertThat(new String(badFormat.body(), StandardCharsets.UTF_8)).contains("format");
            assertThat(export(web, "?after=-1", sysop).statusCode()).isEqualTo(400);
        }
        var keys = root.resolve("bbs.keys.jsonl");
        var exported = CommandLineRun.run(original, Map.of(), "export", "--format", "ndjson", "--to", file.toString(),
                "--keys", keys.toString());
        assertThat(exported.exit()).as(exported.stderr()).isZero();
        assertThat(exported.stderr()).containsPattern("exported \\d+ personal data keys to ");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(keys))).isEqualTo("rw-------");
        byte[] whole = Files.readAllBytes(file);
        long events = new String(whole, StandardCharsets.UTF_8).lines().count();
        assertThat(events).isGreaterThan(15);
        assertThat(exported.stderr()).contains("exported " + events + " events (positions 1 to " + events + ")");
        // the server appended a little after the REST export (the chat member left as it stopped): the same bytes up to there
        assertThat(Arrays.copyOf(whole, overRest.length)).as("the command and the REST route write the same bytes").isEqualTo(overRest);
        assertThat(whole[overRest.length - 1]).isEqualTo((byte) '\n');

        var imported = CommandLineRun.run(copy, Map.of(), "import", "--from", file.toString(), "--keys", keys.toString());
        assertThat(imported.exit()).as(imported.stderr()).isZero();
        assertThat(imported.stdout()).contains("imported " + events + " events (positions 1 to " + events + ")",
                "sealed " + events + " events").containsPattern("imported \\d+ personal data keys");
        var verified = CommandLineRun.run(copy, Map.of(), "verify-audit");
        assertThat(verified.exit()).as(verified.stderr()).isZero();
        assertThat(verified.stdout()).contains("verified " + events + " events");

        var again = CommandLineRun.run(copy, Map.of(), "import", "--from", file.toString());
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.stderr()).contains("import refused", "fresh data directory");

        var reExported = CommandLineRun.run(copy, Map.of(), "export", "--format", "ndjson");
        assertThat(reExported.exit()).as(reExported.stderr()).isZero();
        assertThat(reExported.stdout().getBytes(StandardCharsets.UTF_8)).isEqualTo(whole);

        // the same questions to a server on the original and one on the copy, each after the same two logins
        var before = restartedViews(original, board, thread, events);
        var after = restartedViews(copy, board, thread, events);
        assertThat(after.answers()).isEqualTo(before.answers());
        assertThat(after.audit()).isEqualTo(before.audit());
        assertThat(after.audit()).extracting(e -> e.get("type").asText()).contains("RoleGranted", "LoginSucceeded");
    }

    @Test
    void a_hostile_file_is_refused_naming_its_line_and_the_directory_stays_empty() throws Exception {
        var copy = root.resolve("copy");
        Files.createDirectories(copy);
        var file = root.resolve("bad.jsonl");
        Files.writeString(file, "{\"specversion\":\"1.0\",\"id\":\"x\"}\n");
        var refused = CommandLineRun.run(copy, Map.of(), "import", "--from", file.toString(), "--format", "cloudevents");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.stderr()).contains("line 1:", "source is missing", "nothing was imported");

        var missing = CommandLineRun.run(copy, Map.of(), "import", "--from", root.resolve("nope").toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.stderr()).contains("no such file");
        assertThat(CommandLineRun.run(copy, Map.of(), "import").exit()).isEqualTo(2);
        assertThat(CommandLineRun.run(copy, Map.of(), "export", "--format", "xml").exit()).isEqualTo(2);

        var empty = CommandLineRun.run(copy, Map.of(), "export");
        assertThat(empty.exit()).as(empty.stderr()).isZero();
        assertThat(empty.stdout()).isEmpty();
        assertThat(empty.stderr()).contains("exported 0 events");
    }
}

package dev.scrollback.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrollback.application.shared.ControlledClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7, item 1, through the running server: failed and successful logins over telnet and the web, a sysop's role
 * change and a submitted plugin land in the audit log with time, address, channel and handle; an auditor queries it by
 * type, actor and channel and exports it as CSV; a member is turned away.
 */
class AuditEndToEndTest {
    @TempDir
    Path data;

    final ControlledClock clock = ControlledClock.at("2031-05-01T12:00:00Z");

    @Test
    void logins_role_changes_and_plugins_are_audited_and_an_auditor_queries_and_exports_them() throws Exception {
        try (var bbs = TestBbs.start(data, clock)) {
            var web = bbs.web();
            bbs.signUp("Amiga", "amiga@example.test");
            bbs.signUp("Ledger", "ledger@example.test");
            var sysop = bbs.sysop();

            try (var telnet = TelnetCaller.connect(bbs.telnetPort())) {
                telnet.expect("Handle: ");
                telnet.line("Amiga");
                telnet.expect("Password: ");
                telnet.line("not the password at all");
                telnet.expect("Wrong handle or password.");
                telnet.expect("Handle: ");
                telnet.line("Mallory");                     // nobody holds it: answered alike, audited all the same
                telnet.expect("Password: ");
                telnet.line("a guess");
                telnet.expect("Wrong handle or password.");
                telnet.logIn("Amiga", TestBbs.PASSWORD);
            }
            assertThat(web.post("/api/v1/sessions", Map.of("handle", "Amiga", "password", "wrong again, on the web")).status())
                    .isEqualTo(401);
            var amiga = web.logIn("Amiga", TestBbs.PASSWORD);

            assertThat(web.post("/api/v1/admin/users/ledger/roles/auditor", Map.of(), sysop).status()).isEqualTo(200);
            var ledger = web.logIn("Ledger", TestBbs.PASSWORD);
            assertThat(web.post("/api/v1/plugins", Map.of("manifest", PluginsEndToEndTest.MANIFEST,
                    "code", PluginsEndToEndTest.ACCEPT_ALL), amiga).status()).isEqualTo(201);

            assertThat(web.get("/api/v1/audit", amiga).status()).as("a member reads no audit log").isEqualTo(403);
            assertThat(web.get("/api/v1/audit?channel=gopher", ledger).status()).isEqualTo(400);

            // the audit trail is a projection: wait until it has read the last of these (the scan follows the submission)
            WalkingSkeletonEndToEndTest.untilTrue(() -> entries(web, "/api/v1/audit?type=PluginScanned", ledger).isEmpty() ? "" : "seen");
            var failures = entries(web, "/api/v1/audit?type=LoginFailed", ledger);
            assertThat(failures).hasSize(2);
            assertThat(failures).extracting(e -> e.get("channel").asText()).containsExactly("telnet", "web");
            assertThat(failures).allSatisfy(e -> {
                assertThat(e.get("address").asText()).isEqualTo("127.0.0.1");
                assertThat(e.get("subject").get("handle").asText()).isEqualToIgnoringCase("amiga");
                assertThat(e.get("at").asText()).startsWith("2031-05-01T12:00");
            });

            var unknown = entries(web, "/api/v1/audit?type=UnknownHandleLoginFailed&account=mallory", ledger);
            assertThat(unknown).hasSize(1);
            assertThat(unknown.getFirst().get("channel").asText()).isEqualTo("telnet");
            assertThat(unknown.getFirst().get("address").asText()).isEqualTo("127.0.0.1");
            assertThat(unknown.getFirst().get("summary").asText()).isEqualTo("login failed for unknown handle Mallory");

            var onTelnet = entries(web, "/api/v1/audit?channel=telnet&account=Amiga", ledger);
            assertThat(onTelnet).extracting(e -> e.get("type").asText()).containsExactly("LoginFailed", "LoginSucceeded");

            var onTheWeb = entries(web, "/api/v1/audit?channel=web&account=amiga&type=LoginSucceeded", ledger);
            assertThat(onTheWeb).hasSize(1);
            assertThat(onTheWeb.getFirst().get("actor").get("handle").asText()).isEqualToIgnoringCase("amiga");
            assertThat(onTheWeb.getFirst().get("address").asText()).isEqualTo("127.0.0.1");

            var bySysop = entries(web, "/api/v1/audit?actor=" + TestBbs.SYSOP + "&type=RoleGranted", ledger);
            assertThat(bySysop).hasSize(1);
            assertThat(bySysop.getFirst().get("summary").asText()).isEqualTo("role auditor granted");
            assertThat(bySysop.getFirst().get("subject").get("handle").asText()).isEqualToIgnoringCase("ledger");

            var submitted = entries(web, "/api/v1/audit?type=PluginSubmitted", ledger);
            assertThat(submitted).hasSize(1);
            assertThat(submitted.getFirst().get("actor").get("handle").asText()).isEqualToIgnoringCase("amiga");
            assertThat(submitted.getFirst().get("summary").asText()).startsWith("plugin accept-all 1.0.0 submitted");
            assertThat(entries(web, "/api/v1/audit?type=PluginScanned", ledger)).hasSize(1);

            var page = web.get("/api/v1/audit?limit=2", ledger).body();
            var next = web.get("/api/v1/audit?limit=2&after=" + page.get("next").asLong(), ledger).body();
            assertThat(next.get("entries").get(0).get("position").asLong())
                    .isGreaterThan(page.get("entries").get(1).get("position").asLong());

            var csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + bbs.app().getBean(dev.scrollback.adapters.web.WebServer.class).port()
                                    + "/api/v1/audit/export?format=csv&type=LoginFailed"))
                    .header("Authorization", "Bearer " + ledger).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
            var lines = csv.body().split("\r\n");
            assertThat(lines[0]).startsWith("position,at,type,actorKind");
            assertThat(lines).hasSize(3);
            assertThat(lines[1]).contains(",LoginFailed,user,,,telnet,127.0.0.1,");
            assertThat(lines[2]).contains(",LoginFailed,user,,,web,127.0.0.1,");

            // tamper evidence (item 2): the server seals every few seconds; the auditor's verify covers what was sealed
            assertThat(web.get("/api/v1/audit/verify", amiga).status()).as("a member verifies nothing").isEqualTo(403);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            JsonNode verify;
            do {
                verify = web.get("/api/v1/audit/verify", ledger).body();
                assertThat(verify.get("verified").asBoolean()).as(verify.toString()).isTrue();
                if (verify.get("events").asLong() >= page.get("entries").get(1).get("position").asLong()) break;
                Thread.sleep(200);
            } while (System.nanoTime() < deadline);
            assertThat(verify.get("events").asLong()).isGreaterThanOrEqualTo(page.get("entries").get(1).get("position").asLong());
            assertThat(verify.get("checkpoints").asLong()).isPositive();
            assertThat(verify.has("firstBadPosition")).isFalse();
        }
    }

    /** Every entry the query matches, page by page. */
    private static List<JsonNode> entries(Http web, String query, String token) throws Exception {
        var all = new ArrayList<JsonNode>();
        long after = 0;
        while (true) {
            var answer = web.get(query + "&limit=2&after=" + after, token);
            assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
            answer.body().get("entries").forEach(all::add);
            if (answer.body().get("entries").size() < 2) return all;
            after = answer.body().get("next").asLong();
        }
    }
}

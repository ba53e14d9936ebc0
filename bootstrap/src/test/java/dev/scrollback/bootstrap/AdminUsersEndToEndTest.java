package dev.scrollback.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrollback.adapters.telnet.TelnetServer;
import dev.scrollback.adapters.web.WebServer;
import java.io.IOException;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3, item 8 (finding users): a sysop lists accounts a page at a time, searches them by a piece of the handle or
 * the email address, and looks at one with its login history (channel and address from each event's origin) and its
 * open sessions on telnet and the web. Nobody else may; odd query parameters are 400s, never 500s.
 */
class AdminUsersEndToEndTest {
    static final String SYSOP = WalkingSkeletonEndToEndTest.SYSOP;
    static final String SYSOP_PASSWORD = WalkingSkeletonEndToEndTest.SYSOP_PASSWORD;
    static final String PASSWORD = "lanterns along the harbour wall";

    @TempDir
    Path data;

    @Test
    void a_sysop_lists_searches_pages_and_inspects_users_and_nobody_else_may() throws Exception {
        try (var app = WalkingSkeletonEndToEndTest.start(data)) {
            var web = new Http(app.getBean(WebServer.class).port());
            member(web, "Cedar", "cedar@example.test", "cedar@example.test");
            member(web, "amber", "amber@example.test", "amber@example.test");
            member(web, "Dusk", "d.smith@Mail.Example", "d.smith@mail.example");
            member(web, "birch", "birch@example.test", "birch@example.test");
            var root = web.logIn(SYSOP, SYSOP_PASSWORD);

            // The list is a projection: wait until it has caught up with the five accounts and the sysop's login.
            WalkingSkeletonEndToEndTest.untilTrue(() -> {
                var users = web.get("/api/v1/admin/users", root).body().get("users");
                return users.size() == 5 && !users.get(4).get("lastLoginAt").isNull() ? "caught up" : "";
            });

            var everyone = web.get("/api/v1/admin/users", root);
            assertThat(everyone.status()).isEqualTo(200);
            assertThat(handles(everyone.body())).containsExactly("amber", "birch", "Cedar", "Dusk", SYSOP);
            assertThat(everyone.body().get("next").isNull()).isTrue();
            var keeper = everyone.body().get("users").get(4);
            assertThat(keeper.get("roles").toString()).isEqualTo("[\"sysop\",\"member\"]");
            assertThat(keeper.get("emailVerified").asBoolean()).isTrue();
            assertThat(keeper.get("locked").asBoolean()).isFalse();
            assertThat(keeper.get("totpEnabled").asBoolean()).isFalse();
            assertThat(keeper.get("lastLoginAt").isNull()).isFalse();
            assertThat(keeper.get("accountId").asText()).hasSize(36);
            assertThat(keeper.has("email")).as("no email addresses in lists").isFalse();

            // Five accounts, two a page: three pages, each account once, in handle order.
            var paged = new ArrayList<String>();
            var pages = 0;
            var next = "";
            do {
                var page = web.get("/api/v1/admin/users?limit=2" + (next.isEmpty() ? "" : "&cursor=" + next), root);
                assertThat(page.status()).isEqualTo(200);
                assertThat(page.body().get("users").size()).isLessThanOrEqualTo(2);
                paged.addAll(handles(page.body()));
                next = page.body().get("next").isNull() ? "" : page.body().get("next").asText();
                pages++;
            } while (!next.isEmpty());
            assertThat(pages).isEqualTo(3);
            assertThat(paged).containsExactly("amber", "birch", "Cedar", "Dusk", SYSOP);

            assertThat(handles(web.get("/api/v1/admin/users?q=CED", root).body())).containsExactly("Cedar");
            assertThat(handles(web.get("/api/v1/admin/users?q=smith%40MAIL", root).body())).containsExactly("Dusk");
            assertThat(handles(web.get("/api/v1/admin/users?q=r&limit=1", root).body())).containsExactly("amber");

            // birch: a wrong password on the web, then a login on the web and one on telnet.
            assertThat(web.post("/api/v1/sessions", Map.of("handle", "birch", "password", "not the password at all"))
                    .status()).isEqualTo(401);
            var birch = web.logIn("birch", PASSWORD);
            try (var telnet = TelnetCaller.connect(app.getBean(TelnetServer.class).port())) {
                telnet.logIn("birch", PASSWORD);

                WalkingSkeletonEndToEndTest.untilTrue(() ->     // who's online is a projection too
                        web.get("/api/v1/admin/users/BIRCH", root).body().get("sessions").size() == 2 ? "both" : "");
                var shown = web.get("/api/v1/admin/users/BIRCH", root);
                assertThat(shown.status()).isEqualTo(200);
                var details = shown.body();
                assertThat(details.get("handle").asText()).isEqualTo("birch");
                assertThat(details.get("email").asText()).isEqualTo("birch@example.test");
                assertThat(details.get("roles").toString()).isEqualTo("[\"member\"]");
                var logins = details.get("logins");
                assertThat(logins).hasSize(3);
                assertLogin(logins.get(0), "LoginSucceeded", "telnet");
                assertLogin(logins.get(1), "LoginSucceeded", "web");
                assertLogin(logins.get(2), "LoginFailed", "web");
                assertThat(logins.get(2).get("reason").asText()).isEqualTo("wrong_password");
                assertThat(logins.get(2).get("actor").get("kind").asText()).isEqualTo("user");
                assertThat(logins.get(0).get("sessionId").asText()).hasSize(36);
                assertThat(details.get("lastLoginAt").asText()).isEqualTo(logins.get(0).get("at").asText());
                assertThat(channels(details.get("sessions"))).containsExactlyInAnyOrder("web", "telnet");
                for (var session : details.get("sessions")) {
                    assertThat(session.get("address").asText()).isEqualTo("127.0.0.1");
                    assertThat(session.get("since").isNull()).isFalse();
                }
                assertThat(channels(details.get("sessions"))).hasSize(2);
            }

            // Only sysops, only with a token, only known handles.
            assertThat(web.get("/api/v1/admin/users", birch).status()).isEqualTo(403);
            assertThat(web.get("/api/v1/admin/users/" + SYSOP, birch).status()).isEqualTo(403);
            assertThat(web.get("/api/v1/admin/users/birch", birch).status()).as("not even oneself").isEqualTo(403);
            var anonymous = web.get("/api/v1/admin/users");
            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(anonymous.body().get("type").asText()).endsWith("/unauthorized");
            assertThat(web.get("/api/v1/admin/users/birch").status()).isEqualTo(401);
            var unknown = web.get("/api/v1/admin/users/nobody", root);
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.body().get("type").asText()).endsWith("/not-found");
            assertThat(unknown.contentType()).startsWith("application/problem+json");

            // Hostile query parameters: refused as validation-failed, naming the parameter.
            var tooLong = web.get("/api/v1/admin/users?q=" + "x".repeat(101), root);
            assertThat(tooLong.status()).isEqualTo(400);
            assertThat(tooLong.body().get("type").asText()).endsWith("/validation-failed");
            assertThat(tooLong.body().get("field").asText()).isEqualTo("q");
            for (var cursor : List.of("!!!", "bm90LWEtY3Vyc29y", "aDE6", "%C3%28", "x".repeat(500))) {
                var refused = web.get("/api/v1/admin/users?cursor=" + cursor, root);
                assertThat(refused.status()).as("cursor %s", cursor).isEqualTo(400);
                assertThat(refused.body().get("field").asText()).isEqualTo("cursor");
            }
            for (var limit : List.of("0", "201", "-1", "abc", "99999999999999999999", "1.5")) {
                var refused = web.get("/api/v1/admin/users?limit=" + limit, root);
                assertThat(refused.status()).as("limit %s", limit).isEqualTo(400);
                assertThat(refused.body().get("field").asText()).isEqualTo("limit");
            }
            assertThat(web.get("/api/v1/admin/users?q=a%00b", root).status()).isEqualTo(400);
            assertThat(web.get("/api/v1/admin/users?q=a&q=b", root).status()).isEqualTo(400);
            assertThat(handles(web.get("/api/v1/admin/users?q=" + URLEncoder.encode("ｂｉｒ", StandardCharsets.UTF_8), root)
                    .body())).as("full-width letters fold like handles do").containsExactly("birch");
            var port = app.getBean(WebServer.class).port();
            // Escapes that do not decode are refused rather than dropped (a broken cursor must not mean "from the start").
            for (var parameter : List.of("q", "cursor", "limit")) {
                assertThat(rawGet(port, "/api/v1/admin/users?" + parameter + "=%zz", root)).as(parameter).isEqualTo(400);
                assertThat(rawGet(port, "/api/v1/admin/users?" + parameter + "=%", root)).as(parameter).isEqualTo(400);
            }
            assertThat(rawGet(port, "/api/v1/admin/users?q=%C3", root)).as("not UTF-8: searched as it decodes").isEqualTo(200);
            assertThat(web.get("/api/v1/admin/users/not%20a%20handle", root).status()).isEqualTo(400);
        }
    }

    /** Signs up and verifies with the mailed code; {@code stored} is the address as the server keeps it. */
    private void member(Http web, String handle, String email, String stored) throws Exception {
        assertThat(web.post("/api/v1/accounts", Map.of("handle", handle, "email", email, "password", PASSWORD)).status())
                .isEqualTo(201);
        assertThat(web.post("/api/v1/accounts/verify", Map.of("handle", handle,
                "code", Outbox.codeFor(data, stored))).status()).isEqualTo(200);
    }

    private static List<String> handles(JsonNode page) {
        var names = new ArrayList<String>();
        page.get("users").forEach(u -> names.add(u.get("handle").asText()));
        return names;
    }

    private static List<String> channels(JsonNode sessions) {
        var names = new ArrayList<String>();
        sessions.forEach(s -> names.add(s.get("channel").asText()));
        return names;
    }

    private static void assertLogin(JsonNode login, String type, String channel) {
        assertThat(login.get("type").asText()).isEqualTo(type);
        assertThat(login.get("channel").asText()).isEqualTo(channel);
        assertThat(login.get("address").asText()).isEqualTo("127.0.0.1");
        assertThat(login.get("at").isNull()).isFalse();
    }

    /** A request written by hand, for targets java.net.URI refuses to build (broken percent escapes). */
    private static int rawGet(int port, String target, String token) throws IOException {
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            var request = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                    + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            var status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(status.substring(9, 12));
        }
    }
}

package dev.scrollback.adapters.web;

import static dev.scrollback.adapters.web.TestServer.assertProblem;
import static dev.scrollback.adapters.web.TestServer.assertSecurityHeaders;
import static dev.scrollback.adapters.web.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.web.shared.JsonBody;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.ExpectedVersion;
import dev.scrollback.application.shared.StreamId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebServerTest {
    record Echo(String name, int count) {}

    static final Routes PROBES = routes -> {
        routes.get("/probe/ok", ctx -> ctx.json(Map.of("ok", true)));
        routes.post("/probe/echo", ctx -> ctx.json(JsonBody.read(ctx, Echo.class)));
        routes.get("/probe/boom", ctx -> { throw new IllegalStateException("secret internals: db password hunter2"); });
        routes.get("/probe/fatal", ctx -> { throw new AssertionError("an Error, not an Exception"); });
        routes.get("/probe/conflict", ctx -> { throw new EventLog.Conflict(new StreamId("account-1"), ExpectedVersion.noStream(), 3); });
    };

    final TestServer server = TestServer.start(new WebSettings("127.0.0.1", 0, 1024), PROBES);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void port_zero_listens_on_a_free_port_until_stopped() {
        var other = WebServer.create(WebSettings.of("127.0.0.1", 0), java.util.List.of());
        assertThat(other.isListening()).isFalse();
        other.start();
        assertThat(other.port()).isPositive().isNotEqualTo(server.server().port());
        assertThat(other.isListening()).isTrue();
        other.stop();
        assertThat(other.isListening()).isFalse();
    }

    @Test
    void a_200_carries_the_security_headers() {
        var response = server.get("/probe/ok");
        assertThat(response.statusCode()).isEqualTo(200);
        assertSecurityHeaders(response);
    }

    @Test
    void an_unknown_address_is_a_404_problem_with_the_security_headers() {
        var response = server.get("/nothing/here");
        assertProblem(response, 404, "not-found");
        assertSecurityHeaders(response);
    }

    @Test
    void a_wrong_method_is_a_405_problem_that_says_which_methods_work() {
        var response = server.delete("/probe/ok");
        assertProblem(response, 405, "method-not-allowed");
        assertThat(response.headers().firstValue("Allow")).hasValue("GET");
        assertSecurityHeaders(response);
    }

    @Test
    void a_body_over_the_limit_is_a_413_problem() {
        var response = server.post("/probe/echo", "{\"name\":\"" + "x".repeat(2000) + "\",\"count\":1}");
        assertProblem(response, 413, "content-too-large");
        assertThat(json(response).path("detail").asText()).contains("1024");
        assertSecurityHeaders(response);
    }

    @Test
    void a_chunked_body_over_the_limit_is_a_413_problem_too() {
        var body = ("{\"name\":\"" + "x".repeat(5000) + "\"}").getBytes(StandardCharsets.UTF_8);
        var response = server.send(server.request("/probe/echo").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
        assertProblem(response, 413, "content-too-large");
    }

    @Test
    void malformed_json_is_a_400_validation_problem() {
        var response = server.post("/probe/echo", "{\"name\": ");
        var problem = assertProblem(response, 400, "validation-failed");
        assertThat(problem.path("detail").asText()).contains("not valid JSON");
        assertSecurityHeaders(response);
    }

    @Test
    void a_wrong_type_names_the_field() {
        var problem = assertProblem(server.post("/probe/echo", "{\"name\": 5, \"count\": 1}"), 400, "validation-failed");
        assertThat(problem.path("field").asText()).isEqualTo("name");
        assertThat(problem.path("detail").asText()).isEqualTo("The field 'name' must be a string.");

        var count = assertProblem(server.post("/probe/echo", "{\"name\": \"a\", \"count\": \"7\"}"), 400, "validation-failed");
        assertThat(count.path("field").asText()).isEqualTo("count");
    }

    @Test
    void hostile_bodies_are_400_problems_not_crashes() {
        for (var body : new String[] {"", "null", "[]", "\"text\"", "{\"name\":\"a\"} trailing", "{\"name\":\"a\",\"name\":\"b\"}",
                "[".repeat(500) + "]".repeat(500), "{\"name\":\"\\ud800\"}x", "\u0000\u0001"}) {
            var response = server.post("/probe/echo", body);
            assertProblem(response, 400, "validation-failed");
        }
    }

    @Test
    void unknown_fields_are_ignored() {
        var response = server.post("/probe/echo", "{\"name\": \"a\", \"count\": 2, \"extra\": {\"deep\": [1,2]}}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("name").asText()).isEqualTo("a");
    }

    @Test
    void an_unexpected_exception_is_a_500_with_only_an_incident_id() {
        var response = server.get("/probe/boom");
        var problem = assertProblem(response, 500, "internal");
        assertThat(problem.path("detail").asText()).matches("Internal error, incident [0-9a-f-]{36}\\.");
        assertThat(response.body()).doesNotContain("hunter2").doesNotContain("IllegalStateException");
        assertSecurityHeaders(response);
    }

    @Test
    void a_java_lang_error_is_a_500_problem_too() {
        var response = server.get("/probe/fatal");
        assertProblem(response, 500, "internal");
        assertThat(response.body()).doesNotContain("AssertionError");
    }

    @Test
    void a_concurrent_write_is_a_409_conflict() {
        assertProblem(server.get("/probe/conflict"), 409, "conflict");
    }

    @Test
    void requests_jetty_refuses_itself_get_a_problem_and_no_jetty_page() throws IOException {
        var headerTooLarge = raw("GET /probe/ok HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n");
        assertThat(headerTooLarge).startsWith("HTTP/1.1 431");
        assertRawProblem(headerTooLarge);

        var badRequestLine = raw("GARBAGE\r\n\r\n");
        assertThat(badRequestLine).startsWith("HTTP/1.1 400");
        assertRawProblem(badRequestLine);

        var badEncoding = raw("GET /probe/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(badEncoding).startsWith("HTTP/1.1 400");
        assertRawProblem(badEncoding);
    }

    private static void assertRawProblem(String response) {
        assertThat(response).containsIgnoringCase("Content-Type: application/problem+json")
                .contains("X-Content-Type-Options: nosniff")
                .contains("\"type\":\"https://scrollback.dev/problems/")
                .doesNotContainIgnoringCase("<html").doesNotContain("jetty");
    }

    private String raw(String request) throws IOException {
        try (var socket = new Socket("127.0.0.1", server.server().port())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(readAll(socket.getInputStream()), StandardCharsets.ISO_8859_1);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        var buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
                if (out.toString(StandardCharsets.ISO_8859_1).contains("}")) break;   // one problem body is enough
            }
        } catch (java.net.SocketException reset) {
            // Jetty may close hard after a bad request; what arrived is what we check
        }
        return out.toByteArray();
    }
}

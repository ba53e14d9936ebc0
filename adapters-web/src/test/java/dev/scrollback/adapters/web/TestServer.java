package dev.scrollback.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrollback.adapters.web.shared.Json;
import dev.scrollback.adapters.web.shared.RouteLimit;
import dev.scrollback.application.shared.RateLimiter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** The real server on a free port, and a real HTTP client talking to it. */
public final class TestServer implements AutoCloseable {
    /**
     * One client per server: a client shared across tests could reuse a pooled keep-alive connection to a stopped
     * server whose port a new server has since been given, and read nothing back.
     */
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30))
            .build();

    private final WebServer server;

    private TestServer(WebServer server) {
        this.server = server;
    }

    public static TestServer start(Routes... routes) {
        return start(WebSettings.of("127.0.0.1", 0), routes);
    }

    public static TestServer start(WebSettings settings, Routes... routes) {
        return new TestServer(WebServer.create(settings, List.of(routes)).start());
    }

    /** With per-route rate limits in front of the routes. */
    public static TestServer start(RateLimiter limiter, List<RouteLimit> limits, Routes... routes) {
        return new TestServer(WebServer.create(WebSettings.of("127.0.0.1", 0), List.of(routes), limiter, limits).start());
    }

    public WebServer server() {
        return server;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    public HttpRequest.Builder request(String path, String... headers) {
        var builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
        if (headers.length > 0) builder.headers(headers);
        return builder;
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    public HttpResponse<String> post(String path, String json, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /**
     * A POST that asks first ({@code Expect: 100-continue}, as curl does for large bodies): a server refusing the size
     * answers before the body is sent, instead of closing while the client is still writing it (then the answer can
     * be lost in the reset, and a test would fail now and then for the wrong reason).
     */
    public HttpResponse<String> postAskingFirst(String path, String json, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/json").expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> delete(String path, String... headers) {
        return send(request(path, headers).DELETE());
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    /** An RFC 9457 problem with this status and slug, and every member filled in; returns its body. */
    public static JsonNode assertProblem(HttpResponse<String> response, int status, String slug) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        var problem = json(response);
        assertThat(problem.path("type").asText()).isEqualTo("https://scrollback.dev/problems/" + slug);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(problem.path("instance").asText()).isEqualTo(response.uri().getPath());
        return problem;
    }

    public static void assertSecurityHeaders(HttpResponse<String> response) {
        var headers = response.headers();
        assertThat(headers.firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("default-src 'none'").contains("frame-ancestors 'none'"));
        assertThat(headers.firstValue("Strict-Transport-Security")).hasValueSatisfying(v -> assertThat(v).startsWith("max-age="));
        assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(headers.firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(headers.firstValue("Permissions-Policy")).hasValueSatisfying(
                v -> assertThat(v).contains("camera=()").contains("microphone=()").contains("geolocation=()"));
        assertThat(headers.firstValue("Cache-Control")).hasValue("no-store");
    }

    @Override
    public void close() {
        client.shutdownNow();
        server.stop();
    }
}

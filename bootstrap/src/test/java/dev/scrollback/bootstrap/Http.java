package dev.scrollback.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A real HTTP client (java.net.http) speaking JSON to the running server. */
final class Http {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Answer(int status, String contentType, JsonNode body) {}

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private volatile String lastRetryAfter = "";

    Http(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    Answer get(String path, String token) throws IOException, InterruptedException {
        return send(request(path, token).GET());
    }

    Answer get(String path) throws IOException, InterruptedException {
        return get(path, "");
    }

    /**
     * A large body is sent with {@code Expect: 100-continue}, as curl does: a server that refuses it for its size answers
     * 413 before the body is sent, rather than closing a connection the client is still writing to (which HTTP allows,
     * and which a client then sees as a reset instead of the 413).
     */
    Answer post(String path, Map<String, ?> body, String token) throws IOException, InterruptedException {
        var json = JSON.writeValueAsString(body);
        return send(request(path, token).header("Content-Type", "application/json")
                .expectContinue(json.length() > LARGE_BODY_CHARS)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static final int LARGE_BODY_CHARS = 16 * 1024;

    Answer post(String path, Map<String, ?> body) throws IOException, InterruptedException {
        return post(path, body, "");
    }

    Answer delete(String path, String token) throws IOException, InterruptedException {
        return send(request(path, token).DELETE());
    }

    /** The Retry-After header of the last answer, or empty. */
    String lastRetryAfter() {
        return lastRetryAfter;
    }

    /** Logs in and returns the access token. */
    String logIn(String handle, String password) throws IOException, InterruptedException {
        var answer = post("/api/v1/sessions", Map.of("handle", handle, "password", password));
        if (answer.status() != 201) throw new AssertionError("login of " + handle + " failed: " + answer);
        return answer.body().get("accessToken").asText();
    }

    HttpRequest.Builder request(String path, String token) {
        var builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        return token.isEmpty() ? builder : builder.header("Authorization", "Bearer " + token);
    }

    Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        lastRetryAfter = response.headers().firstValue("Retry-After").orElse("");
        var body = response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), body);
    }
}

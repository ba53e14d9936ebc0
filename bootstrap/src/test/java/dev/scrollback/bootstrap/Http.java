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

    /**
     * Posts {@code body} chunked (no length given) over a raw socket that reads the answer while it sends: a server that
     * refuses the body part way answers and closes, and a client that writes to its end before reading would see only
     * the reset that follows, never the answer (the JDK's client, once in a while).
     */
    Answer postChunkedWhileReading(String path, String token, byte[] body) throws IOException, InterruptedException {
        var port = Integer.parseInt(base.substring(base.lastIndexOf(':') + 1));
        try (var socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            var out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + (token.isEmpty() ? "" : "Authorization: Bearer " + token + "\r\n")
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            var sender = Thread.ofPlatform().daemon().start(() -> {
                try {
                    for (int at = 0; at < body.length; at += 4096) {
                        int n = Math.min(4096, body.length - at);
                        out.write((Integer.toHexString(n) + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                        out.write(body, at, n);
                        out.write("\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    }
                    out.write("0\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                } catch (IOException closedByTheServer) {
                    // it answered and closed: what a refused sender sees
                }
            });
            var raw = new java.io.ByteArrayOutputStream();
            var in = socket.getInputStream();
            var buffer = new byte[8192];
            try {
                for (int n; !answered(raw.toByteArray()) && (n = in.read(buffer)) >= 0; ) raw.write(buffer, 0, n);
            } catch (java.net.SocketException reset) {
                if (raw.size() == 0) throw reset;
            }
            sender.join(10_000);
            return parsed(raw.toString(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** Whether {@code raw} holds a whole answer: its head, and a body of its Content-Length (or a last chunk). */
    private static boolean answered(byte[] raw) {
        var text = new String(raw, java.nio.charset.StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) return false;
        var head = text.substring(0, end).toLowerCase(java.util.Locale.ROOT);
        var length = java.util.regex.Pattern.compile("content-length: *(\\d+)").matcher(head);
        if (length.find()) return raw.length - (end + 4) >= Integer.parseInt(length.group(1));
        return head.contains("transfer-encoding: chunked") && text.endsWith("0\r\n\r\n");
    }

    private static Answer parsed(String text) throws IOException {
        int end = text.indexOf("\r\n\r\n");
        var head = text.substring(0, end);
        var status = Integer.parseInt(head.substring(9, 12));
        var type = head.lines().filter(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("content-type:"))
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("");
        var body = text.substring(end + 4);
        if (head.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
            var joined = new StringBuilder();
            for (int at = 0; ; ) {
                int line = body.indexOf("\r\n", at);
                int size = Integer.parseInt(body.substring(at, line).strip(), 16);
                if (size == 0) break;
                joined.append(body, line + 2, line + 2 + size);
                at = line + 2 + size + 2;
            }
            body = joined.toString();
        }
        return new Answer(status, type, body.isBlank() ? JSON.nullNode() : JSON.readTree(body));
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

    /** A DELETE with a JSON body (a confirmation, such as erasing one's own account). */
    Answer delete(String path, Map<String, ?> body, String token) throws IOException, InterruptedException {
        return send(request(path, token).header("Content-Type", "application/json")
                .method("DELETE", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    /** A GET whose answer is kept as text, not parsed (a download such as NDJSON). */
    HttpResponse<String> text(String path, String token) throws IOException, InterruptedException {
        return client.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofString());
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

package dev.scrollback.adapters.web;

import static dev.scrollback.adapters.web.TestServer.assertProblem;
import static dev.scrollback.adapters.web.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.web.shared.BodyLimit;
import io.javalin.config.RoutesConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SPEC §5, bounded input: every body is held to the server's limit, except on a route that declares its own; whether
 * the size is declared or the body is chunked, and whoever reads it.
 */
class BodyLimitsTest {
    static final int SERVER_LIMIT = 1024;
    static final int BIG_LIMIT = 8192;

    static final Routes PROBES = new Routes() {
        @Override
        public void addTo(RoutesConfig routes) {
            routes.post("/probe/small", ctx -> ctx.json(Map.of("bytes", ctx.bodyAsBytes().length)));
            routes.post("/probe/big", ctx -> ctx.json(Map.of("bytes", ctx.bodyAsBytes().length)));
            routes.post("/probe/stream", ctx -> ctx.json(Map.of("bytes", ctx.req().getInputStream().readAllBytes().length)));
            routes.post("/probe/reader", ctx -> ctx.json(Map.of("chars", ctx.req().getReader().lines()
                    .mapToInt(String::length).sum())));
        }

        @Override
        public List<BodyLimit> bodyLimits() {
            return List.of(new BodyLimit("POST", "/probe/big", BIG_LIMIT));
        }
    };

    final TestServer server = TestServer.start(new WebSettings("127.0.0.1", 0, SERVER_LIMIT), PROBES);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void a_route_with_its_own_limit_takes_a_body_that_every_other_route_refuses() {
        var body = "x".repeat(4000);
        var big = server.postAskingFirst("/probe/big", body);
        assertThat(big.statusCode()).isEqualTo(200);
        assertThat(json(big).path("bytes").asInt()).isEqualTo(4000);

        var small = server.postAskingFirst("/probe/small", body);
        assertProblem(small, 413, "content-too-large");
        assertThat(json(small).path("detail").asText()).contains(Integer.toString(SERVER_LIMIT));
        assertProblem(server.postAskingFirst("/probe/big/", body), 413, "content-too-large");   // only the exact path
    }

    @Test
    void past_its_own_limit_the_route_refuses_too_and_says_which_limit() {
        var response = server.postAskingFirst("/probe/big", "x".repeat(BIG_LIMIT + 1));
        assertProblem(response, 413, "content-too-large");
        assertThat(json(response).path("detail").asText()).contains(Integer.toString(BIG_LIMIT));
    }

    @Test
    void chunked_bodies_without_a_length_are_counted_against_each_routes_limit() {
        assertThat(chunked("/probe/big", 4000).statusCode()).isEqualTo(200);
        assertProblem(chunked("/probe/small", 4000), 413, "content-too-large");
        assertProblem(chunked("/probe/big", BIG_LIMIT + 1), 413, "content-too-large");
        assertThat(chunked("/probe/small", SERVER_LIMIT).statusCode()).as("exactly the limit").isEqualTo(200);
    }

    @Test
    void a_handler_reading_the_raw_stream_or_reader_is_held_to_the_limit_as_well() {
        // Javalin's own limit is the largest route's (8 KiB); these read past Javalin, and still stop at 1 KiB
        assertProblem(chunked("/probe/stream", 4000), 413, "content-too-large");
        assertProblem(chunked("/probe/reader", 4000), 413, "content-too-large");
        assertThat(json(chunked("/probe/stream", 1000)).path("bytes").asInt()).isEqualTo(1000);
    }

    @Test
    void an_endless_chunked_body_is_refused_after_the_limit_not_read_to_its_end() throws Exception {
        // A raw socket that keeps sending while it reads: an HTTP client that writes the whole body before reading
        // may see only the reset that follows the answer (the server closes a connection whose body it will not read)
        try (var socket = new Socket("127.0.0.1", server.server().port())) {
            socket.setSoTimeout(10_000);
            var out = socket.getOutputStream();
            out.write(("POST /probe/small HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            var sent = new AtomicLong();
            var sender = Thread.ofPlatform().daemon().start(() -> {
                var chunk = ("1000\r\n" + "x".repeat(0x1000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                try {
                    while (sent.get() < ENDLESS_ENOUGH) {
                        out.write(chunk);
                        sent.addAndGet(0x1000);
                    }
                } catch (IOException refused) {
                    // the server closed the connection: what an endless sender should see
                }
            });
            var answer = new String(readUntilClosed(socket.getInputStream()), StandardCharsets.UTF_8);
            sender.join(10_000);

            assertThat(answer).startsWith("HTTP/1.1 413 ").contains("content-too-large");
            assertThat(sent.get()).as("what the client had sent when the server stopped reading")
                    .isLessThan(ENDLESS_ENOUGH);
        }
        assertThat(chunked("/probe/small", 10).statusCode()).as("and the server serves on").isEqualTo(200);
    }

    /** Far more than any limit here: a server that read a body to its end would have taken all of it. */
    private static final long ENDLESS_ENOUGH = 256L * 1024 * 1024;

    /** What the server answered, up to its close (or reset, after the answer was read). */
    private static byte[] readUntilClosed(InputStream in) throws IOException {
        var answer = new ByteArrayOutputStream();
        var buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) answer.write(buffer, 0, n);
        } catch (SocketException reset) {
            if (answer.size() == 0) throw reset;
        }
        return answer.toByteArray();
    }

    private HttpResponse<String> chunked(String path, int bytes) {
        var body = "x".repeat(bytes).getBytes();
        return server.send(server.request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
    }
}

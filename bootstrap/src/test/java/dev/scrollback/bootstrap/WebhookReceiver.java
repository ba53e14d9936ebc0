package dev.scrollback.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A receiver of webhook messages on 127.0.0.1, as an integrator would run one: it keeps every request it gets (headers,
 * exact body) and answers {@link #failing} requests with 503 before it accepts with 204. Signatures are checked with
 * the Standard Webhooks reference library ({@code com.standardwebhooks}), not with the code that made them.
 */
final class WebhookReceiver implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    /** One request as received: lower-case header names, the body's exact text. */
    record Received(Map<String, List<String>> headers, String body, int answered) {
        String header(String name) {
            var values = headers.get(name);
            return values == null ? null : values.getFirst();
        }

        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }

        long position() {
            return Long.parseLong(header("webhook-position"));
        }

        boolean acknowledged() {
            return answered >= 200 && answered < 300;
        }

        /** Whether {@code secret} signed it, by the reference library's signature for its id, timestamp and body. */
        boolean signedBy(String secret) throws Exception {
            var expected = new Webhook(secret).sign(header("webhook-id"), Long.parseLong(header("webhook-timestamp")), body);
            return Arrays.asList(header("webhook-signature").split(" ")).contains(expected);
        }

        /** The reference library's full check, which also wants the timestamp within 5 minutes of the real time. */
        void verify(String secret) throws Exception {
            new Webhook(secret).verify(body, headers);
        }
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger failing = new AtomicInteger();
    private final HttpServer server;

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hooks", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks?tenant=t1";
    }

    private void handle(HttpExchange exchange) throws IOException {
        var headers = new TreeMap<String, List<String>>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        int status = failing.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 204;
        received.add(new Received(headers, body, status));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    /** What was acknowledged, in the order received. */
    List<Received> acknowledged() {
        var ok = new ArrayList<Received>();
        for (var r : received) if (r.acknowledged()) ok.add(r);
        return ok;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

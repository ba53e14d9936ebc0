package dev.scrollback.adapters.web.terminal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** A real WebSocket client (java.net.http) on the web terminal: collects what it prints, types, resizes. */
final class TerminalSocket implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newHttpClient();
    private final StringBuilder seen = new StringBuilder();
    private final CompletableFuture<String> closed = new CompletableFuture<>();
    private final WebSocket socket;
    private int mark;

    private TerminalSocket(URI uri, String... headers) throws Exception {
        var builder = client.newWebSocketBuilder().connectTimeout(WAIT);
        for (int i = 0; i + 1 < headers.length; i += 2) builder.header(headers[i], headers[i + 1]);
        socket = builder.buildAsync(uri, new Listener()).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    static TerminalSocket open(int port, String... headers) throws Exception {
        return new TerminalSocket(URI.create("ws://127.0.0.1:" + port + "/ws/terminal"), headers);
    }

    /** Waits until {@code text} appears after everything already expected; returns what came up to and including it. */
    String expect(String text) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        synchronized (seen) {
            while (true) {
                int at = seen.indexOf(text, mark);
                if (at >= 0) {
                    var upTo = seen.substring(mark, at + text.length());
                    mark = at + text.length();
                    return upTo;
                }
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0 || closed.isDone() && seen.indexOf(text, mark) < 0) {
                    throw new AssertionError("expected '" + text + "' but the terminal showed:\n" + seen.substring(mark)
                            + (closed.isDone() ? "\n(closed: " + closed.getNow("") + ")" : ""));
                }
                seen.wait(Math.min(left, 200));
            }
        }
    }

    void type(String text) {
        binary(text.getBytes(StandardCharsets.UTF_8));
    }

    void binary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
    }

    void text(String message) {
        socket.sendText(message, true).join();
    }

    void resize(int columns, int rows) {
        text("{\"type\":\"resize\",\"cols\":" + columns + ",\"rows\":" + rows + "}");
    }

    /** The server's close as {@code "status reason"}, once it comes. */
    String closedBy() throws Exception {
        return closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Hangs up like a browser tab being closed. */
    void hangUp() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    }

    @Override
    public void close() {
        socket.abort();
        client.shutdownNow();
    }

    private final class Listener implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            var bytes = new byte[data.remaining()];
            data.get(bytes);
            synchronized (seen) {
                seen.append(new String(bytes, StandardCharsets.UTF_8));
                seen.notifyAll();
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode + " " + reason);
            synchronized (seen) {
                seen.notifyAll();
            }
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete("error " + error);
            synchronized (seen) {
                seen.notifyAll();
            }
        }
    }
}

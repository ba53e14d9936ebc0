package dev.scrollback.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrollback.adapters.web.WebServer;
import dev.scrollback.application.shared.ControlledClock;
import java.net.URI;
import java.nio.file.Path;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4, item 4 (second half): the web terminal runs the very same session engine as telnet. A browser-like client
 * opens {@code /ws/terminal} on the real server, sees the banner and the login prompt, logs in as the sysop and reaches
 * the main menu; closing the socket ends the session as a dropped line. The page is served under the security headers.
 */
class WebTerminalEndToEndTest {
    @TempDir
    Path data;

    final ControlledClock clock = ControlledClock.at("2031-06-01T09:00:00Z");

    @Test
    void the_page_is_served_with_the_security_headers_and_a_policy_that_admits_only_this_server() throws Exception {
        try (var bbs = TestBbs.start(data, clock); var client = HttpClient.newHttpClient()) {
            var page = client.send(HttpRequest.newBuilder(uri(bbs, "http", "/terminal")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("/terminal/xterm.js", "/terminal/terminal.js");
            var headers = page.headers();
            assertThat(headers.allValues("Content-Security-Policy")).singleElement().satisfies(csp -> assertThat(csp)
                    .contains("default-src 'none'", "script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'")
                    .doesNotContain("unsafe"));
            assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(headers.firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(headers.firstValue("Strict-Transport-Security")).isPresent();
            assertThat(headers.firstValue("Permissions-Policy")).isPresent();
            var xterm = client.send(HttpRequest.newBuilder(uri(bbs, "http", "/terminal/xterm.js")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(xterm.statusCode()).isEqualTo(200);
            assertThat(xterm.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
        }
    }

    @Test
    void a_caller_logs_in_in_the_browser_reaches_the_main_menu_and_a_closed_socket_ends_the_session() throws Exception {
        try (var bbs = TestBbs.start(data, clock); var browser = new Browser(uri(bbs, "ws", "/ws/terminal"))) {
            browser.resize(100, 30);
            var banner = browser.expect("Handle: ");
            assertThat(banner).contains("Scrollback");
            browser.type(TestBbs.SYSOP + "\r");
            browser.expect("Password: ");
            browser.type(TestBbs.SYSOP_PASSWORD + "\r");
            assertThat(browser.expect("Your choice: ")).contains("Welcome, " + TestBbs.SYSOP + "!", "[G]");

            var sysop = bbs.sysop();
            var started = WalkingSkeletonEndToEndTest.untilTrue(() -> feed(bbs, sysop).stream()
                    .filter(e -> e.get("type").asText().equals("SessionStarted")
                            && e.get("data").get("channel").asText().equals("web")
                            && e.get("data").has("terminal") && !e.get("data").get("terminal").isNull())
                    .map(e -> e.get("data").get("session").asText()).findFirst().orElse(""));
            var sessionStarted = feed(bbs, sysop).stream()
                    .filter(e -> e.get("type").asText().equals("SessionStarted")
                            && e.get("data").get("session").asText().equals(started)).findFirst().orElseThrow();
            assertThat(sessionStarted.get("data").get("terminal").get("type").asText()).isEqualTo("xterm-256color");
            assertThat(sessionStarted.get("data").get("terminal").get("width").asInt()).isEqualTo(100);
            assertThat(sessionStarted.get("origin").get("channel").asText()).isEqualTo("web");
            assertThat(sessionStarted.get("origin").get("address").asText()).isEqualTo("127.0.0.1");

            browser.hangUp();
            var reason = WalkingSkeletonEndToEndTest.untilTrue(() -> feed(bbs, sysop).stream()
                    .filter(e -> e.get("type").asText().equals("SessionEnded")
                            && e.get("data").get("session").asText().equals(started))
                    .map(e -> e.get("data").get("reason").asText() + " via " + e.get("origin").get("channel").asText())
                    .findFirst().orElse(""));
            assertThat(reason).isEqualTo("dropped via web");
        }
    }

    private static List<JsonNode> feed(TestBbs bbs, String token) throws Exception {
        return WalkingSkeletonEndToEndTest.readFeed(bbs.web(), token);
    }

    private static URI uri(TestBbs bbs, String scheme, String path) {
        return URI.create(scheme + "://127.0.0.1:" + bbs.app().getBean(WebServer.class).port() + path);
    }

    /** What the page does, from java.net.http: binary frames of typed bytes, resize messages, output collected. */
    static final class Browser implements AutoCloseable {
        private static final Duration WAIT = Duration.ofSeconds(30);
        private final HttpClient client = HttpClient.newHttpClient();
        private final StringBuilder seen = new StringBuilder();
        private final CompletableFuture<String> closed = new CompletableFuture<>();
        private final WebSocket socket;
        private int mark;

        Browser(URI uri) throws Exception {
            socket = client.newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {
                @Override
                public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer bytes, boolean last) {
                    var chunk = new byte[bytes.remaining()];
                    bytes.get(chunk);
                    synchronized (seen) {
                        seen.append(new String(chunk, StandardCharsets.UTF_8));
                        seen.notifyAll();
                    }
                    webSocket.request(1);
                    return null;
                }

                @Override
                public CompletionStage<?> onClose(WebSocket webSocket, int status, String reason) {
                    closed.complete(status + " " + reason);
                    return null;
                }
            }).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }

        void resize(int columns, int rows) {
            socket.sendText("{\"type\":\"resize\",\"cols\":" + columns + ",\"rows\":" + rows + "}", true).join();
        }

        void type(String text) {
            socket.sendBinary(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), true).join();
        }

        String expect(String text) throws InterruptedException {
            var deadline = Instant.now().plus(WAIT);
            synchronized (seen) {
                while (true) {
                    int at = seen.indexOf(text, mark);
                    if (at >= 0) {
                        var upTo = seen.substring(mark, at + text.length());
                        mark = at + text.length();
                        return upTo;
                    }
                    long left = Duration.between(Instant.now(), deadline).toMillis();
                    if (left <= 0) throw new AssertionError("expected '" + text + "' but saw:\n" + seen.substring(mark));
                    seen.wait(Math.min(left, 200));
                }
            }
        }

        void hangUp() throws Exception {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "tab closed").join();
            closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            socket.abort();
            client.shutdownNow();
        }
    }
}

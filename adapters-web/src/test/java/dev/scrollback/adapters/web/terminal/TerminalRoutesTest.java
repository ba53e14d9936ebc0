package dev.scrollback.adapters.web.terminal;

import static dev.scrollback.adapters.web.TestServer.assertSecurityHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.web.TestServer;
import dev.scrollback.application.sessions.SessionActivity;
import dev.scrollback.application.shared.RateLimiter;
import dev.scrollback.application.terminal.TerminalConnection;
import dev.scrollback.application.terminal.Terminals;
import dev.scrollback.domain.shared.Channel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The page and the socket on the real server, with a small line-echoing engine behind the terminal port: what the
 * browser types reaches the engine, what the engine prints reaches the browser, and bad callers lose only their own.
 */
class TerminalRoutesTest {
    final Echo engine = new Echo();
    final SessionActivity activity = new SessionActivity(Clock.systemUTC());

    @Test
    void the_page_loads_xterm_from_this_server_under_a_policy_that_allows_nothing_else() {
        try (var server = TestServer.start(routes(settings()))) {
            var page = server.get("/terminal");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            assertThat(page.body()).contains("<script src=\"/terminal/xterm.js\"", "<script src=\"/terminal/terminal.js\"")
                    .doesNotContain("<script>", "style=");
            assertSecurityHeaders(page);
            assertThat(page.headers().allValues("Content-Security-Policy")).containsExactly(TerminalRoutes.PAGE_POLICY);
            assertThat(TerminalRoutes.PAGE_POLICY).doesNotContain("unsafe", "*", "http");

            var xterm = server.get("/terminal/xterm.js");
            assertThat(xterm.statusCode()).isEqualTo(200);
            assertThat(xterm.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
            assertThat(xterm.body()).contains("Terminal");
            assertThat(server.get("/terminal/xterm.css").body()).contains(".xterm");
            assertThat(server.get("/terminal/terminal.js").body()).contains("/ws/terminal", "resize");
            assertSecurityHeaders(server.get("/terminal/terminal.css"));
            assertThat(server.get("/terminal/../pom.xml").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void the_engine_runs_on_the_socket_with_the_browsers_size_and_ends_when_the_socket_closes() throws Exception {
        try (var server = TestServer.start(routes(settings()));
             var browser = TerminalSocket.open(server.server().port())) {
            browser.resize(132, 43);
            browser.expect("Handle: ");
            browser.type("Zoë\r");
            browser.expect("Hello Zoë on a 132x43 xterm-256color via web from 127.0.0.1\r\n");
            browser.hangUp();
            assertThat(engine.ended.poll(30, TimeUnit.SECONDS)).isEqualTo("input ended");
        }
    }

    @Test
    void hostile_frames_close_only_that_socket() throws Exception {
        try (var server = TestServer.start(routes(settings()));
             var steady = TerminalSocket.open(server.server().port())) {
            steady.expect("Handle: ");
            for (var hostile : List.<java.util.function.Consumer<TerminalSocket>>of(
                    s -> s.text("{\"type\":\"resize\",\"cols\":-5,\"rows\":24}"),
                    s -> s.text("not json at all"),
                    s -> s.text("{\"type\":\"exec\",\"cmd\":\"ls\"}"),
                    s -> s.binary(new byte[0]))) {
                try (var bad = TerminalSocket.open(server.server().port())) {
                    bad.expect("Handle: ");
                    hostile.accept(bad);
                    assertThat(bad.closedBy()).startsWith("1008 ");
                }
            }
            try (var over = TerminalSocket.open(server.server().port())) {
                over.expect("Handle: ");
                over.binary(new byte[TerminalFrames.MAX_INPUT_BYTES + 1]);
                assertThat(over.closedBy()).startsWith("1009");        // Jetty's limit: the frame never reaches us
            }
            try (var huge = TerminalSocket.open(server.server().port())) {
                huge.expect("Handle: ");
                try {
                    huge.binary(new byte[1024 * 1024]);
                } catch (java.util.concurrent.CompletionException closedWhileSending) {
                    // the server may hang up before the whole megabyte is out
                }
                assertThat(huge.closedBy()).matches("1009.*|error .*(Broken pipe|reset).*");
            }
            steady.type("Still here\r");
            steady.expect("Hello Still here on a 80x24");
        }
    }

    @Test
    void a_socket_opened_by_another_sites_page_is_refused() throws Exception {
        try (var server = TestServer.start(routes(settings()
                .withPublicOrigin(URI.create("https://bbs.example.test"))));
             var evil = TerminalSocket.open(server.server().port(), "Origin", "https://evil.example.test")) {
            assertThat(evil.closedBy()).isEqualTo("1008 cross-origin socket");
        }
        var routes = routes(settings().withPublicOrigin(URI.create("https://bbs.example.test")));
        assertThat(routes.sameOrigin(null, "127.0.0.1:8080")).as("not a browser").isTrue();
        assertThat(routes.sameOrigin("http://127.0.0.1:8080", "127.0.0.1:8080")).isTrue();
        assertThat(routes.sameOrigin("https://bbs.example.test", "10.0.0.5:8080")).as("behind a proxy").isTrue();
        assertThat(routes.sameOrigin("http://bbs.example.test", "10.0.0.5:8080")).as("scheme differs").isFalse();
        assertThat(routes.sameOrigin("http://127.0.0.1:8081", "127.0.0.1:8080")).isFalse();
        assertThat(routes.sameOrigin("null", "127.0.0.1:8080")).isFalse();
        assertThat(routes.sameOrigin("::garbage::", "127.0.0.1:8080")).isFalse();
    }

    @Test
    void beyond_the_session_cap_a_caller_is_told_to_try_later() throws Exception {
        try (var server = TestServer.start(routes(settings().withMaxSessions(1)));
             var first = TerminalSocket.open(server.server().port())) {
            first.expect("Handle: ");
            try (var second = TerminalSocket.open(server.server().port())) {
                second.expect("too many callers right now");
                assertThat(second.closedBy()).isEqualTo("1013 too many callers");
            }
            first.hangUp();
            assertThat(engine.ended.poll(30, TimeUnit.SECONDS)).isEqualTo("input ended");
            try (var third = TerminalSocket.open(server.server().port())) {
                third.expect("Handle: ");
            }
        }
    }

    @Test
    void an_address_that_opens_too_many_sockets_is_turned_away() throws Exception {
        var counted = new AtomicInteger();
        RateLimiter twoOnly = (limit, key) -> {
            assertThat(limit).isEqualTo(WebTerminalSettings.CONNECTIONS_PER_ADDRESS);
            assertThat(key).isEqualTo("127.0.0.1");
            return counted.incrementAndGet() <= 2
                    ? new RateLimiter.Decision.Allowed(2, 2 - counted.get(), Duration.ofMinutes(1))
                    : new RateLimiter.Decision.Denied(2, Duration.ofSeconds(30));
        };
        try (var server = TestServer.start(new TerminalRoutes(engine, activity, twoOnly,
                settings()))) {
            for (int i = 0; i < 2; i++) {
                try (var fine = TerminalSocket.open(server.server().port())) {
                    fine.expect("Handle: ");
                }
            }
            try (var third = TerminalSocket.open(server.server().port())) {
                third.expect("Too many connections from your address; please try again in 5 minutes.");
                assertThat(third.closedBy()).isEqualTo("1013 too many connections");
            }
            try (var banned = TerminalSocket.open(server.server().port())) {
                banned.expect("Too many connections from your address");
            }
            assertThat(counted).as("a banned address costs the shared limiter nothing").hasValue(3);
        }
    }

    /** The defaults, but no wait for a first resize: these callers get their prompt at once. */
    private static WebTerminalSettings settings() {
        var defaults = WebTerminalSettings.defaults(Clock.systemUTC());
        return new WebTerminalSettings(defaults.maxSessions(), defaults.connectionLimit(), defaults.ban(), Duration.ZERO,
                defaults.stalledWrite(), defaults.publicOrigin(), defaults.clock());
    }

    private TerminalRoutes routes(WebTerminalSettings settings) {
        return new TerminalRoutes(engine, activity, (limit, key) -> new RateLimiter.Decision.Allowed(10, 9, Duration.ZERO),
                settings);
    }

    /** A tiny engine: asks for a handle, greets with what it knows of the terminal, then echoes lines until the end. */
    static final class Echo implements Terminals {
        final BlockingQueue<String> ended = new LinkedBlockingQueue<>();

        @Override
        public void serve(TerminalConnection connection) {
            try {
                var out = connection.output();
                out.write("Banner\r\nHandle: ".getBytes(StandardCharsets.UTF_8));
                while (true) {
                    var line = line(connection);
                    if (line == null) break;
                    var terminal = connection.terminal();
                    var origin = connection.origin();
                    assertThat(origin.channel()).isEqualTo(Channel.WEB);
                    out.write(("\r\nHello " + line + " on a " + terminal.width() + "x" + terminal.height() + " "
                            + terminal.type() + " via " + origin.channel().wireName() + " from "
                            + origin.address().map(a -> a.value()).orElse("?") + "\r\n").getBytes(StandardCharsets.UTF_8));
                }
                ended.add("input ended");
            } catch (IOException e) {
                ended.add("failed: " + e.getMessage());
            }
        }

        private static String line(TerminalConnection connection) throws IOException {
            var bytes = new ByteArrayOutputStream();
            for (int b; (b = connection.input().read()) >= 0; ) {
                if (b == '\r') return bytes.toString(StandardCharsets.UTF_8);
                bytes.write(b);
            }
            return null;
        }
    }
}

package dev.scrollback.adapters.telnet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.application.shared.ControlledClock;
import dev.scrollback.application.shared.RateLimiter;
import dev.scrollback.application.shared.RateLimiter.Decision.Allowed;
import dev.scrollback.application.shared.RateLimiter.Decision.Denied;
import dev.scrollback.application.terminal.Terminals;
import dev.scrollback.domain.shared.RemoteAddress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Connections per address over real sockets, on a clock the test moves. */
class ConnectionLimitTest {
    static final RateLimiter.Limit THREE_PER_MINUTE = new RateLimiter.Limit("telnet-connections", 3, Duration.ofMinutes(1));

    final ControlledClock clock = ControlledClock.at("2025-03-01T20:00:00Z");
    final FixedWindows limiter = new FixedWindows(clock);
    final List<Object> served = new CopyOnWriteArrayList<>();
    final Terminals hello = connection -> {
        served.add(connection);
        try {
            connection.output().write("hello\n".getBytes(StandardCharsets.US_ASCII));
            connection.output().flush();
        } catch (IOException e) {
            // hung up
        }
    };
    TelnetServer server;

    int start() {
        var settings = new TelnetSettings("127.0.0.1", 0, 50, Duration.ZERO)
                .withConnectionLimit(THREE_PER_MINUTE, Duration.ofMinutes(5), clock);
        server = new TelnetServer(settings, hello, limiter);
        server.start();
        return server.port();
    }

    @AfterEach
    void stop() {
        if (server != null) server.stop();
    }

    @Test
    void callers_within_the_limit_are_served() throws Exception {
        int port = start();
        for (int i = 0; i < 3; i++) servedOnce(port);
        assertThat(served).hasSize(3);
    }

    @Test
    void one_connection_too_many_is_told_politely_and_hung_up_on_without_a_session() throws Exception {
        int port = start();
        for (int i = 0; i < 3; i++) servedOnce(port);
        try (var caller = TestCaller.raw(port)) {
            caller.expect("Too many connections from your address; please try again in 5 minutes.\r\n");
            caller.awaitClosed();
            assertThat(caller.transcript()).doesNotContain("hello");
        }
        assertThat(served).hasSize(3);
    }

    @Test
    void the_ban_outlasts_the_limit_counts_down_and_then_ends() throws Exception {
        int port = start();
        for (int i = 0; i < 3; i++) servedOnce(port);
        refused(port, "5 minutes");
        clock.advance(Duration.ofMinutes(2));                  // the limit's window is over, the ban is not
        refused(port, "3 minutes");
        clock.advance(Duration.ofMinutes(2).plusSeconds(30));
        refused(port, "1 minute.");
        clock.advance(Duration.ofSeconds(30));
        servedOnce(port);
        assertThat(served).hasSize(4);
        assertThat(limiter.asked).isEqualTo(5);                // a banned caller costs the shared limiter nothing
    }

    @Test
    void a_limiter_that_fails_lets_callers_in() throws Exception {
        server = new TelnetServer(new TelnetSettings("127.0.0.1", 0, 50, Duration.ZERO), hello, (limit, key) -> {
            throw new IllegalStateException("redis is down (expected in this test)");
        });
        server.start();
        servedOnce(server.port());
    }

    @Test
    void the_gate_keeps_a_bounded_number_of_bans() {
        var gate = new ConnectionGate((limit, key) -> new Denied(1, Duration.ofMinutes(1)), THREE_PER_MINUTE,
                Duration.ofMinutes(5), clock);
        for (int i = 0; i < ConnectionGate.MAX_BANS + 500; i++) {
            assertThat(gate.refusal(Optional.of(new RemoteAddress("10." + (i >> 16) + "." + (i >> 8 & 255) + "." + (i & 255)))))
                    .isPresent();
        }
        assertThat(gate.bans()).isEqualTo(ConnectionGate.MAX_BANS);
        clock.advance(Duration.ofMinutes(5));
        gate.refusal(Optional.of(new RemoteAddress("192.0.2.1")));
        assertThat(gate.bans()).isEqualTo(1);
    }

    @Test
    void ipv6_callers_are_counted_by_their_64_block_and_ipv4_ones_by_address() {
        assertThat(ConnectionGate.key(Optional.of(new RemoteAddress("2001:db8:1:2:aaaa::1"))))
                .isEqualTo(ConnectionGate.key(Optional.of(new RemoteAddress("2001:db8:1:2:ffff::9"))))
                .isEqualTo("20010db800010002::/64");
        assertThat(ConnectionGate.key(Optional.of(new RemoteAddress("2001:db8:1:3::1")))).isEqualTo("20010db800010003::/64");
        assertThat(ConnectionGate.key(Optional.of(new RemoteAddress("::ffff:192.0.2.7")))).isEqualTo("192.0.2.7");
        assertThat(ConnectionGate.key(Optional.empty())).isEqualTo("unknown");
    }

    private void servedOnce(int port) throws Exception {
        try (var caller = TestCaller.raw(port)) {
            caller.expect("hello");
            caller.awaitClosed();
        }
    }

    private void refused(int port, String wait) throws Exception {
        try (var caller = TestCaller.raw(port)) {
            caller.expect("please try again in " + wait);
            caller.awaitClosed();
        }
    }

    /** The simplest limiter that fits the port: a fixed window per key on the test's clock. */
    static final class FixedWindows implements RateLimiter {
        private final ControlledClock clock;
        private final Map<String, Window> windows = new ConcurrentHashMap<>();
        volatile int asked;

        FixedWindows(ControlledClock clock) {
            this.clock = clock;
        }

        record Window(Instant start, int used) {}

        @Override
        public synchronized Decision acquire(Limit limit, String key) {
            asked++;
            var now = clock.instant();
            var window = windows.get(limit.name() + "/" + key);
            if (window == null || !now.isBefore(window.start().plus(limit.window()))) window = new Window(now, 0);
            var resetIn = Duration.between(now, window.start().plus(limit.window()));
            if (window.used() >= limit.permits()) return new Denied(limit.permits(), resetIn);
            windows.put(limit.name() + "/" + key, new Window(window.start(), window.used() + 1));
            return new Allowed(limit.permits(), limit.permits() - window.used() - 1, resetIn);
        }
    }
}

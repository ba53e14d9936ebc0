package dev.scrollback.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scrollback.application.live.LiveHub;
import dev.scrollback.application.sessions.SessionStreams;
import dev.scrollback.application.shared.Actor;
import dev.scrollback.application.shared.ControlledClock;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.EventMetadata;
import dev.scrollback.application.shared.ExpectedVersion;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.StreamAppend;
import dev.scrollback.domain.sessions.EndReason;
import dev.scrollback.domain.sessions.SessionEvent.SessionEnded;
import dev.scrollback.domain.shared.SessionId;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5 item 2 over a real socket: a {@code /ws} client that stops reading while the log keeps going is cut off with
 * 1013 and the position it must resume after — the last event it was sent — while a reading client goes on, and
 * resuming from that position loses nothing. The stuck client is a bare socket with a small receive window that
 * simply does not read (a browser tab in the background, a stalled integrator).
 */
class SlowLiveClientEndToEndTest {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Presence events (every caller is sent them), far more than the queue and both sockets' buffers hold. */
    static final int EVENTS = 30_000;

    @TempDir
    Path data;

    final ControlledClock clock = ControlledClock.at("2031-06-01T09:00:00Z");

    @Test
    void a_client_that_stops_reading_is_cut_off_with_where_to_resume_and_resuming_there_loses_nothing() throws Exception {
        try (var bbs = TestBbs.start(data, clock)) {
            bbs.signUp("Sleepy", "sleepy@example.test");
            var token = bbs.web().logIn("Sleepy", TestBbs.PASSWORD);
            var port = bbs.app().getBean(dev.scrollback.adapters.web.WebServer.class).port();
            var log = bbs.app().getBean(EventLog.class);

            try (var stuck = RawClient.open(port, "/ws?access_token=" + token)) {
                assertThat(stuck.nextFrame().path("type").asText()).isEqualTo("CaughtUp");
                long first = appendPresence(log, EVENTS);
                long last = first + EVENTS - 1;
                var hub = bbs.app().getBean(LiveHub.class);
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (hub.head() < last) {                          // all handed out (or refused) before it reads
                    assertThat(System.nanoTime()).as("the follower reaches the last event").isLessThan(deadline);
                    Thread.sleep(10);
                }

                var received = new ArrayList<Long>();
                String closed;
                while (true) {                                       // now read it all: the events, then the close
                    var frame = stuck.nextFrameOrClose();
                    if (frame.close() != null) {
                        closed = frame.close();
                        break;
                    }
                    if (!frame.json().path("ephemeral").asBoolean()) received.add(frame.json().path("position").asLong());
                }
                assertThat(received).as("cut off before the end").hasSizeLessThan(EVENTS).isNotEmpty();
                assertThat(received).as("in order, from the first, no gap").isEqualTo(range(first, received.size()));
                assertThat(closed).isEqualTo("1013 too slow: reconnect with after=" + received.getLast());

                try (var again = RawClient.open(port, "/ws?after=" + received.getLast() + "&access_token=" + token)) {
                    var resumed = new ArrayList<Long>();
                    while (true) {
                        var frame = again.nextFrame();
                        if (frame.path("type").asText().equals("CaughtUp")) break;
                        if (!frame.path("ephemeral").asBoolean()) resumed.add(frame.path("position").asLong());
                    }
                    assertThat(resumed).as("the rest, read from the store").isEqualTo(
                            range(received.getLast() + 1, (int) (last - received.getLast())));
                }
            }
        }
    }

    /** Appends {@code count} session endings (in 500s); returns the position of the first. */
    private long appendPresence(EventLog log, int count) {
        long first = -1;
        var metadata = EventMetadata.of(Actor.system(), Origin.system(), clock.instant());
        for (int done = 0; done < count; done += 500) {
            var appends = new ArrayList<StreamAppend>();
            for (int i = 0; i < Math.min(500, count - done); i++) {
                var session = new SessionId(UUID.randomUUID());
                appends.add(new StreamAppend(SessionStreams.session(session), ExpectedVersion.any(),
                        List.of(new SessionEnded(session, EndReason.DROPPED, Duration.ZERO, clock.instant()))));
            }
            var recorded = log.append(appends, metadata);
            if (first < 0) first = recorded.getFirst().position();
        }
        return first;
    }

    private static List<Long> range(long from, int count) {
        var positions = new ArrayList<Long>(count);
        for (int i = 0; i < count; i++) positions.add(from + i);
        return positions;
    }

    /** A bare RFC 6455 client: the upgrade by hand, then server frames (never masked) read only when asked. */
    static final class RawClient implements AutoCloseable {
        record Frame(JsonNode json, String close) {}

        private final Socket socket;
        private final DataInputStream in;

        private RawClient(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new DataInputStream(socket.getInputStream());
        }

        static RawClient open(int port, String path) throws IOException {
            var socket = new Socket();
            socket.setReceiveBufferSize(4_096);                 // a small window: the server's writes back up soon
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(60_000);
            var key = Base64.getEncoder().encodeToString(UUID.randomUUID().toString().substring(0, 16).getBytes(StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            var client = new RawClient(socket);
            var status = client.headers();
            assertThat(status).startsWith("HTTP/1.1 101");
            return client;
        }

        private String headers() throws IOException {
            var text = new ByteArrayOutputStream();
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) throw new IOException("closed during the upgrade: " + text);
                text.write(b);
                matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            return text.toString(StandardCharsets.US_ASCII);
        }

        JsonNode nextFrame() throws IOException {
            var frame = nextFrameOrClose();
            if (frame.close() != null) throw new IOException("closed: " + frame.close());
            return frame.json();
        }

        Frame nextFrameOrClose() throws IOException {
            while (true) {
                int first = in.readUnsignedByte();
                int opcode = first & 0x0f;
                long length = in.readUnsignedByte() & 0x7f;
                if (length == 126) length = in.readUnsignedShort();
                else if (length == 127) length = in.readLong();
                var payload = new byte[(int) length];
                in.readFully(payload);
                switch (opcode) {
                    case 0x1 -> {
                        return new Frame(JSON.readTree(payload), null);
                    }
                    case 0x8 -> {
                        int code = payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
                        var reason = payload.length > 2 ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8) : "";
                        return new Frame(null, code + " " + reason);
                    }
                    default -> { }                                  // pings and the like: not this test's business
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}

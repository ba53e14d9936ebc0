package dev.scrollback.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.telnet.TelnetServer;
import dev.scrollback.adapters.web.WebServer;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 2, item 5, through the real application: a caller whose connection drops and a caller who sends an oversized
 * subnegotiation each end only their own session, with the reason in the log, while a third caller carries on.
 */
class HostileCallersEndToEndTest {
    private static final int IAC = 255, SB = 250, NAWS = 31;

    @TempDir
    Path data;

    @Test
    void a_dropped_connection_and_garbage_bytes_end_only_their_own_sessions() throws Exception {
        try (var app = WalkingSkeletonEndToEndTest.start(data)) {
            int telnetPort = app.getBean(TelnetServer.class).port();
            var web = new Http(app.getBean(WebServer.class).port());

            try (var steady = TelnetCaller.connect(telnetPort)) {
                logIn(steady);

                var dropping = TelnetCaller.connect(telnetPort);
                logIn(dropping);
                dropping.close();                                     // hangs up without saying goodbye

                try (var garbage = new Socket("127.0.0.1", telnetPort)) {
                    var in = garbage.getInputStream();
                    var out = garbage.getOutputStream();
                    readUntil(in, "Handle: ");
                    out.write((WalkingSkeletonEndToEndTest.SYSOP + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    readUntil(in, "Password: ");
                    out.write((WalkingSkeletonEndToEndTest.SYSOP_PASSWORD + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    readUntil(in, "Your choice: ");
                    var flood = new byte[3 + 4096];                    // a subnegotiation that never ends
                    Arrays.fill(flood, (byte) 'A');
                    flood[0] = (byte) IAC;
                    flood[1] = (byte) SB;
                    flood[2] = (byte) NAWS;
                    out.write(flood);
                    out.flush();
                    assertThat(in.readAllBytes()).as("the server hangs up on the garbage").isNotNull();
                }

                var sysop = web.logIn(WalkingSkeletonEndToEndTest.SYSOP, WalkingSkeletonEndToEndTest.SYSOP_PASSWORD);
                var reasons = WalkingSkeletonEndToEndTest.untilTrue(() -> {
                    var ended = WalkingSkeletonEndToEndTest.readFeed(web, sysop).stream()
                            .filter(e -> e.get("type").asText().equals("SessionEnded"))
                            .map(e -> e.get("data").get("reason").asText()).sorted().toList();
                    return ended.size() == 2 ? String.join(",", ended) : "";
                });
                assertThat(reasons).isEqualTo("dropped,protocol_error");

                steady.key('W');                                      // the third caller is unaffected
                assertThat(steady.expect("Your choice: ")).contains("Who's online");
            }
        }
    }

    private static void logIn(TelnetCaller caller) throws Exception {
        caller.logIn(WalkingSkeletonEndToEndTest.SYSOP, WalkingSkeletonEndToEndTest.SYSOP_PASSWORD);
    }

    /** Reads raw bytes (negotiation included, unanswered) until the text appears. */
    private static void readUntil(InputStream in, String text) throws Exception {
        var seen = new ByteArrayOutputStream();
        var buffer = new byte[1024];
        while (!seen.toString(StandardCharsets.ISO_8859_1).contains(text)) {
            int n = in.read(buffer);
            if (n < 0) throw new AssertionError("closed before '" + text + "': " + seen.toString(StandardCharsets.ISO_8859_1));
            seen.write(buffer, 0, n);
        }
    }
}

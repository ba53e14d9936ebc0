package dev.scrollback.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.web.WebServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server process is killed with SIGKILL while a caller is logged in; the next start ends that session with reason
 * {@code restart} before it serves anyone, so who's online shows no ghost and a rebuilt projection agrees with it.
 */
class CrashRecoveryTest {
    private static final Pattern READY = Pattern.compile("telnet on port (\\d+), HTTP on port (\\d+)");

    @TempDir
    Path data;

    @Test
    void sessions_left_open_by_a_killed_server_end_with_reason_restart_at_the_next_start() throws Exception {
        var child = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), ScrollbackApplication.class.getName(), "serve")
                .redirectErrorStream(true);
        var env = child.environment();
        env.put("SCROLLBACK_DATA_DIR", data.toString());
        env.put("SCROLLBACK_TELNET_PORT", "0");
        env.put("SCROLLBACK_HTTP_PORT", "0");
        env.put("SCROLLBACK_TELNET_HOST", "127.0.0.1");
        env.put("SCROLLBACK_HTTP_HOST", "127.0.0.1");
        env.put("SCROLLBACK_SYSOP_HANDLE", WalkingSkeletonEndToEndTest.SYSOP);
        env.put("SCROLLBACK_SYSOP_PASSWORD", WalkingSkeletonEndToEndTest.SYSOP_PASSWORD);
        var process = child.start();
        try {
            int httpPort = httpPortOnceReady(process);
            var web = new Http(httpPort);
            var token = web.logIn(WalkingSkeletonEndToEndTest.SYSOP, WalkingSkeletonEndToEndTest.SYSOP_PASSWORD);
            WalkingSkeletonEndToEndTest.untilTrue(() ->         // the projection follows the log a moment later
                    web.get("/api/v1/presence", token).body().get("online").size() == 1 ? "online" : "");
        } finally {
            process.destroyForcibly();                       // SIGKILL: no shutdown hook, no SessionEnded
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        try (var app = WalkingSkeletonEndToEndTest.start(data)) {
            var web = new Http(app.getBean(WebServer.class).port());
            var token = web.logIn(WalkingSkeletonEndToEndTest.SYSOP, WalkingSkeletonEndToEndTest.SYSOP_PASSWORD);
            var feed = WalkingSkeletonEndToEndTest.readFeed(web, token);
            var restarted = feed.stream().filter(e -> e.get("type").asText().equals("SessionEnded")).toList();
            assertThat(restarted).as("the log after the restart: %s", feed.stream().map(e -> e.get("type").asText()).toList())
                    .hasSize(1);
            assertThat(restarted.getFirst().get("data").get("reason").asText()).isEqualTo("restart");
            assertThat(restarted.getFirst().get("actor").get("kind").asText()).isEqualTo("system");
            var online = WalkingSkeletonEndToEndTest.untilTrue(() -> {      // only the session just opened
                var now = web.get("/api/v1/presence", token).body().get("online");
                return now.size() == 1 ? now.toString() : "";
            });
            assertThat(online).contains(WalkingSkeletonEndToEndTest.SYSOP);
        }
    }

    /** Reads the child's log until it says it is ready, keeps draining it so the child never blocks on a full pipe. */
    private static int httpPortOnceReady(Process process) throws Exception {
        var port = new CompletableFuture<Integer>();
        var log = new StringBuilder();
        Thread.ofVirtual().start(() -> {
            try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    synchronized (log) {
                        log.append(line).append('\n');
                    }
                    var m = READY.matcher(line);
                    if (m.find()) port.complete(Integer.parseInt(m.group(2)));
                }
                port.completeExceptionally(new AssertionError("the server exited before it was ready:\n" + log));
            } catch (Exception e) {
                port.completeExceptionally(e);
            }
        });
        try {
            return port.get(120, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            synchronized (log) {
                throw new AssertionError("the server did not become ready:\n" + log);
            }
        }
    }
}

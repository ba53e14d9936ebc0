package dev.scrollback.bootstrap;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/** A Scrollback server in a JVM of its own, for tests that kill it or run a second instance beside this one. */
final class ChildServer {
    private static final Pattern READY = Pattern.compile("telnet on port (\\d+), HTTP on port (\\d+)");

    private ChildServer() {
    }

    /** Starts {@code serve} on this test's class path with {@code settings} as its environment. */
    static Process start(Map<String, String> settings) throws IOException {
        var child = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), ScrollbackApplication.class.getName(), "serve")
                .redirectErrorStream(true);
        child.environment().putAll(settings);
        return child.start();
    }

    /**
     * Reads the child's log until it says it is ready and returns its HTTP port; keeps draining the log so the child
     * never blocks on a full pipe. {@code name} says which server failed, with its log, if it never gets ready.
     */
    static int httpPortOnceReady(Process process, String name) throws Exception {
        var port = new CompletableFuture<Integer>();
        var log = new StringBuilder();
        Thread.ofVirtual().start(() -> {
            try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    synchronized (log) {
                        log.append(line).append('\n');
                    }
                    var ready = READY.matcher(line);
                    if (ready.find()) port.complete(Integer.parseInt(ready.group(2)));
                }
                port.completeExceptionally(new AssertionError(name + " exited before it was ready:\n" + log));
            } catch (Exception e) {
                port.completeExceptionally(e);
            }
        });
        try {
            return port.get(120, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            synchronized (log) {
                throw new AssertionError(name + " did not become ready:\n" + log);
            }
        }
    }
}

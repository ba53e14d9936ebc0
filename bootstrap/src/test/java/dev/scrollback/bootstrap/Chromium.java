package dev.scrollback.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A headless Chromium driven over the Chrome DevTools Protocol with nothing but the JDK's WebSocket: one tab, navigate,
 * evaluate JavaScript, wait for a condition. Enough to drive the web pages like a caller does, without a browser-driver
 * dependency. Needs the {@code chromium} command on the path (.ci/run installs it); a missing browser fails the test.
 */
final class Chromium implements AutoCloseable {
    private static final Duration START = Duration.ofSeconds(20);
    private static final Duration COMMAND = Duration.ofSeconds(15);
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String LISTENING = "DevTools listening on ";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path profile;
    private final HttpClient http = HttpClient.newHttpClient();
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final String session;

    private Chromium(Process process, Path profile, URI devtools) throws Exception {
        this.process = process;
        this.profile = profile;
        this.socket = http.newWebSocketBuilder().connectTimeout(COMMAND).buildAsync(devtools, new Listener())
                .get(COMMAND.toSeconds(), TimeUnit.SECONDS);
        var target = send(null, "Target.createTarget", Map.of("url", "about:blank")).get("targetId").asText();
        this.session = send(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true))
                .get("sessionId").asText();
        send(session, "Page.enable", Map.of());
        send(session, "Runtime.enable", Map.of());
    }

    /** Starts a fresh headless browser with its own throw-away profile. */
    static Chromium launch() throws Exception {
        var profile = Files.createTempDirectory("scrollback-chromium");
        Process process;
        try {
            process = new ProcessBuilder("chromium", "--headless=new", "--remote-debugging-port=0",
                    "--user-data-dir=" + profile, "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--no-first-run", "--no-default-browser-check", "--disable-extensions", "about:blank")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            delete(profile);
            throw new IllegalStateException("cannot start chromium (is the Debian package installed? .ci/run installs it)", e);
        }
        try {
            return new Chromium(process, profile, devtoolsAddress(process));
        } catch (Exception | Error e) {
            stop(process);
            delete(profile);
            throw e;
        }
    }

    /** Reads the browser's address from its stderr, then keeps draining stderr so the browser never blocks on it. */
    private static URI devtoolsAddress(Process process) throws Exception {
        var found = new CompletableFuture<URI>();
        var log = new StringBuilder();
        Thread.ofPlatform().daemon().name("chromium-stderr").start(() -> {
            try (var in = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    int at = line.indexOf(LISTENING);
                    if (at >= 0) found.complete(URI.create(line.substring(at + LISTENING.length()).strip()));
                    else if (!found.isDone()) synchronized (log) { log.append(line).append('\n'); }
                }
            } catch (IOException e) {
                // the browser is gone; the future below says so
            }
            synchronized (log) { found.completeExceptionally(new IllegalStateException("chromium exited before listening:\n" + log)); }
        });
        return found.get(START.toSeconds(), TimeUnit.SECONDS);
    }

    void navigate(String url) throws Exception {
        send(session, "Page.navigate", Map.of("url", url));
    }

    /** Types text into the focused element a key at a time, as a keyboard does (printable characters). */
    void type(String text) throws Exception {
        for (var c : text.codePoints().mapToObj(Character::toString).toList()) {
            send(session, "Input.dispatchKeyEvent", Map.of("type", "keyDown", "key", c, "text", c, "unmodifiedText", c));
            send(session, "Input.dispatchKeyEvent", Map.of("type", "keyUp", "key", c));
        }
    }

    /** Presses and releases Enter on the focused element. */
    void pressEnter() throws Exception {
        for (var type : new String[] {"keyDown", "keyUp"}) {
            send(session, "Input.dispatchKeyEvent", Map.of("type", type, "key", "Enter", "code", "Enter",
                    "windowsVirtualKeyCode", 13, "nativeVirtualKeyCode", 13, "text", "\r"));
        }
    }

    /** The value of a JavaScript expression in the page (promises awaited), as JSON. */
    JsonNode evaluate(String expression) throws Exception {
        var result = send(session, "Runtime.evaluate", Map.of("expression", expression, "returnByValue", true,
                "awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new AssertionError("page script failed: " + result.get("exceptionDetails") + "\nin: " + expression);
        }
        return result.path("result").path("value");
    }

    /** Waits until {@code expression} gives a non-empty string (the page's reply), and answers it. */
    String until(String expression) throws Exception {
        var deadline = Instant.now().plus(WAIT);
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            try {
                var value = evaluate(expression);
                if (value.isTextual() && !value.asText().isEmpty()) return value.asText();
            } catch (AssertionError e) {
                last = e.getMessage();                  // mid-navigation: the page is not there yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("gave up waiting for " + expression + (last.isEmpty() ? "" : "\nlast error: " + last)
                + "\npage: " + evaluate("document.body ? document.body.innerText : ''").asText());
    }

    private JsonNode send(String sessionId, String method, Map<String, ?> params) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", JSON.valueToTree(params));
        if (sessionId != null) message.put("sessionId", sessionId);
        var reply = new CompletableFuture<JsonNode>();
        pending.put(id, reply);
        socket.sendText(JSON.writeValueAsString(message), true).get(COMMAND.toSeconds(), TimeUnit.SECONDS);
        var answer = reply.get(COMMAND.toSeconds(), TimeUnit.SECONDS);
        if (answer.has("error")) throw new IllegalStateException(method + " failed: " + answer.get("error"));
        return answer.path("result");
    }

    @Override
    public void close() {
        try {
            socket.abort();
            http.shutdownNow();
        } finally {
            stop(process);
            delete(profile);
        }
    }

    private static void stop(Process process) {
        var children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory; what is left the system cleans
        }
    }

    /** Puts each answer where its command waits; events (messages without an id) are not needed. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    var message = JSON.readTree(text.toString());
                    if (message.has("id")) {
                        var waiting = pending.remove(message.get("id").asInt());
                        if (waiting != null) waiting.complete(message);
                    }
                } catch (IOException e) {
                    // not JSON: nothing waits for it
                } finally {
                    text.setLength(0);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            pending.values().forEach(waiting -> waiting.completeExceptionally(error));
        }
    }
}

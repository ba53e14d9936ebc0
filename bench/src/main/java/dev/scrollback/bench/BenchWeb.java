package dev.scrollback.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;

/**
 * The REST calls the live benchmarks need, each member from its own loopback address (the server limits sign-ups,
 * logins and chat lines per address): sign up, verify with the code the server mailed to its outbox, log in, refresh.
 */
final class BenchWeb implements AutoCloseable {
    static final String PASSWORD = "benchmark password 1";
    private static final ObjectMapper JSON = new ObjectMapper();

    final URI base;
    private final Path outbox;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, String> codes = new HashMap<>();       // guarded by this
    private final Set<String> readMails = new HashSet<>();           // guarded by this

    BenchWeb(URI base, Path dataDirectory) {
        this.base = base;
        this.outbox = dataDirectory.resolve("outbox");
    }

    /** One account with an open web session; its own address and HTTP client. */
    static final class Member {
        final int index;
        final String handle;
        final InetAddress address;
        final HttpClient http;
        volatile String access;
        volatile String refresh;
        volatile long loggedInAt;

        Member(int index, String handle, InetAddress address, HttpClient http) {
            this.index = index;
            this.handle = handle;
            this.address = address;
            this.http = http;
        }
    }

    record Answer(int status, JsonNode body) {}

    HttpClient client(InetAddress local) {
        return HttpClient.newBuilder().localAddress(local).executor(executor).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    HttpRequest request(String path, String token, Object body) {
        var builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json");
        if (token != null) builder.header("Authorization", "Bearer " + token);
        try {
            return builder.POST(HttpRequest.BodyPublishers.ofString(body == null ? "{}" : JSON.writeValueAsString(body))).build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One POST. A kept-alive connection the server closed as idle just as it was reused fails with no answer at all
     * (the request never reached the server): that is tried again, up to 3 times.
     */
    Answer post(HttpClient client, String path, String token, Object body) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                var answer = client.send(request(path, token, body), HttpResponse.BodyHandlers.ofString());
                return new Answer(answer.statusCode(), parse(answer.body()));
            } catch (IOException closedUnderUs) {
                if (attempt == 3 || !String.valueOf(closedUnderUs.getMessage()).contains("received no bytes")) throw closedUnderUs;
            }
        }
    }

    /** As {@link #post}, trying again (up to 50 times) while the server answers 409: a busy stream changed meanwhile. */
    Answer postRetrying(HttpClient client, String path, String token, Object body) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            var answer = post(client, path, token, body);
            if (answer.status() != 409 || attempt == 50) return answer;
            conflicts.incrementAndGet();
            Thread.sleep(attempt);
        }
    }

    /** How many 409 answers {@link #postRetrying} has retried. */
    final java.util.concurrent.atomic.AtomicInteger conflicts = new java.util.concurrent.atomic.AtomicInteger();

    /** The first refusal's body for each status other than 2xx that {@link #postAsync} got: why lines were refused. */
    static final java.util.Map<Integer, String> FIRST_REFUSAL = new java.util.concurrent.ConcurrentHashMap<>();

    CompletableFuture<Integer> postAsync(HttpClient client, String path, String token, Object body) {
        return client.sendAsync(request(path, token, body), HttpResponse.BodyHandlers.ofString()).thenApply(answer -> {
            if (answer.statusCode() >= 300) {
                var text = answer.body() == null ? "" : answer.body();
                FIRST_REFUSAL.putIfAbsent(answer.statusCode(), text.length() > 400 ? text.substring(0, 400) + "…" : text);
            }
            return answer.statusCode();
        });
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
        } catch (IOException notJson) {
            return JSON.getNodeFactory().textNode(body);
        }
    }

    Answer expect(int status, Answer answer, String what) {
        if (answer.status() != status) throw new IllegalStateException(what + " answered " + answer.status() + ": " + answer.body());
        return answer;
    }

    /** Logs {@code member} in (one Argon2id check on the server) and keeps its tokens. */
    void logIn(Member member, String password) throws IOException, InterruptedException {
        var answer = expect(201, post(member.http, "/api/v1/sessions", null, Map.of("handle", member.handle, "password", password)),
                "logging in " + member.handle);
        member.access = answer.body().path("accessToken").asText();
        member.refresh = answer.body().path("refreshToken").asText();
        member.loggedInAt = System.nanoTime();
    }

    /** New access tokens for the same sessions (access tokens live 15 minutes). */
    void refresh(List<Member> members) throws Exception {
        var futures = new ArrayList<java.util.concurrent.Future<?>>();
        for (var m : members) {
            futures.add(executor.submit(() -> {
                var answer = expect(200, post(m.http, "/api/v1/sessions/refresh", null, Map.of("refreshToken", m.refresh)),
                        "refreshing " + m.handle);
                m.access = answer.body().path("accessToken").asText();
                m.refresh = answer.body().path("refreshToken").asText();
                m.loggedInAt = System.nanoTime();
                return null;
            }));
        }
        for (var f : futures) f.get();
    }

    /** The sysop, logged in from 127.0.0.1. */
    Member sysop() throws IOException, InterruptedException {
        var sysop = new Member(-1, ServerProcess.SYSOP, InetAddress.getLoopbackAddress(), client(InetAddress.getLoopbackAddress()));
        logIn(sysop, ServerProcess.SYSOP_PASSWORD);
        return sysop;
    }

    /**
     * {@code count} members {@code <prefix>0000…}, each signed up, verified with the mailed code and logged in from the
     * {@code index}-th address of loopback block {@code block}. Three Argon2id hashes on the server for the sign-up and
     * verification, one for the login: this is what takes the time.
     */
    List<Member> members(String prefix, int count, int block, int parallel) throws Exception {
        var members = new ArrayList<Member>();
        for (int i = 0; i < count; i++) {
            var address = Stats.loopback(block, i);
            members.add(new Member(i, prefix + String.format("%04d", i), address, client(address)));
        }
        var gate = new Semaphore(parallel);
        var futures = new ArrayList<java.util.concurrent.Future<?>>();
        for (var m : members) {
            gate.acquire();
            futures.add(executor.submit(() -> {
                try {
                    var email = m.handle + "@example.org";
                    expect(201, post(m.http, "/api/v1/accounts", null, Map.of("handle", m.handle, "email", email, "password", PASSWORD)),
                            "signing up " + m.handle);
                    expect(200, post(m.http, "/api/v1/accounts/verify", null, Map.of("handle", m.handle, "code", codeFor(email))),
                            "verifying " + m.handle);
                    logIn(m, PASSWORD);
                    return null;
                } finally {
                    gate.release();
                }
            }));
        }
        for (var f : futures) f.get();
        return members;
    }

    /** The verification code mailed to {@code email}, waiting up to 60 s for the mail; reads each mail file once. */
    private String codeFor(String email) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        var code = Pattern.compile("(?m)^\\s*(\\d{6})\\s*$");
        while (System.nanoTime() < deadline) {
            synchronized (this) {
                if (codes.containsKey(email)) return codes.remove(email);
                if (Files.isDirectory(outbox)) {
                    try (var files = Files.list(outbox)) {
                        for (var file : files.filter(f -> f.toString().endsWith(".eml")).toList()) {
                            var name = file.getFileName().toString();
                            if (readMails.contains(name)) continue;
                            var text = Files.readString(file, StandardCharsets.UTF_8);
                            var to = Pattern.compile("(?m)^To: *(.+?)\\s*$").matcher(text);
                            var found = code.matcher(text);
                            if (to.find() && found.find()) {             // else not wholly written yet: read it again
                                codes.put(to.group(1).replaceAll(".*<|>.*", ""), found.group(1));
                                readMails.add(name);
                            }
                        }
                    }
                }
                if (codes.containsKey(email)) return codes.remove(email);
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("no verification mail to " + email + " in " + outbox);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}

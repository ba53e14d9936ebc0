package dev.scrollback.adapters.sandbox.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.scrollback.adapters.sandbox.call.CallResult;
import dev.scrollback.adapters.sandbox.call.FaultKind;
import dev.scrollback.adapters.sandbox.call.HostCalls;
import dev.scrollback.adapters.sandbox.http.HttpPolicy;
import dev.scrollback.adapters.sandbox.http.OutboundHttp;
import dev.scrollback.adapters.sandbox.js.JsEngine;
import dev.scrollback.adapters.sandbox.js.JsPolicy;
import dev.scrollback.adapters.sandbox.js.JsScript;
import dev.scrollback.adapters.sandbox.js.ScriptLoad;
import dev.scrollback.adapters.sandbox.watchdog.Watchdog;
import dev.scrollback.application.hooks.PostOutcome;
import dev.scrollback.application.hooks.PublicUser;
import dev.scrollback.application.plugins.PluginHost;
import dev.scrollback.domain.plugins.Engine;
import dev.scrollback.domain.plugins.EntryPoint;
import dev.scrollback.domain.plugins.Hook;
import dev.scrollback.domain.plugins.HostName;
import dev.scrollback.domain.plugins.LicenseId;
import dev.scrollback.domain.plugins.Permission;
import dev.scrollback.domain.plugins.PluginAuthor;
import dev.scrollback.domain.plugins.PluginDescription;
import dev.scrollback.domain.plugins.PluginLimits;
import dev.scrollback.domain.plugins.PluginManifest;
import dev.scrollback.domain.plugins.PluginVersion;
import dev.scrollback.domain.plugins.VersionRange;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.PluginName;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scripts' {@code httpRequest} end to end (decision 0019): a GraalJS script through {@link HostWire} and
 * {@link OutboundHttp} against a real HTTP server on 127.0.0.1, with the same rules and the same fault kinds as a WASM
 * plugin's {@code http_request} ({@code PluginHttpTest}). Names resolve through a table; private addresses are allowed.
 */
class ScriptHttpTest {
    private static final Duration DEADLINE = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FETCH = """
            function fetch(input) {
              const asked = JSON.parse(input);
              return JSON.stringify(httpRequest(asked.request, asked.body));
            }
            """;

    private static Watchdog watchdog;
    private static JsEngine engine;
    private static HttpServer server;
    private static int port;
    private static final List<String> seen = new CopyOnWriteArrayList<>();
    private static final Semaphore slowArrived = new Semaphore(0);

    private final ExecutorService workers = Executors.newFixedThreadPool(2);
    private final List<OutboundHttp> clients = new CopyOnWriteArrayList<>();
    private final List<JsScript> scripts = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        watchdog = Watchdog.start("script-http-test-watchdog");
        engine = new JsEngine(watchdog);
        engine.warmUp();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/hello", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.getResponseHeaders().add("X-Twice", "one");
            exchange.getResponseHeaders().add("X-Twice", "two");
            reply(exchange, 200, "hello, script ✓".getBytes(StandardCharsets.UTF_8));
        });
        server.createContext("/echo", exchange -> {
            var request = exchange.getRequestHeaders();
            reply(exchange, 201, (exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath()
                    + "\nua=" + request.getFirst("User-Agent") + "\ntoken=" + request.getFirst("X-Token") + "\nbody="
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8));
        });
        server.createContext("/binary", exchange -> reply(exchange, 200, new byte[] {(byte) 0xff, (byte) 0xfe, 'a'}));
        server.createContext("/slow", exchange -> {
            slowArrived.release();
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                reply(exchange, 200, "late".getBytes(StandardCharsets.UTF_8));
            } catch (IOException gone) {
                // the client stopped waiting long ago
            }
        });
        server.createContext("/", exchange -> reply(exchange, 404, "no such page".getBytes(StandardCharsets.UTF_8)));
        server.start();
        port = server.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
        engine.close();
        watchdog.close();
    }

    @AfterEach
    void close() {
        scripts.forEach(JsScript::close);
        workers.shutdownNow();
        clients.forEach(OutboundHttp::close);
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
        boolean none = body.length == 0 || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, none ? -1 : body.length);
        if (!none) {
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    @Test
    void an_allowed_host_answers_with_its_status_headers_and_body() throws Exception {
        var answer = fetch(script(), "{\"request\":{\"url\":\"http://127.0.0.1:" + port + "/hello?x=1\"}}");

        assertThat(answer.get("status").asInt()).isEqualTo(200);
        assertThat(answer.get("headers").get("content-type").asText()).isEqualTo("text/plain");
        assertThat(answer.get("headers").get("x-twice").asText()).isEqualTo("one, two");
        assertThat(answer.get("body").asText()).isEqualTo("hello, script ✓");
        assertThat(answer.get("utf8").asBoolean()).isTrue();
    }

    @Test
    void a_url_alone_is_a_get_and_a_404_is_an_answer() throws Exception {
        var answer = fetch(script(), "{\"request\":\"http://api.example.org:" + port + "/nowhere\"}");

        assertThat(answer.get("status").asInt()).isEqualTo(404);
        assertThat(answer.get("body").asText()).isEqualTo("no such page");
    }

    @Test
    void a_post_sends_its_body_and_headers() throws Exception {
        var answer = fetch(script(), "{\"request\":{\"url\":\"http://127.0.0.1:" + port + "/echo\",\"method\":\"post\","
                + "\"headers\":{\"X-Token\":\"t0k\"}},\"body\":\"héllo\"}");

        assertThat(answer.get("status").asInt()).isEqualTo(201);
        assertThat(answer.get("body").asText()).isEqualTo("POST /echo\nua=bot/1.0.0 (Scrollback BBS plugin)\ntoken=t0k\nbody=héllo");
    }

    @Test
    void a_body_that_is_not_utf8_comes_with_replacement_characters_and_says_so() throws Exception {
        var answer = fetch(script(), "{\"request\":{\"url\":\"http://127.0.0.1:" + port + "/binary\"}}");

        assertThat(answer.get("body").asText()).isEqualTo("\uFFFD\uFFFDa");
        assertThat(answer.get("utf8").asBoolean()).isFalse();
    }

    @Test
    void a_host_the_manifest_does_not_name_is_a_permission_fault_and_nothing_is_sent() {
        seen.clear();
        var script = script();

        var fault = faulted(call(script, "{\"request\":\"http://api.evil.org:" + port + "/hello\"}"), FaultKind.PERMISSION);
        assertThat(fault.detail()).isEqualTo("calling fetch: http_request: api.evil.org is not a host the manifest allows "
                + "(*.example.net, 127.0.0.1, api.example.org)");
        assertThat(seen).isEmpty();
        assertThat(call(script, "{\"request\":\"http://127.0.0.1:" + port + "/hello\"}"))
                .as("the script serves the next call").isInstanceOf(CallResult.Returned.class);
    }

    @Test
    void without_the_http_permission_a_request_is_a_permission_fault() {
        var script = script(manifest(Set.of()), HttpPolicy.strict().allowingPrivateAddresses(true), FETCH);

        var fault = faulted(call(script, "{\"request\":\"http://127.0.0.1:" + port + "/hello\"}"), FaultKind.PERMISSION);
        assertThat(fault.detail()).contains("http_request needs the http permission");
    }

    @Test
    void private_addresses_are_refused_unless_the_sysop_allows_them() {
        var script = script(manifest(Set.of(http())), HttpPolicy.strict(), FETCH);

        var fault = faulted(call(script, "{\"request\":\"http://127.0.0.1:" + port + "/hello\"}"), FaultKind.PERMISSION);
        assertThat(fault.detail()).isEqualTo("calling fetch: http_request: 127.0.0.1 is a loopback address "
                + "(127.0.0.0/8); plugins reach public addresses only");
    }

    @Test
    void after_a_refusal_the_call_sends_nothing_more_and_faults_whatever_the_script_does() {
        seen.clear();
        var script = script(manifest(Set.of(http())), HttpPolicy.strict().allowingPrivateAddresses(true), """
                function fetch(input) {
                  const refused = httpRequest('http://api.evil.org/');
                  const after = httpRequest('http://127.0.0.1:%d/hello');
                  return 'refused=' + refused + ' after=' + after;
                }
                """.formatted(port));

        faulted(call(script, "{}"), FaultKind.PERMISSION);
        assertThat(seen).isEmpty();
    }

    @Test
    void a_script_that_catches_a_refusal_and_runs_on_to_its_deadline_still_faults_as_refused() {
        var script = script(manifest(Set.of(http())), HttpPolicy.strict().allowingPrivateAddresses(true), """
                function fetch(input) {
                  try { httpRequest('http://api.evil.org/'); } catch (e) { /* nothing to catch */ }
                  while (true) {}
                }
                """);

        var fault = faulted(script.call("fetch", new byte[0], Duration.ofMillis(300)), FaultKind.PERMISSION);
        assertThat(fault.detail()).isEqualTo("calling fetch: http_request: api.evil.org is not a host the manifest "
                + "allows (*.example.net, 127.0.0.1, api.example.org)");
        assertThat(Thread.interrupted()).isFalse();
    }

    @Test
    void a_slow_server_is_stopped_at_the_deadline_and_the_script_serves_the_next_call() throws Exception {
        var script = script(manifest(Set.of(http())),
                HttpPolicy.strict().allowingPrivateAddresses(true).withMaxConcurrent(1), FETCH);
        var slow = utf8("{\"request\":\"http://127.0.0.1:" + port + "/slow\"}");

        for (int i = 0; i < 3; i++) {        // more than the one worker: each is freed at its call's deadline
            long started = System.nanoTime();
            var result = script.call("fetch", slow, Duration.ofMillis(300));
            long tookMillis = (System.nanoTime() - started) / 1_000_000;

            assertThat(result).isInstanceOfSatisfying(CallResult.Faulted.class, fault -> assertThat(fault.kind())
                    .as("the wait is the script's time: not starved (%s)", fault.detail()).isEqualTo(FaultKind.TIMEOUT));
            assertThat(tookMillis).isBetween(300L, 1_500L);
            assertThat(Thread.interrupted()).as("no interrupt left behind").isFalse();
        }
        assertThat(fetch(script, "{\"request\":\"http://127.0.0.1:" + port + "/hello\"}").get("status").asInt()).isEqualTo(200);

        // from a virtual thread the call runs on one of the engine's platform threads, which the stop reaches as well
        var fromVirtual = new AtomicReference<CallResult>();
        var tookMillis = new AtomicReference<Long>();
        Thread.ofVirtual().start(() -> {
            long started = System.nanoTime();
            fromVirtual.set(script.call("fetch", slow, Duration.ofMillis(300)));
            tookMillis.set((System.nanoTime() - started) / 1_000_000);
        }).join(5_000);
        assertThat(fromVirtual.get()).isInstanceOfSatisfying(CallResult.Faulted.class,
                fault -> assertThat(fault.kind()).isEqualTo(FaultKind.TIMEOUT));
        assertThat(tookMillis.get()).isBetween(300L, 1_500L);
        assertThat(fetch(script, "{\"request\":\"http://127.0.0.1:" + port + "/hello\"}").get("body").asText())
                .isEqualTo("hello, script ✓");
    }

    @Test
    void when_every_worker_is_busy_the_call_is_not_run() throws Exception {
        var policy = HttpPolicy.strict().allowingPrivateAddresses(true).withMaxConcurrent(1);
        var client = client(policy);
        var first = script(manifest(Set.of(http())), client, FETCH);
        var second = script(manifest(Set.of(http())), client, FETCH);
        slowArrived.drainPermits();
        var holder = Thread.ofPlatform().start(() ->
                first.call("fetch", utf8("{\"request\":\"http://127.0.0.1:" + port + "/slow\"}"), Duration.ofSeconds(2)));
        assertThat(slowArrived.tryAcquire(5, TimeUnit.SECONDS)).isTrue();

        var fault = faulted(call(second, "{\"request\":\"http://127.0.0.1:" + port + "/hello\"}"), FaultKind.BUSY);
        assertThat(fault.detail()).contains("plugin requests in flight");
        holder.join(5_000);
    }

    @Test
    void a_request_or_a_body_too_long_is_refused_in_the_guest_before_crossing() {
        seen.clear();
        var script = script(manifest(Set.of(http())), HttpPolicy.strict().allowingPrivateAddresses(true), """
                function body(input) {
                  return JSON.stringify(httpRequest({ url: 'http://127.0.0.1:%d/echo', method: 'POST' },
                      'x'.repeat(Number(input))));
                }
                function url(input) { return JSON.stringify(httpRequest('http://127.0.0.1:%d/echo?' + 'q'.repeat(Number(input)))); }
                """.formatted(port, port), "body", "url");
        int maxInput = (int) PluginLimits.defaults().maxInputBytes();

        assertThat(faulted(script.call("body", utf8("" + (4 << 20) / 2), DEADLINE), FaultKind.TRAP).detail())
                .isEqualTo("calling body: http_request: a body of 2097152 characters; at most " + maxInput + " are read");
        assertThat(faulted(script.call("url", utf8("" + (1 << 20)), DEADLINE), FaultKind.TRAP).detail())
                .startsWith("calling url: http_request: a request of ").endsWith(" characters; at most "
                        + HostCalls.MAX_HTTP_REQUEST_BYTES + " are read");
        assertThat(faulted(script.call("body", utf8("" + (maxInput + 1)), DEADLINE), FaultKind.TRAP).detail())
                .isEqualTo("calling body: http_request: a body of " + (maxInput + 1) + " characters; at most " + maxInput
                        + " are read");
        assertThat(seen).isEmpty();
    }

    @Test
    void hostile_requests_are_refused_and_the_scripts_own_errors_stay_its_own() {
        var script = script(manifest(Set.of(http())), HttpPolicy.strict().allowingPrivateAddresses(true), """
                function nothing(input) { return JSON.stringify(httpRequest()); }
                function injected(input) {
                  return JSON.stringify(httpRequest({ url: 'http://127.0.0.1:%d/hello', headers: { 'X-A': 'b\\r\\nHost: evil' } }));
                }
                function throwing(input) {
                  return JSON.stringify(httpRequest({ get url() { throw new Error('mine'); } }));
                }
                function cyclic(input) { const o = { url: 'x' }; o.headers = o; return JSON.stringify(httpRequest(o)); }
                function many(input) {
                  for (let i = 0; i < 9; i++) httpRequest('http://127.0.0.1:%d/hello');
                  return 'all nine';
                }
                function replaced(input) {
                  JSON.parse = () => 'replaced';
                  try { httpRequest = null; } catch (e) { /* read-only */ }
                  return JSON.stringify(httpRequest('http://127.0.0.1:%d/hello').headers['x-twice']);
                }
                function binaryBody(input) {
                  return String(httpRequest({ url: 'http://127.0.0.1:%d/echo', method: 'PUT' }, new Uint8Array([1, 2])).status);
                }
                function noBodyOnGet(input) { return String(httpRequest('http://127.0.0.1:%d/echo', 'x')); }
                """.formatted(port, port, port, port, port),
                "nothing", "injected", "throwing", "cyclic", "many", "replaced", "binaryBody", "noBodyOnGet");

        assertThat(faulted(script.call("nothing", new byte[0], DEADLINE), FaultKind.TRAP).detail())
                .startsWith("calling nothing: http_request: ");
        assertThat(faulted(script.call("injected", new byte[0], DEADLINE), FaultKind.TRAP).detail())
                .startsWith("calling injected: http_request: ");
        assertThat(script.call("throwing", new byte[0], DEADLINE)).as("its own getter threw: its own failure")
                .isInstanceOfSatisfying(CallResult.Failed.class, failed -> assertThat(failed.message()).isEqualTo("Error: mine"));
        assertThat(script.call("cyclic", new byte[0], DEADLINE)).isInstanceOfSatisfying(CallResult.Failed.class,
                failed -> assertThat(failed.message()).startsWith("TypeError"));
        assertThat(faulted(script.call("many", new byte[0], DEADLINE), FaultKind.TRAP).detail())
                .isEqualTo("calling many: http_request: a call makes at most 8 requests");
        assertThat(new String(((CallResult.Returned) script.call("replaced", new byte[0], DEADLINE)).output(),
                StandardCharsets.UTF_8)).as("the prelude's own JSON.parse").isEqualTo("\"one, two\"");
        assertThat(new String(((CallResult.Returned) script.call("binaryBody", new byte[0], DEADLINE)).output(),
                StandardCharsets.UTF_8)).as("a body is sent as its text").isEqualTo("201");
        assertThat(faulted(script.call("noBodyOnGet", new byte[0], DEADLINE), FaultKind.TRAP).detail())
                .startsWith("calling noBodyOnGet: http_request: ");
    }

    @Test
    void the_scripts_top_level_code_makes_no_requests() {
        seen.clear();
        var load = engine.load("top.js", "httpRequest('http://127.0.0.1:" + port + "/hello');\n" + FETCH,
                Set.of("fetch"), JsPolicy.restrictive(), Map.of(),
                new HostWire(manifest(Set.of(http())), NO_HOST, workers,
                        Optional.of(client(HttpPolicy.strict().allowingPrivateAddresses(true)))));

        assertThat(load).isInstanceOfSatisfying(ScriptLoad.Refused.class, refused -> assertThat(refused.reasons())
                .singleElement().asString().contains("httpRequest is for hooks"));
        assertThat(seen).isEmpty();
    }

    // --- helpers

    private static final PluginHost NO_HOST = new PluginHost() {
        @Override
        public PostOutcome postMessage(String room, String text) {
            throw new AssertionError("not asked");
        }

        @Override
        public Optional<PublicUser> readUser(Handle handle) {
            throw new AssertionError("not asked");
        }
    };

    private JsonNode fetch(JsScript script, String input) throws Exception {
        var result = call(script, input);
        assertThat(result).as(input).isInstanceOf(CallResult.Returned.class);
        return JSON.readTree(((CallResult.Returned) result).output());
    }

    private static CallResult call(JsScript script, String input) {
        return script.call("fetch", utf8(input), DEADLINE);
    }

    private static CallResult.Faulted faulted(CallResult result, FaultKind kind) {
        assertThat(result).isInstanceOfSatisfying(CallResult.Faulted.class,
                fault -> assertThat(fault.kind()).as(fault.detail()).isEqualTo(kind));
        return (CallResult.Faulted) result;
    }

    private JsScript script() {
        return script(manifest(Set.of(http())), HttpPolicy.strict().allowingPrivateAddresses(true), FETCH);
    }

    private JsScript script(PluginManifest manifest, HttpPolicy policy, String text, String... hooks) {
        return script(manifest, client(policy), text, hooks);
    }

    private JsScript script(PluginManifest manifest, OutboundHttp client, String text, String... hooks) {
        var names = new java.util.HashSet<>(Set.of(hooks));
        if (hooks.length == 0) names.add("fetch");
        var load = engine.load("http.js", text, names, SandboxRuntime.scriptPolicy(manifest), Map.of(),
                new HostWire(manifest, NO_HOST, workers, Optional.of(client)));
        assertThat(load).isInstanceOf(ScriptLoad.Loaded.class);
        var script = ((ScriptLoad.Loaded) load).script();
        scripts.add(script);
        return script;
    }

    private OutboundHttp client(HttpPolicy policy) {
        var client = new OutboundHttp(policy, ScriptHttpTest::resolve,
                (javax.net.ssl.SSLSocketFactory) javax.net.ssl.SSLSocketFactory.getDefault());
        clients.add(client);
        return client;
    }

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        return switch (host) {
            case "api.example.org" -> new InetAddress[] {InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})};
            default -> {
                if (host.chars().allMatch(c -> c == '.' || Character.isDigit(c))) yield InetAddress.getAllByName(host);
                throw new UnknownHostException(host);
            }
        };
    }

    private static Permission http() {
        return new Permission.OutboundHttp(Set.of(new HostName("127.0.0.1"), new HostName("api.example.org"),
                new HostName("*.example.net")));
    }

    private static PluginManifest manifest(Set<Permission> permissions) {
        return new PluginManifest(new PluginName("bot"), PluginVersion.parse("1.0.0"), VersionRange.parse("^0.1.0"),
                new PluginDescription("A bot"), new PluginAuthor("Tests"), new LicenseId("MIT"), Engine.JS,
                new EntryPoint("main.js"), Set.of(Hook.HANDLE_COMMAND), permissions, PluginLimits.defaults());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

package dev.scrollback.adapters.sandbox.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.scrollback.adapters.sandbox.call.CallResult;
import dev.scrollback.adapters.sandbox.call.FaultKind;
import dev.scrollback.adapters.sandbox.http.HttpPolicy;
import dev.scrollback.adapters.sandbox.http.OutboundHttp;
import dev.scrollback.adapters.sandbox.wasm.HostPermission;
import dev.scrollback.adapters.sandbox.wasm.PluginLoad;
import dev.scrollback.adapters.sandbox.wasm.Wat;
import dev.scrollback.adapters.sandbox.wasm.WasmEngine;
import dev.scrollback.adapters.sandbox.wasm.WasmPlugin;
import dev.scrollback.adapters.sandbox.wasm.WasmPolicy;
import dev.scrollback.adapters.sandbox.watchdog.Watchdog;
import dev.scrollback.application.hooks.PostOutcome;
import dev.scrollback.application.hooks.PublicUser;
import dev.scrollback.application.plugins.HookAnswer;
import dev.scrollback.application.plugins.HookCall;
import dev.scrollback.application.plugins.HookInput;
import dev.scrollback.application.plugins.PluginHost;
import dev.scrollback.application.plugins.PluginPackage;
import dev.scrollback.application.plugins.RunningPlugin;
import dev.scrollback.application.plugins.Sandbox;
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
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Outbound HTTP end to end (decision 0019): a WAT plugin calling Extism's {@code http_request}, {@code
 * http_status_code} and {@code http_headers} on our kernel, through {@link HostWire} and {@link OutboundHttp}, against
 * a real HTTP server on 127.0.0.1. Names resolve through a table (no DNS in tests); private addresses are allowed
 * except where a test says it checks them.
 */
class PluginHttpTest {
    private static final Duration DEADLINE = Duration.ofSeconds(2);
    private static final Set<String> EXPORTS = Set.of("fetch", "measure", "before", "many", "stale");
    private static final int MIB = 1 << 20;

    private static Watchdog watchdog;
    private static WasmEngine engine;
    private static HttpServer server;
    private static int port;
    private static final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private static final List<String> seen = new CopyOnWriteArrayList<>();
    private static final java.util.concurrent.Semaphore slowArrived = new java.util.concurrent.Semaphore(0);

    private final ExecutorService workers = Executors.newFixedThreadPool(2);
    private final AtomicInteger resolved = new AtomicInteger();
    private final List<OutboundHttp> clients = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        watchdog = Watchdog.start("http-test-watchdog");
        engine = new WasmEngine(watchdog);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/hello", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.getResponseHeaders().add("X-Twice", "one");
            exchange.getResponseHeaders().add("X-Twice", "two");
            reply(exchange, 200, "hello, plugin");
        });
        server.createContext("/echo", exchange -> {
            var request = exchange.getRequestHeaders();
            reply(exchange, 201, exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath()
                    + Optional.ofNullable(exchange.getRequestURI().getRawQuery()).map(q -> "?" + q).orElse("")
                    + "\nhost=" + request.getFirst("Host") + "\nua=" + request.getFirst("User-Agent")
                    + "\ntoken=" + request.getFirst("X-Token") + "\nbody="
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        });
        server.createContext("/redirect", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + port + "/elsewhere");
            reply(exchange, 302, "");
        });
        server.createContext("/exact", exchange -> reply(exchange, 200, new byte[MIB]));
        server.createContext("/big", exchange -> reply(exchange, 200, new byte[MIB + 1]));
        server.createContext("/streamed", exchange -> {
            exchange.sendResponseHeaders(200, 0);                  // chunked
            try (var out = exchange.getResponseBody()) {
                for (int i = 0; i < 32; i++) out.write(new byte[64 * 1024]);
            } catch (IOException closedByTheClient) {
                // the client stops reading past its bound
            }
        });
        server.createContext("/slow", exchange -> {
            slowArrived.release();
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                reply(exchange, 200, "late");
            } catch (IOException gone) {
                // the client stopped waiting long ago
            }
        });
        server.createContext("/spam-check", exchange -> reply(exchange, 200, "{\"verdict\":\"reject\",\"reason\":\"looks like spam\"}"));
        server.createContext("/", exchange -> reply(exchange, 404, "no such page"));
        server.start();
        port = server.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
        watchdog.close();
    }

    @AfterEach
    void close() {
        workers.shutdownNow();
        clients.forEach(OutboundHttp::close);
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        reply(exchange, status, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        hits.computeIfAbsent(exchange.getRequestURI().getPath(), p -> new AtomicInteger()).incrementAndGet();
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
    void an_allowed_host_answers_with_its_status_headers_and_body() {
        var answer = fetch(plugin(), get("http://127.0.0.1:" + port + "/hello?x=1"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("hello, plugin");
        assertThat(answer.headers()).contains("\"content-type\":\"text/plain\"", "\"x-twice\":\"one, two\"")
                .startsWith("{").endsWith("}");
    }

    @Test
    void a_name_is_resolved_once_and_the_connection_goes_to_the_checked_address_with_the_name_as_host() {
        var answer = fetch(plugin(), get("http://api.example.org:" + port + "/echo?q=a%20b"));

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.body()).isEqualTo("GET /echo?q=a%20b\nhost=api.example.org:" + port
                + "\nua=bot/1.0.0 (Scrollback BBS plugin)\ntoken=null\nbody=");
        assertThat(resolved).as("one lookup, and the connection went to its answer").hasValue(1);
    }

    @Test
    void a_wildcard_covers_the_subdomains_but_not_the_name_itself() {
        var plugin = plugin();

        assertThat(fetch(plugin, get("http://www.example.net:" + port + "/hello")).status()).isEqualTo(200);
        assertThat(fault(plugin, get("http://example.net:" + port + "/hello")))
                .isEqualTo(new Fault(FaultKind.PERMISSION, "http_request: example.net is not a host the manifest allows "
                        + "(*.example.net, 127.0.0.1, api.example.org)"));
    }

    @Test
    void a_post_sends_its_body_and_the_plugins_headers_and_head_gets_no_body() {
        var plugin = plugin(Map.of("body", "ping ✓"), HttpPolicy.strict().allowingPrivateAddresses(true));
        var answer = fetch(plugin, "{\"url\":\"http://127.0.0.1:" + port + "/echo\",\"method\":\"post\","
                + "\"headers\":{\"X-Token\":\"s3cret\",\"User-Agent\":\"weather-bot\"}}");

        assertThat(answer.body()).isEqualTo("POST /echo\nhost=127.0.0.1:" + port + "\nua=weather-bot\ntoken=s3cret\nbody=ping ✓");
        var head = fetch(plugin(), "{\"url\":\"http://127.0.0.1:" + port + "/hello\",\"method\":\"HEAD\"}");
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers()).contains("\"x-twice\":\"one, two\"");
    }

    @Test
    void before_any_request_the_status_and_the_headers_are_0() {
        var result = plugin().call("before", new byte[0], DEADLINE);

        assertThat(u64s(result)).containsExactly(0L, 0L);
    }

    @Test
    void the_status_and_headers_are_the_calls_own() {
        var plugin = plugin();
        fetch(plugin, get("http://127.0.0.1:" + port + "/hello"));

        assertThat(u64s(plugin.call("before", new byte[0], DEADLINE))).as("a new call starts with none").containsExactly(0L, 0L);
    }

    @Test
    void a_host_the_manifest_does_not_name_is_a_permission_fault_and_nothing_is_sent() {
        seen.clear();

        assertThat(fault(plugin(), get("http://api.evil.org:" + port + "/hello")))
                .isEqualTo(new Fault(FaultKind.PERMISSION, "http_request: api.evil.org is not a host the manifest allows "
                        + "(*.example.net, 127.0.0.1, api.example.org)"));
        assertThat(resolved).as("not even looked up").hasValue(0);
        assertThat(seen).isEmpty();
    }

    @Test
    void private_addresses_are_refused_unless_the_sysop_allows_them() {
        seen.clear();
        var plugin = plugin(Map.of(), HttpPolicy.strict());

        assertThat(fault(plugin, get("http://127.0.0.1:" + port + "/hello"))).isEqualTo(new Fault(FaultKind.PERMISSION,
                "http_request: 127.0.0.1 is a loopback address (127.0.0.0/8); plugins reach public addresses only"));
        assertThat(fault(plugin, get("http://api.example.org:" + port + "/hello"))).isEqualTo(new Fault(FaultKind.PERMISSION,
                "http_request: api.example.org resolves to 127.0.0.1, which is a loopback address (127.0.0.0/8); "
                        + "plugins reach public addresses only"));
        assertThat(fault(plugin, get("http://intranet.example.net:" + port + "/hello"))).isEqualTo(new Fault(
                FaultKind.PERMISSION, "http_request: intranet.example.net resolves to 10.1.2.3, which is a private address "
                        + "(10.0.0.0/8); plugins reach public addresses only"));
        assertThat(seen).isEmpty();
    }

    @Test
    void redirects_are_not_followed_the_3xx_is_the_answer() {
        hits.remove("/elsewhere");
        var answer = fetch(plugin(), get("http://127.0.0.1:" + port + "/redirect"));

        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.headers()).contains("\"location\":\"http://127.0.0.1:" + port + "/elsewhere\"");
        assertThat(answer.body()).isEmpty();
        assertThat(hits).doesNotContainKey("/elsewhere");
    }

    @Test
    void a_body_of_1_mib_is_handed_over_and_a_larger_one_faults() {
        var plugin = plugin();

        var exact = u64s(plugin.call("measure", utf8(get("http://127.0.0.1:" + port + "/exact")), DEADLINE));
        assertThat(exact.subList(0, 2)).containsExactly(200L, (long) MIB);
        assertThat(exact.get(2)).as("the headers' JSON").isPositive();
        assertThat(fault(plugin, get("http://127.0.0.1:" + port + "/big?key=s3cret"))).as("no query in the message")
                .isEqualTo(new Fault(FaultKind.TRAP, "http_request: http://127.0.0.1:" + port + "/big?…: the response body "
                        + "is 1048577 bytes; a plugin is handed at most 1048576 bytes"));
        assertThat(fault(plugin, get("http://127.0.0.1:" + port + "/streamed")).detail())
                .startsWith("http_request: http://127.0.0.1:" + port + "/streamed: the response body is over ")
                .endsWith(" bytes (chunked); a plugin is handed at most 1048576 bytes");
        assertThat(fetch(plugin, get("http://127.0.0.1:" + port + "/hello")).status()).isEqualTo(200);
    }

    @Test
    void a_slow_server_is_stopped_at_the_deadline_and_the_bbs_goes_on_serving() {
        var plugin = plugin(Map.of(), HttpPolicy.strict().allowingPrivateAddresses(true).withMaxConcurrent(1));

        for (int i = 0; i < 3; i++) {        // more than the one worker: each is freed at its call's deadline
            long started = System.nanoTime();
            var result = plugin.call("fetch", utf8(get("http://127.0.0.1:" + port + "/slow")), Duration.ofMillis(300));
            long tookMillis = (System.nanoTime() - started) / 1_000_000;

            assertThat(result).isInstanceOfSatisfying(CallResult.Faulted.class,
                    fault -> assertThat(fault.kind()).isEqualTo(FaultKind.TIMEOUT));
            assertThat(tookMillis).isBetween(300L, 1_500L);
            pause(50);
        }
        assertThat(Thread.interrupted()).as("no interrupt left behind").isFalse();
        assertThat(fetch(plugin, get("http://127.0.0.1:" + port + "/hello")).body()).isEqualTo("hello, plugin");
    }

    @Test
    void when_every_worker_is_busy_a_call_is_not_run_rather_than_faulted() throws Exception {
        var policy = HttpPolicy.strict().allowingPrivateAddresses(true).withMaxConcurrent(1);
        var client = client(policy);
        var slow = plugin(Map.of(), client);
        var other = plugin(Map.of(), client);
        slowArrived.drainPermits();
        var waiting = Thread.ofPlatform().start(() -> slow.call("fetch", utf8(get("http://127.0.0.1:" + port + "/slow")),
                Duration.ofMillis(1_500)));
        assertThat(slowArrived.tryAcquire(5, java.util.concurrent.TimeUnit.SECONDS)).as("the slow request is in flight").isTrue();

        assertThat(fault(other, get("http://127.0.0.1:" + port + "/hello"))).isEqualTo(new Fault(FaultKind.BUSY,
                "http_request: the BBS has 1 plugin requests in flight, its most; nothing was sent"));
        waiting.join();
    }

    @Test
    void hostile_requests_are_refused_with_a_clear_message() {
        var plugin = plugin();
        var url = "http://127.0.0.1:" + port;
        seen.clear();
        var cases = Map.ofEntries(
                Map.entry("not json", "the request is not JSON (or names a key twice); send {\"url\": \"https://…\", "
                        + "\"method\": \"GET\", \"headers\": {…}}"),
                Map.entry("[\"" + url + "\"]", "the request must be a JSON object with the string url (and method, headers)"),
                Map.entry("{\"method\":\"GET\"}", "the request has no url (a string)"),
                Map.entry("{\"url\":\"" + url + "/\",\"url\":\"" + url + "/hello\"}",
                        "the request is not JSON (or names a key twice); send {\"url\": \"https://…\", \"method\": "
                                + "\"GET\", \"headers\": {…}}"),
                Map.entry("{\"url\":\"" + url + "/\",\"method\":\"TRACE\"}",
                        "the method 'TRACE' is not one of GET, HEAD, POST, PUT, PATCH, DELETE"),
                Map.entry("{\"url\":\"" + url + "/\",\"method\":\"GET /admin HTTP/1.1\\r\\nX:\"}",
                        "the method 'GET /admin HTTP/1.1??X:' is not one of GET, HEAD, POST, PUT, PATCH, DELETE"),
                Map.entry("{\"url\":\"not a url\"}", "the url 'not a url' is not a URL (Illegal character in path)"),
                Map.entry("{\"url\":\"/relative\"}", "the url '/relative' is not absolute: give http://host/path or "
                        + "https://host/path"),
                Map.entry("{\"url\":\"file:///etc/passwd\"}", "the url's scheme is 'file'; only http and https are served"),
                Map.entry("{\"url\":\"gopher://127.0.0.1:70/\"}", "the url's scheme is 'gopher'; only http and https are served"),
                Map.entry("{\"url\":\"http://ada:pw@127.0.0.1:" + port + "/\"}",
                        "the url carries a user name or password (user@host), which is refused: send credentials in a header"),
                Map.entry("{\"url\":\"http://127.0.0.1:" + port + "@api.evil.org/\"}",
                        "the url carries a user name or password (user@host), which is refused: send credentials in a header"),
                Map.entry("{\"url\":\"http://exa_mple.org/\"}", "the url's host in 'exa_mple.org' does not read as a host name"),
                Map.entry("{\"url\":\"http://2130706433/\"}",
                        "the url's host '2130706433' is not an IPv4 address (four numbers 0 to 255, no leading zeros)"),
                Map.entry("{\"url\":\"http://0177.0.0.1/\"}",
                        "the url's host '0177.0.0.1' is not an IPv4 address (four numbers 0 to 255, no leading zeros)"),
                Map.entry("{\"url\":\"http://0x7f.1/\"}", "the url's host in '0x7f.1' does not read as a host name"),
                Map.entry("{\"url\":\"http://api.example.org./\"}", "the url's host 'api.example.org.' must not end with a dot"),
                Map.entry("{\"url\":\"http://localhost/\"}",
                        "the url's host 'localhost' must have at least two labels, like example.org"),
                Map.entry("{\"url\":\"" + url + "/\",\"headers\":{\"X-A\":\"1\\r\\nX-Injected: 1\"}}",
                        "the header X-A holds a character other than visible ASCII, space and tab (a line break, or a "
                                + "letter to be encoded first)"),
                Map.entry("{\"url\":\"" + url + "/\",\"headers\":{\"Host\":\"api.example.org\"}}",
                        "the header Host is the host's to write; leave it out"),
                Map.entry("{\"url\":\"" + url + "/\",\"headers\":{\"transfer-encoding\":\"chunked\"}}",
                        "the header transfer-encoding is the host's to write; leave it out"),
                Map.entry("{\"url\":\"" + url + "/\",\"headers\":{\"Proxy-Authorization\":\"x\"}}",
                        "the header Proxy-Authorization is the host's to write; leave it out"),
                Map.entry("{\"url\":\"" + url + "/\",\"headers\":{\"Bad Name\":\"x\"}}",
                        "the header name 'Bad Name' is not a token of at most 256 letters, digits and !#$%&'*+-.^_`|~"),
                Map.entry("{\"url\":\"" + url + "/\",\"headers\":{\"accept\":\"a\",\"Accept\":\"b\"}}",
                        "the header Accept is given twice"),
                Map.entry("{\"url\":\"" + url + "/\",\"headers\":{\"X-N\":7}}", "the header X-N must have a string value"),
                Map.entry("{\"url\":\"" + url + "/\",\"headers\":[\"X-A: 1\"]}",
                        "headers must be a JSON object of names and string values"));
        cases.forEach((request, why) -> assertThat(fault(plugin, request)).as(request)
                .isEqualTo(new Fault(FaultKind.TRAP, "http_request: " + why)));

        assertThat(fault(plugin, "{\"url\":\"http://127.0.0.1:25/\"}")).isEqualTo(new Fault(FaultKind.PERMISSION,
                "http_request: port 25 is one browsers refuse to send HTTP to (it belongs to another protocol); plugins may not either"));
        assertThat(fault(plugin, "{\"url\":\"" + url + "/" + "a".repeat(17_000) + "\"}")).isEqualTo(new Fault(FaultKind.TRAP,
                "http_request: a request of " + (17_011 + url.length()) + " bytes; at most 16384 are read"));
        assertThat(fault(plugin, "{\"url\":\"" + url + "/" + "a".repeat(9_000) + "\"}").detail())
                .isEqualTo("http_request: the url is " + (9_001 + url.length()) + " characters; at most 8192 are taken");
        var headers = new StringBuilder("{\"url\":\"" + url + "/\",\"headers\":{");
        for (int i = 0; i < 33; i++) headers.append(i == 0 ? "" : ",").append("\"X-").append(i).append("\":\"v\"");
        assertThat(fault(plugin, headers + "}}").detail()).isEqualTo("http_request: 33 headers; at most 32 are taken");
        assertThat(seen).as("none of them reached the server").isEmpty();
        assertThat(fetch(plugin, get(url + "/hello")).status()).as("and the plugin still serves").isEqualTo(200);
    }

    @Test
    void a_body_on_get_or_over_max_input_bytes_is_refused() {
        var small = plugin(Map.of("body", "x"), HttpPolicy.strict().allowingPrivateAddresses(true));
        var large = plugin(Map.of("body", "x".repeat(64 * 1024 + 1)), HttpPolicy.strict().allowingPrivateAddresses(true));

        assertThat(fault(small, get("http://127.0.0.1:" + port + "/echo"))).isEqualTo(new Fault(FaultKind.TRAP,
                "http_request: a GET request has no body; pass 0 as the body"));
        assertThat(fault(large, "{\"url\":\"http://127.0.0.1:" + port + "/echo\",\"method\":\"PUT\"}")).isEqualTo(new Fault(
                FaultKind.TRAP, "http_request: the body is 65537 bytes, over the plugin's max_input_bytes of 65536"));
    }

    @Test
    void a_call_makes_at_most_8_requests_and_a_handle_that_is_no_block_traps() {
        var plugin = plugin();
        hits.remove("/hello");

        assertThat(plugin.call("many", utf8(get("http://127.0.0.1:" + port + "/hello")), DEADLINE))
                .isInstanceOfSatisfying(CallResult.Faulted.class, fault -> assertThat(fault.detail())
                        .isEqualTo("http_request: a call makes at most 8 requests"));
        assertThat(hits.get("/hello")).hasValue(8);
        assertThat(plugin.call("stale", new byte[0], DEADLINE)).isInstanceOfSatisfying(CallResult.Faulted.class,
                fault -> assertThat(fault.kind()).isEqualTo(FaultKind.TRAP));
    }

    @Test
    void a_remote_that_is_not_there_fails_the_call_as_extism_does() {
        assertThat(fault(plugin(), get("http://127.0.0.1:1/"))).isEqualTo(new Fault(FaultKind.PERMISSION,
                "http_request: port 1 is one browsers refuse to send HTTP to (it belongs to another protocol); plugins may not either"));
        var closedPort = closedPort();
        assertThat(fault(plugin(), get("http://127.0.0.1:" + closedPort + "/"))).satisfies(fault -> {
            assertThat(fault.kind()).isEqualTo(FaultKind.TRAP);
            assertThat(fault.detail()).startsWith("http_request: could not connect to 127.0.0.1 port " + closedPort);
        });
        assertThat(fault(plugin(), get("http://nowhere.example.net/"))).isEqualTo(new Fault(FaultKind.TRAP,
                "http_request: nowhere.example.net does not resolve to an address"));
    }

    @Test
    void through_the_sandbox_runtime_a_content_filter_asks_a_service_for_its_verdict() {
        var manifest = manifest(Set.of(Hook.FILTER_MESSAGE_CONTENT));
        try (var runtime = new SandboxRuntime(watchdog, client(HttpPolicy.strict().allowingPrivateAddresses(true)))) {
            var load = runtime.load(manifest, new PluginPackage(new byte[] {1}, Wat.module("http_filter")), Map.of(), NO_HOST);
            assertThat(load).isInstanceOf(Sandbox.Load.Loaded.class);
            var plugin = ((Sandbox.Load.Loaded) load).plugin();

            var call = plugin.call(new HookInput.FilterContent(get("http://api.example.org:" + port + "/spam-check")), DEADLINE);
            assertThat(call).isInstanceOfSatisfying(HookCall.Answered.class,
                    answered -> assertThat(answered.answer()).isEqualTo(new HookAnswer.Reject("looks like spam")));
            assertThat(plugin.call(new HookInput.FilterContent(get("http://api.example.org:" + port + "/missing")), DEADLINE))
                    .as("a 404: the plugin fails the call itself").isInstanceOf(HookCall.Failed.class);
            closeQuietly(plugin);
        }
    }

    // --- helpers

    record Answer(int status, String headers, String body) {}

    record Fault(FaultKind kind, String detail) {}

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

    private static String get(String url) {
        return "{\"url\":\"" + url + "\"}";
    }

    private Answer fetch(WasmPlugin plugin, String request) {
        var result = plugin.call("fetch", utf8(request), DEADLINE);
        assertThat(result).as(request).isInstanceOf(CallResult.Returned.class);
        var out = ByteBuffer.wrap(((CallResult.Returned) result).output()).order(ByteOrder.LITTLE_ENDIAN);
        int status = (int) out.getLong();
        var headers = new byte[(int) out.getLong()];
        out.get(headers);
        var body = new byte[out.remaining()];
        out.get(body);
        return new Answer(status, new String(headers, StandardCharsets.UTF_8), new String(body, StandardCharsets.UTF_8));
    }

    private static Fault fault(WasmPlugin plugin, String request) {
        var result = plugin.call("fetch", utf8(request), DEADLINE);
        assertThat(result).as(request.length() > 100 ? request.substring(0, 100) : request).isInstanceOf(CallResult.Faulted.class);
        var faulted = (CallResult.Faulted) result;
        return new Fault(faulted.kind(), faulted.detail());
    }

    private static List<Long> u64s(CallResult result) {
        assertThat(result).isInstanceOf(CallResult.Returned.class);
        var out = ByteBuffer.wrap(((CallResult.Returned) result).output()).order(ByteOrder.LITTLE_ENDIAN);
        var values = new java.util.ArrayList<Long>();
        while (out.remaining() >= 8) values.add(out.getLong());
        return values;
    }

    private WasmPlugin plugin() {
        return plugin(Map.of(), HttpPolicy.strict().allowingPrivateAddresses(true));
    }

    private WasmPlugin plugin(Map<String, String> config, HttpPolicy policy) {
        return plugin(config, client(policy));
    }

    private WasmPlugin plugin(Map<String, String> config, OutboundHttp client) {
        var wire = new HostWire(manifest(Set.of(Hook.HANDLE_COMMAND)), NO_HOST, workers, Optional.of(client));
        var load = engine.load(Wat.module("http_client"), EXPORTS, WasmPolicy.restrictive().granting(HostPermission.HTTP),
                config, Map.of(), wire);
        assertThat(load).isInstanceOf(PluginLoad.Loaded.class);
        return ((PluginLoad.Loaded) load).plugin();
    }

    private OutboundHttp client(HttpPolicy policy) {
        var client = new OutboundHttp(policy, this::resolve, (javax.net.ssl.SSLSocketFactory) javax.net.ssl.SSLSocketFactory.getDefault());
        clients.add(client);
        return client;
    }

    /** The test's DNS: a few names, and IP literals as themselves; nothing else resolves. */
    private InetAddress[] resolve(String host) throws UnknownHostException {
        resolved.incrementAndGet();
        return switch (host) {
            case "api.example.org", "www.example.net" -> new InetAddress[] {InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})};
            case "intranet.example.net" -> new InetAddress[] {InetAddress.getByAddress(host, new byte[] {10, 1, 2, 3})};
            default -> {
                if (host.chars().allMatch(c -> c == '.' || Character.isDigit(c)) || host.contains(":")) {
                    yield InetAddress.getAllByName(host);
                }
                throw new UnknownHostException(host);
            }
        };
    }

    private static PluginManifest manifest(Set<Hook> hooks) {
        var http = new Permission.OutboundHttp(Set.of(new HostName("127.0.0.1"), new HostName("api.example.org"),
                new HostName("*.example.net")));
        return new PluginManifest(new PluginName("bot"), PluginVersion.parse("1.0.0"), VersionRange.parse("^0.1.0"),
                new PluginDescription("A bot"), new PluginAuthor("Tests"), new LicenseId("MIT"), Engine.WASM,
                new EntryPoint("plugin.wasm"), hooks, Set.of(http), PluginLimits.defaults());
    }

    private static int closedPort() {
        try (var socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void closeQuietly(RunningPlugin plugin) {
        try {
            plugin.close();
        } catch (Exception ignored) {
            // nothing to release
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package dev.scrollback.adapters.sandbox.wasm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.sandbox.call.CallLog;
import dev.scrollback.adapters.sandbox.call.CallResult;
import dev.scrollback.adapters.sandbox.call.FaultKind;
import dev.scrollback.adapters.sandbox.call.HostCalls;
import dev.scrollback.adapters.sandbox.call.LogLevel;
import dev.scrollback.adapters.sandbox.call.LogLine;
import dev.scrollback.adapters.sandbox.watchdog.Watchdog;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Calls through our Extism host: the friendly paths, and hostile plugins that each end with the plugin still serving. */
class WasmPluginTest {
    private static final Duration DEADLINE = Duration.ofMillis(200);
    private static final WasmPolicy WITH_VARS = WasmPolicy.restrictive().granting(HostPermission.KEY_VALUE);
    private static final Set<String> ENTRY_POINTS = Set.of("greet", "fail", "error_and_zero", "exit_code", "nothing",
            "config", "counter", "big_var", "loop_br", "loop_br_if", "recurse", "grow_until_refused",
            "alloc_until_refused", "table_grow", "bad_load", "bad_store", "bad_output", "stale_handle", "log_flood",
            "log_levels", "huge_output", "unreachable");

    private static Watchdog watchdog;
    private static WasmEngine engine;

    @BeforeAll
    static void startWatchdog() {
        watchdog = Watchdog.start("test-watchdog");
        engine = new WasmEngine(watchdog);
    }

    @AfterAll
    static void stopWatchdog() {
        watchdog.close();
    }

    @Test
    void the_warm_up_module_loads_and_runs() {
        assertThat(engine.warmUp()).isPositive();
        assertThat(engine.load(new byte[] {0x00, 0x61, 0x73, 0x6d}, Set.of("run"), WasmPolicy.restrictive(), Map.of()))
                .as("not a module: the warm-up's own check is the scan's").isInstanceOf(PluginLoad.Refused.class);
    }

    @Test
    void greet_reads_the_input_and_returns_the_output() {
        var result = plugin().call("greet", utf8("Ada"), DEADLINE);

        assertThat(result).isInstanceOf(CallResult.Returned.class);
        assertThat(text(result)).isEqualTo("Hello, Ada!");
    }

    @Test
    void an_empty_input_and_an_export_returning_nothing_are_fine() {
        var plugin = plugin();

        assertThat(text(plugin.call("greet", new byte[0], DEADLINE))).isEqualTo("Hello, !");
        assertThat(plugin.call("nothing", new byte[0], DEADLINE)).isInstanceOf(CallResult.Returned.class);
    }

    @Test
    void error_set_and_a_non_zero_code_fail_the_call_with_the_plugins_message() {
        var plugin = plugin();

        assertThat(plugin.call("fail", new byte[0], DEADLINE))
                .isEqualTo(new CallResult.Failed("boom", CallLog.empty()));
        assertThat(plugin.call("error_and_zero", new byte[0], DEADLINE))   // Extism runtime: an error fails whatever rc
                .isEqualTo(new CallResult.Failed("boom", CallLog.empty()));
        assertThat(plugin.call("exit_code", new byte[0], DEADLINE))
                .isEqualTo(new CallResult.Failed("returned non-zero exit code 3", CallLog.empty()));
        stillServes(plugin);
    }

    @Test
    void config_get_reads_the_hosts_config_and_answers_0_for_a_missing_key() {
        var configured = loaded(WITH_VARS, Map.of("greeting", "salve"));

        assertThat(text(configured.call("config", new byte[0], DEADLINE))).isEqualTo("salve");
        assertThat(plugin().call("config", new byte[0], DEADLINE))
                .isEqualTo(new CallResult.Failed("returned non-zero exit code 2", CallLog.empty()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"loop_br", "loop_br_if"})
    void an_infinite_loop_is_stopped_at_its_deadline_and_the_next_call_works(String export) {
        var plugin = plugin();

        var result = plugin.call(export, new byte[0], Duration.ofMillis(20));

        assertThat(result).isInstanceOfSatisfying(CallResult.Faulted.class,
                fault -> assertThat(fault.kind()).isEqualTo(FaultKind.TIMEOUT));
        assertThat(Thread.currentThread().isInterrupted()).as("the watchdog's interrupt is cleared").isFalse();
        stillServes(plugin);
        assertThat(watchdog.watching()).isZero();
    }

    @Test
    void deep_recursion_is_a_fault_not_a_crash() {
        var plugin = plugin();

        assertThat(plugin.call("recurse", new byte[0], Duration.ofSeconds(5))).isInstanceOfSatisfying(
                CallResult.Faulted.class, fault -> assertThat(fault.kind()).isEqualTo(FaultKind.STACK_OVERFLOW));
        stillServes(plugin);
    }

    @Test
    void memory_grow_stops_at_the_declared_maximum() {
        var plugin = plugin();

        assertThat(u64(plugin.call("grow_until_refused", new byte[0], DEADLINE))).isEqualTo(16);
        stillServes(plugin);
    }

    @Test
    void alloc_returns_0_once_the_kernel_budget_is_spent() {
        var plugin = loaded(WITH_VARS.withLimits(WasmLimits.defaults().withKernelBytes(1 << 20)), Map.of());

        long blocks = u64(plugin.call("alloc_until_refused", new byte[0], DEADLINE));

        assertThat(blocks).isEqualTo((1 << 20) / (65536 + KernelBlocks.BLOCK_OVERHEAD));
        stillServes(plugin);
    }

    @Test
    void table_grow_past_the_declared_maximum_is_refused() {
        var plugin = plugin();

        assertThat(u64(plugin.call("table_grow", new byte[0], DEADLINE))).isEqualTo(-1);
        stillServes(plugin);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad_load", "bad_store", "bad_output", "stale_handle", "unreachable"})
    void invalid_pointers_and_traps_fault_the_call(String export) {
        var plugin = plugin();

        assertThat(plugin.call(export, new byte[0], DEADLINE)).isInstanceOfSatisfying(CallResult.Faulted.class,
                fault -> assertThat(fault.kind()).isEqualTo(FaultKind.TRAP));
        stillServes(plugin);
    }

    @Test
    void a_log_flood_is_cut_to_the_limit_and_counted() {
        var plugin = plugin();

        var result = plugin.call("log_flood", new byte[0], Duration.ofSeconds(5));

        assertThat(result).isInstanceOf(CallResult.Returned.class);
        assertThat(result.log().lines()).hasSize(100).allMatch(line -> line.equals(new LogLine(LogLevel.INFO, "flood")));
        assertThat(result.log().dropped()).isEqualTo(10_000 - 100);
        stillServes(plugin);
    }

    @Test
    void output_past_the_limit_faults() {
        var plugin = plugin();

        assertThat(plugin.call("huge_output", new byte[0], DEADLINE)).isInstanceOfSatisfying(CallResult.Faulted.class,
                fault -> assertThat(fault.kind()).isEqualTo(FaultKind.OUTPUT_TOO_LARGE));
        stillServes(plugin);
    }

    @Test
    void an_input_larger_than_the_kernel_budget_faults_before_any_code_runs() {
        var plugin = loaded(WITH_VARS.withLimits(WasmLimits.defaults().withKernelBytes(1024)), Map.of());

        assertThat(plugin.call("greet", new byte[4096], DEADLINE)).isInstanceOfSatisfying(CallResult.Faulted.class,
                fault -> assertThat(fault.kind()).isEqualTo(FaultKind.MEMORY));
        stillServes(plugin);
    }

    @Test
    void vars_persist_across_calls_and_faults_and_are_bounded() {
        var plugin = plugin();

        assertThat(u64(plugin.call("counter", new byte[0], DEADLINE))).isEqualTo(1);
        assertThat(u64(plugin.call("counter", new byte[0], DEADLINE))).isEqualTo(2);
        assertThat(plugin.call("big_var", new byte[0], DEADLINE)).isInstanceOfSatisfying(CallResult.Faulted.class,
                fault -> assertThat(fault.kind()).isEqualTo(FaultKind.STORAGE_FULL));
        assertThat(plugin.call("loop_br", new byte[0], Duration.ofMillis(10))).isInstanceOf(CallResult.Faulted.class);
        assertThat(u64(plugin.call("counter", new byte[0], DEADLINE))).isEqualTo(3);
        stillServes(plugin);
    }

    @Test
    void http_is_refused_at_call_time_when_granted_but_the_host_offers_none() {
        var load = engine.load(Wat.module("http"), Set.of("fetch"),
                WasmPolicy.restrictive().granting(HostPermission.HTTP), Map.of());
        var plugin = ((PluginLoad.Loaded) load).plugin();

        assertThat(plugin.call("fetch", new byte[0], DEADLINE)).isInstanceOfSatisfying(CallResult.Faulted.class,
                fault -> assertThat(fault).extracting(CallResult.Faulted::kind, CallResult.Faulted::detail)
                        .containsExactly(FaultKind.PERMISSION, "http_request is not offered to this plugin"));
        stillServes(plugin());
    }

    /** The BBS's side of {@code extism:host/user}, answering as a host would, and remembering what it was asked. */
    static final class RecordingHost implements HostCalls {
        final List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public String postMessage(String request) {
            asked.add("post " + request);
            return "{\"posted\":true}";
        }

        @Override
        public Optional<String> readUser(String handle) {
            asked.add("read " + handle);
            return handle.equals("Ada") ? Optional.of("{\"handle\":\"Ada\"}") : Optional.empty();
        }
    }

    private static final Set<String> USER_EXPORTS = Set.of("post", "whois", "huge_request");

    @Test
    void the_bbs_host_functions_take_a_block_and_answer_one_when_granted() {
        var host = new RecordingHost();
        var load = engine.load(Wat.module("user"), USER_EXPORTS,
                WasmPolicy.restrictive().granting(HostPermission.POST_MESSAGE, HostPermission.READ_USER), Map.of(),
                Map.of(), host);
        var plugin = ((PluginLoad.Loaded) load).plugin();

        assertThat(text(plugin.call("post", utf8("{\"room\":\"Lobby\",\"text\":\"hi\"}"), DEADLINE)))
                .isEqualTo("{\"posted\":true}");
        assertThat(text(plugin.call("whois", utf8("Ada"), DEADLINE))).isEqualTo("{\"handle\":\"Ada\"}");
        assertThat(plugin.call("whois", utf8("Nobody"), DEADLINE)).isInstanceOfSatisfying(CallResult.Returned.class,
                returned -> assertThat(returned.output()).isEmpty());
        assertThat(host.asked).containsExactly("post {\"room\":\"Lobby\",\"text\":\"hi\"}", "read Ada", "read Nobody");

        assertThat(plugin.call("huge_request", new byte[0], DEADLINE)).as("over the request limit: never read")
                .isInstanceOfSatisfying(CallResult.Faulted.class, fault -> assertThat(fault.kind()).isEqualTo(FaultKind.TRAP));
        assertThat(host.asked).hasSize(3);
        assertThat(text(plugin.call("whois", utf8("Ada"), DEADLINE))).isEqualTo("{\"handle\":\"Ada\"}");
    }

    @Test
    void the_bbs_host_functions_are_refused_at_load_without_their_permissions_and_fault_if_the_host_forbids() {
        assertThat(engine.load(Wat.module("user"), USER_EXPORTS, WasmPolicy.restrictive(), Map.of()))
                .isInstanceOfSatisfying(PluginLoad.Refused.class, refused -> assertThat(refused.reasons()).containsExactly(
                        "imports extism:host/user.post_message, which needs the POST_MESSAGE permission; it was not granted",
                        "imports extism:host/user.read_user, which needs the READ_USER permission; it was not granted"));

        // granted by the engine's policy, forbidden by the host (HostCalls.none): a PERMISSION fault, and it serves on
        var load = engine.load(Wat.module("user"), USER_EXPORTS,
                WasmPolicy.restrictive().granting(HostPermission.POST_MESSAGE, HostPermission.READ_USER), Map.of());
        var plugin = ((PluginLoad.Loaded) load).plugin();
        assertThat(plugin.call("post", utf8("{}"), DEADLINE)).isInstanceOfSatisfying(CallResult.Faulted.class,
                fault -> assertThat(fault.kind()).isEqualTo(FaultKind.PERMISSION));
        stillServes(plugin());
    }

    @Test
    void only_the_entry_points_named_at_load_can_be_called() {
        var load = engine.load(Wat.module("plugin"), Set.of("greet"), WITH_VARS, Map.of());
        var plugin = ((PluginLoad.Loaded) load).plugin();

        assertThat(plugin.entryPoints()).containsExactly("greet");
        assertThat(plugin.call("loop_br", new byte[0], DEADLINE)).isEqualTo(new CallResult.Faulted(
                FaultKind.MISSING_EXPORT, "loop_br is not one of the plugin's entry points [greet]", CallLog.empty()));
        assertThat(plugin.call("no_such_thing", new byte[0], DEADLINE)).isInstanceOfSatisfying(
                CallResult.Faulted.class, fault -> assertThat(fault.kind()).isEqualTo(FaultKind.MISSING_EXPORT));
        stillServes(plugin);
    }

    @Test
    void logs_below_the_policys_level_are_not_collected() {
        var result = plugin().call("log_levels", new byte[0], DEADLINE);

        assertThat(u64(result)).isEqualTo(2);   // INFO, numbered as the Extism runtime does
        assertThat(result.log()).isEqualTo(new CallLog(List.of(new LogLine(LogLevel.WARN, "flood")), 0));
    }

    @Test
    void the_initializer_runs_once_per_instance_and_start_never_runs() {
        var load = engine.load(Wat.module("initializer"), Set.of("run", "crash"), WasmPolicy.restrictive(), Map.of());
        var plugin = ((PluginLoad.Loaded) load).plugin();

        assertThat(u64(plugin.call("run", new byte[0], DEADLINE))).isEqualTo(1);
        assertThat(u64(plugin.call("run", new byte[0], DEADLINE))).isEqualTo(1);
        assertThat(plugin.call("crash", new byte[0], DEADLINE)).isInstanceOf(CallResult.Faulted.class);
        assertThat(u64(plugin.call("run", new byte[0], DEADLINE))).as("a fresh instance, initialized once").isEqualTo(1);
    }

    @Test
    void a_second_caller_waits_at_most_until_its_own_deadline() throws InterruptedException {
        var plugin = plugin();
        var first = new AtomicReference<CallResult>();
        var looping = Thread.ofPlatform().start(() -> first.set(plugin.call("loop_br", new byte[0], Duration.ofHours(1))));
        while (!plugin.busy()) Thread.onSpinWait();

        var result = plugin.call("greet", utf8("impatient"), Duration.ofMillis(1));

        assertThat(result).isInstanceOfSatisfying(CallResult.Faulted.class,
                fault -> assertThat(fault.kind()).isEqualTo(FaultKind.BUSY));
        looping.interrupt();   // the host shutting down, say
        looping.join();
        assertThat(first.get()).isInstanceOfSatisfying(CallResult.Faulted.class,
                fault -> assertThat(fault.kind()).isEqualTo(FaultKind.INTERRUPTED));
        stillServes(plugin);
    }

    @Test
    void an_interrupt_from_elsewhere_is_reported_and_kept_for_its_owner() {
        var plugin = plugin();

        Thread.currentThread().interrupt();
        var result = plugin.call("loop_br", new byte[0], Duration.ofSeconds(5));
        boolean stillInterrupted = Thread.interrupted();

        assertThat(result).isInstanceOfSatisfying(CallResult.Faulted.class,
                fault -> assertThat(fault.kind()).isEqualTo(FaultKind.INTERRUPTED));
        assertThat(stillInterrupted).isTrue();
        stillServes(plugin);
    }

    @Test
    void the_timeout_detail_names_the_deadline() {
        var result = plugin().call("loop_br", new byte[0], Duration.ofMillis(15));

        assertThat(result).isEqualTo(new CallResult.Faulted(FaultKind.TIMEOUT,
                "calling loop_br: still running at its deadline of 15 ms", CallLog.empty()));
    }

    private static void stillServes(WasmPlugin plugin) {
        assertThat(text(plugin.call("greet", utf8("again"), DEADLINE))).isEqualTo("Hello, again!");
        assertThat(text(plugin().call("greet", utf8("other"), DEADLINE))).isEqualTo("Hello, other!");
    }

    private static WasmPlugin plugin() {
        return loaded(WITH_VARS, Map.of());
    }

    private static WasmPlugin loaded(WasmPolicy policy, Map<String, String> config) {
        var load = engine.load(Wat.module("plugin"), ENTRY_POINTS, policy, config);
        assertThat(load).isInstanceOf(PluginLoad.Loaded.class);
        return ((PluginLoad.Loaded) load).plugin();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(CallResult result) {
        assertThat(result).isInstanceOf(CallResult.Returned.class);
        return new String(((CallResult.Returned) result).output(), StandardCharsets.UTF_8);
    }

    private static long u64(CallResult result) {
        assertThat(result).isInstanceOf(CallResult.Returned.class);
        var output = ((CallResult.Returned) result).output();
        assertThat(output).hasSize(8);
        return ByteBuffer.wrap(output).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }
}

package dev.scrollback.adapters.sandbox.wasm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.sandbox.call.CallResult;
import dev.scrollback.adapters.sandbox.watchdog.Watchdog;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Modules refused before any of their code runs; each test ends with the engine still serving a normal plugin. */
class WasmModuleCheckTest {
    private static final WasmPolicy POLICY = WasmPolicy.restrictive();
    private static final Set<String> RUN = Set.of("run");

    private static Watchdog watchdog;
    private static WasmEngine engine;

    @BeforeAll
    static void startWatchdog() {
        watchdog = Watchdog.start("check-test-watchdog");
        engine = new WasmEngine(watchdog);
    }

    @AfterAll
    static void stopWatchdog() {
        watchdog.close();
    }

    @Test
    void a_plain_plugin_is_accepted() {
        var verdict = WasmModuleCheck.check(Wat.module("plugin"), Set.of("greet", "counter"),
                POLICY.granting(HostPermission.KEY_VALUE));

        assertThat(verdict).isInstanceOf(ModuleVerdict.Accepted.class);
    }

    @Test
    void key_value_imports_need_the_permission() {
        assertThat(reasons(Wat.module("plugin"), Set.of("greet"), POLICY)).containsExactly(
                "imports extism:host/env.var_get, which needs the KEY_VALUE permission; it was not granted",
                "imports extism:host/env.var_set, which needs the KEY_VALUE permission; it was not granted");
        stillServes();
    }

    @Test
    void http_imports_need_the_permission() {
        assertThat(reasons(Wat.module("http"), Set.of("fetch"), POLICY)).containsExactly(
                "imports extism:host/env.http_request, which needs the HTTP permission; it was not granted");
        stillServes();
    }

    @Test
    void every_bad_import_is_reported_at_once() {
        assertThat(reasons(Wat.module("bad_imports"), RUN, POLICY)).containsExactly(
                "imports unknown host function extism:host/env.launch_missiles",
                "imports extism:host/env.alloc as (i32) -> (i32); the ABI's signature is (i64) -> (i64)",
                "imports function wasi_snapshot_preview1.fd_write; only functions of extism:host/env and extism:host/user are offered (WASI is not offered)",
                "imports a memory env.memory; only functions of extism:host/env and extism:host/user can be imported",
                "imports a global env.counter; only functions of extism:host/env and extism:host/user can be imported",
                "export run has type (i32) -> (i32); a plugin function takes no parameters and returns i32 (or nothing)");
        stillServes();
    }

    @Test
    void a_start_section_is_refused() {
        assertThat(reasons(Wat.module("start"), RUN, POLICY)).singleElement().asString()
                .startsWith("the module has a start section");
        stillServes();
    }

    @Test
    void memory_must_declare_a_maximum_within_the_cap() {
        assertThat(reasons(Wat.module("no_max"), RUN, POLICY)).containsExactly(
                "memory 0 declares no maximum; a maximum of at most 256 pages (64 KiB each) is required");
        assertThat(reasons(Wat.module("huge_initial"), RUN, POLICY)).containsExactly(
                "memory 0 declares a maximum of 60000 pages; the cap is 256 pages (64 KiB each)",
                "memory 0 declares 60000 initial pages; the cap is 256 pages");
        stillServes();
    }

    @Test
    void a_second_memory_is_refused() {
        assertThat(reasons(Wat.module("two_memories", "--enable-multi-memory"), RUN, POLICY)).containsExactly(
                "the module declares 2 memories; at most one is allowed (multi-memory is not supported)",
                "memory 1 declares no maximum; a maximum of at most 256 pages (64 KiB each) is required");
        stillServes();
    }

    @Test
    void shared_memory_is_refused() {
        assertThat(reasons(Wat.module("shared_memory", "--enable-threads"), RUN, POLICY)).containsExactly(
                "memory 0 is shared; threads are not supported");
        stillServes();
    }

    @Test
    void gc_types_are_refused() {
        assertThat(reasons(Wat.module("gc_struct", "--enable-gc"), RUN, POLICY)).singleElement().asString()
                .endsWith("type 0 is not a function type; garbage-collected types are not supported");
        stillServes();
    }

    @Test
    void gc_array_types_are_refused() {
        assertThat(reasons(Wat.module("gc_array", "--enable-gc"), RUN, POLICY)).singleElement().asString()
                .endsWith("type 0 is not a function type; garbage-collected types are not supported");
        stillServes();
    }

    @Test
    void a_module_that_cannot_be_instantiated_is_refused_at_load() {
        var load = engine.load(Wat.module("data_out_of_bounds"), RUN, POLICY, Map.of());

        assertThat(load).isInstanceOfSatisfying(PluginLoad.Refused.class, refused -> assertThat(refused.reasons())
                .singleElement().asString().startsWith("the module cannot be instantiated: "));
        stillServes();
    }

    @Test
    void tables_must_declare_a_bounded_maximum() {
        assertThat(reasons(Wat.module("open_table"), RUN, POLICY)).containsExactly(
                "table 0 declares no maximum; a maximum of at most 10000 entries is required");
        assertThat(reasons(Wat.module("huge_max_table"), RUN, POLICY)).containsExactly(
                "table 0 declares a maximum of 1000000 entries; a maximum of at most 10000 entries is required");
        assertThat(reasons(Wat.module("huge_table"), RUN, POLICY)).as("two tables").singleElement().asString()
                .endsWith("the module declares more than one table");
        stillServes();
    }

    @Test
    void a_missing_export_is_refused() {
        assertThat(reasons(Wat.module("initializer"), Set.of("main"), POLICY)).containsExactly(
                "the module exports no function named main");
    }

    @Test
    void bytes_that_are_not_wasm_are_refused_with_the_parsers_reason() {
        var reasons = reasons("not wasm at all".getBytes(StandardCharsets.UTF_8), RUN, POLICY);

        assertThat(reasons).singleElement().asString().contains("not a WebAssembly module");
        stillServes();
    }

    @Test
    void a_module_over_the_size_limit_is_refused_before_parsing() {
        var small = POLICY.withLimits(new WasmLimits(16, 256, 10_000, 1 << 20, 1 << 20, 1024, 10, 100, 100));

        assertThat(reasons(Wat.module("start"), RUN, small)).singleElement().asString()
                .endsWith("bytes; the limit is 16");
    }

    private static List<String> reasons(byte[] module, Set<String> exports, WasmPolicy policy) {
        var verdict = WasmModuleCheck.check(module, exports, policy);
        assertThat(verdict).isInstanceOf(ModuleVerdict.Refused.class);
        var load = engine.load(module, exports, policy, Map.of());
        assertThat(load).isEqualTo(new PluginLoad.Refused(((ModuleVerdict.Refused) verdict).reasons()));
        return ((ModuleVerdict.Refused) verdict).reasons();
    }

    private static void stillServes() {
        var load = engine.load(Wat.module("plugin"), Set.of("greet"), POLICY.granting(HostPermission.KEY_VALUE), Map.of());
        var plugin = ((PluginLoad.Loaded) load).plugin();
        var result = plugin.call("greet", "still here".getBytes(StandardCharsets.UTF_8), Duration.ofMillis(200));
        assertThat(result).isInstanceOfSatisfying(CallResult.Returned.class, returned ->
                assertThat(new String(returned.output(), StandardCharsets.UTF_8)).isEqualTo("Hello, still here!"));
    }
}

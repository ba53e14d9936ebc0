package dev.scrollback.adapters.sandbox.wasm;

import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import dev.scrollback.adapters.sandbox.call.CallResult;
import dev.scrollback.adapters.sandbox.call.HostCalls;
import dev.scrollback.adapters.sandbox.watchdog.Watchdog;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Loads Extism-ABI plugins: checks the module ({@link WasmModuleCheck}), compiles it once to JVM bytecode, and makes a
 * trial instance so that a module that cannot link or instantiate is refused at load rather than at its first call.
 *
 * <p>Always the compiler, never Chicory's interpreter: the interpreter does not check for interruption on
 * {@code br_if}/{@code br_table} back-edges, so a {@code while} loop there could not be stopped. The compiler is told
 * to fail rather than fall back to the interpreter for a function too large for one JVM method, and such a module
 * is refused.
 */
public final class WasmEngine {
    private final Watchdog watchdog;

    /** @param watchdog the one watchdog that cancels calls past their deadline */
    public WasmEngine(Watchdog watchdog) {
        this.watchdog = Objects.requireNonNull(watchdog, "watchdog");
    }

    /**
     * @param bytes   the module
     * @param exports the functions the host will call, and the only ones it can; each must exist as
     *                {@code () -> i32} or {@code () -> ()}
     * @param policy  permissions and limits
     * @param config  read-only values the plugin can read with {@code config_get}
     */
    public PluginLoad load(byte[] bytes, Set<String> exports, WasmPolicy policy, Map<String, String> config) {
        return load(bytes, exports, policy, config, Map.of());
    }

    /**
     * As {@link #load(byte[], Set, WasmPolicy, Map)}, the plugin's vars starting as {@code vars} (restored from the
     * record); refused if they hold more than the policy's limit.
     */
    public PluginLoad load(byte[] bytes, Set<String> exports, WasmPolicy policy, Map<String, String> config,
                           Map<String, byte[]> vars) {
        return load(bytes, exports, policy, config, vars, HostCalls.none());
    }

    /** As {@link #load(byte[], Set, WasmPolicy, Map, Map)}, with {@code host} behind the BBS's own host functions. */
    public PluginLoad load(byte[] bytes, Set<String> exports, WasmPolicy policy, Map<String, String> config,
                           Map<String, byte[]> vars, HostCalls host) {
        var verdict = WasmModuleCheck.check(bytes, exports, policy);
        if (verdict instanceof ModuleVerdict.Refused refused) return new PluginLoad.Refused(refused.reasons());
        var module = ((ModuleVerdict.Accepted) verdict).module();
        Function<Instance, Machine> machines;
        try {
            machines = MachineFactoryCompiler.builder(module)
                    .withInterpreterFallback(InterpreterFallback.FAIL)
                    .compile();
        } catch (RuntimeException | StackOverflowError e) {
            return refused("the module cannot be compiled: " + WasmModuleCheck.describe(e));
        }
        ExtismKernel kernel;
        try {
            kernel = new ExtismKernel(policy, config, vars, host);
        } catch (IllegalArgumentException overLimit) {
            return refused(overLimit.getMessage());
        }
        var plugin = new WasmPlugin(module, exports, machines, kernel, policy, watchdog);
        return plugin.tryInstantiate()
                .<PluginLoad>map(problem -> refused("the module cannot be instantiated: " + problem))
                .orElseGet(() -> new PluginLoad.Loaded(plugin));
    }

    /**
     * Loads and calls a module of a few bytes once, so that the compiler's own code is loaded and warm before the first
     * plugin: a first load in a fresh process took 250–450 ms, a later one 15–35 ms. Returns how long it took.
     */
    public Duration warmUp() {
        long started = System.nanoTime();
        var load = load(WARM_UP_MODULE, Set.of("run"), WasmPolicy.restrictive(), Map.of());
        if (!(load instanceof PluginLoad.Loaded loaded)
                || !(loaded.plugin().call("run", new byte[0], Duration.ofSeconds(5)) instanceof CallResult.Returned)) {
            throw new IllegalStateException("the warm-up module did not load and run: " + load);   // ours: a bug
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** {@code (module (memory 1 1) (func (export "run") (result i32) (i32.const 0)))}, encoded by hand. */
    private static final byte[] WARM_UP_MODULE = {
            0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,                  // magic, version 1
            0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7f,                        // types: () -> i32
            0x03, 0x02, 0x01, 0x00,                                          // functions: one, of type 0
            0x05, 0x04, 0x01, 0x01, 0x01, 0x01,                              // memory: one, 1 page, at most 1
            0x07, 0x07, 0x01, 0x03, 0x72, 0x75, 0x6e, 0x00, 0x00,            // exports: "run", function 0
            0x0a, 0x06, 0x01, 0x04, 0x00, 0x41, 0x00, 0x0b};                  // code: i32.const 0, end

    private static PluginLoad refused(String reason) {
        return new PluginLoad.Refused(List.of(reason));
    }
}

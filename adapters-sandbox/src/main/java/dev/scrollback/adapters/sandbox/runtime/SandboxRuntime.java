package dev.scrollback.adapters.sandbox.runtime;

import dev.scrollback.adapters.sandbox.call.LogLevel;
import dev.scrollback.adapters.sandbox.call.PluginVars;
import dev.scrollback.adapters.sandbox.http.HttpPolicy;
import dev.scrollback.adapters.sandbox.http.OutboundHttp;
import dev.scrollback.adapters.sandbox.js.JsEngine;
import dev.scrollback.adapters.sandbox.js.JsLimits;
import dev.scrollback.adapters.sandbox.js.JsPolicy;
import dev.scrollback.adapters.sandbox.js.ScriptLoad;
import dev.scrollback.adapters.sandbox.registry.WasmPolicies;
import dev.scrollback.adapters.sandbox.wasm.PluginLoad;
import dev.scrollback.adapters.sandbox.wasm.WasmEngine;
import dev.scrollback.adapters.sandbox.wasm.WasmPlugin;
import dev.scrollback.adapters.sandbox.watchdog.Watchdog;
import dev.scrollback.application.plugins.HookCall;
import dev.scrollback.application.plugins.HookInput;
import dev.scrollback.application.plugins.PluginHost;
import dev.scrollback.application.plugins.PluginPackage;
import dev.scrollback.application.plugins.RunningPlugin;
import dev.scrollback.application.plugins.Sandbox;
import dev.scrollback.domain.plugins.Permission;
import dev.scrollback.domain.plugins.PluginManifest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@link Sandbox} port on both engines, sharing one {@link Watchdog}. WebAssembly modules load under the policy
 * their manifest asks for ({@link WasmPolicies}, the same the scan judged them by), with their storage restored as
 * vars; scripts under {@link #scriptPolicy}. GraalJS's engine is made at the first script loaded, not at start.
 * WebAssembly plugins granted {@code http} make their requests through one {@link OutboundHttp} (decision 0019);
 * scripts have no outbound HTTP.
 */
public final class SandboxRuntime implements Sandbox, AutoCloseable {
    private final WasmEngine wasm;
    private final Watchdog watchdog;
    /** Threads that do what plugins ask of the BBS ({@link HostWire}); past the queue a request is answered "busy". */
    static final int HOST_WORKERS = 2;
    static final int HOST_QUEUE = 200;
    private final ThreadPoolExecutor hostWorkers;
    private final OutboundHttp http;
    private JsEngine js;                                                   // guarded by this

    /** Plugins' requests under {@link HttpPolicy#strict()}: public addresses only. */
    public SandboxRuntime(Watchdog watchdog) {
        this(watchdog, new OutboundHttp(HttpPolicy.strict()));
    }

    /** Plugins' requests made by {@code http}, which this runtime closes with itself. */
    public SandboxRuntime(Watchdog watchdog, OutboundHttp http) {
        this.watchdog = watchdog;
        this.http = http;
        this.wasm = new WasmEngine(watchdog);
        Thread.ofPlatform().name("wasm-warm-up").daemon(true).start(wasm::warmUp);   // the first install is then warm
        var count = new AtomicInteger();
        this.hostWorkers = new ThreadPoolExecutor(HOST_WORKERS, HOST_WORKERS, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(HOST_QUEUE),
                task -> Thread.ofPlatform().name("plugin-host-" + count.incrementAndGet()).daemon(true).unstarted(task),
                new ThreadPoolExecutor.AbortPolicy());
    }

    @Override
    public Load load(PluginManifest manifest, PluginPackage content, Map<String, byte[]> storage, PluginHost host) {
        var calls = new HostWire(manifest, host, hostWorkers, Optional.of(http));
        return switch (manifest.engine()) {
            case WASM -> switch (wasm.load(content.code(), WasmPolicies.exports(manifest), WasmPolicies.of(manifest), Map.of(),
                    storage, calls)) {
                case PluginLoad.Loaded loaded -> new Load.Loaded(new RunningWasm(manifest, loaded.plugin()));
                case PluginLoad.Refused refused -> new Load.Refused(refused.reasons());
            };
            case JS -> switch (js().load(manifest.name().value() + "/" + manifest.entryPoint().value(),
                    new String(content.code(), StandardCharsets.UTF_8), WasmPolicies.exports(manifest),
                    scriptPolicy(manifest), Map.of(), calls, scriptStorage(manifest, storage))) {
                case ScriptLoad.Loaded loaded -> new Load.Loaded(new RunningScript(manifest, loaded.script()));
                case ScriptLoad.Refused refused -> new Load.Refused(refused.reasons());
            };
        };
    }

    /**
     * A script's limits from its manifest: its statement limit, its input and output limits, and {@code memory_bytes} as the
     * allocation budget of one call (garbage included: the interpreter allocates as it runs).
     */
    static JsPolicy scriptPolicy(PluginManifest manifest) {
        var asked = manifest.limits();
        var limits = JsLimits.defaults()
                .withStatementLimit(asked.statementLimit())
                .withMaxOutputBytes((int) asked.maxOutputBytes())
                .withAllocationBytes(asked.memoryBytes());
        // max_input_bytes bounds the hook's input and an httpRequest body, as for a module
        limits = new JsLimits(limits.maxScriptBytes(), Math.toIntExact(asked.maxInputBytes()), limits.maxOutputBytes(),
                limits.statementLimit(), limits.allocationBytes(), limits.maxLogLines(), limits.maxLogLineBytes(),
                limits.maxErrorBytes(), limits.loadTimeout());
        return new JsPolicy(limits, LogLevel.INFO);
    }

    /** A script's storage, restored from the log, when its manifest grants {@code kv_storage}. */
    static Optional<PluginVars> scriptStorage(PluginManifest manifest, Map<String, byte[]> storage) {
        if (!manifest.grants(Permission.Kind.KV_STORAGE)) return Optional.empty();
        return Optional.of(new PluginVars(Math.toIntExact(manifest.limits().maxKeyValueBytes()), storage));
    }

    private synchronized JsEngine js() {
        if (js == null) {
            js = new JsEngine(watchdog);
            js.warmUp();                                                   // the first real call then stops in time
        }
        return js;
    }

    @Override
    public synchronized void close() {
        hostWorkers.shutdownNow();
        http.close();
        if (js != null) js.close();
    }

    private record RunningWasm(PluginManifest manifest, WasmPlugin plugin) implements RunningPlugin {
        @Override
        public HookCall call(HookInput input, Duration deadline) {
            return EngineCall.run(manifest, plugin::call, input, deadline, () -> plugin.takeVarWrites().entrySet().stream()
                    .map(e -> new HookCall.StorageChange(e.getKey(), e.getValue())).toList());
        }

        @Override
        public void close() {
            // nothing outlives the plugin object: its instance and kernel go with it
        }
    }

    private record RunningScript(PluginManifest manifest, dev.scrollback.adapters.sandbox.js.JsScript script)
            implements RunningPlugin {
        @Override
        public HookCall call(HookInput input, Duration deadline) {
            return EngineCall.run(manifest, script::call, input, deadline, () -> script.takeVarWrites().entrySet().stream()
                    .map(e -> new HookCall.StorageChange(e.getKey(), e.getValue())).toList());
        }

        @Override
        public void close() {
            script.close();
        }
    }
}

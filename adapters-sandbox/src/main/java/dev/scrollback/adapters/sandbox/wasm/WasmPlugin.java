package dev.scrollback.adapters.sandbox.wasm;

import com.dylibso.chicory.runtime.ByteBufferMemory;
import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.UninstantiableException;
import com.dylibso.chicory.wasm.UnlinkableException;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.ValType;
import dev.scrollback.adapters.sandbox.call.CallGate;
import dev.scrollback.adapters.sandbox.call.CallLog;
import dev.scrollback.adapters.sandbox.call.CallResult;
import dev.scrollback.adapters.sandbox.call.CpuShare;
import dev.scrollback.adapters.sandbox.call.FaultKind;
import dev.scrollback.adapters.sandbox.watchdog.Cancellable;
import dev.scrollback.adapters.sandbox.watchdog.Watch;
import dev.scrollback.adapters.sandbox.watchdog.Watchdog;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One loaded plugin: a compiled module, its kernel (vars live here, across calls and faults), and at most one live
 * instance. Calls follow the Extism runtime: the export takes nothing and returns an i32 (or nothing); an
 * {@code error_set} message fails the call whatever the return code, and so does a non-zero code.
 *
 * <p>Calls run one at a time on the caller's thread, under the watchdog: a call waits for the previous one at most
 * until its own deadline, and a call re-entering the plugin from its own thread is refused. After any fault the
 * instance is dropped (its stack and memory are in an unknown state) and the next call instantiates afresh, which is
 * cheap with the compiled machine factory. Nothing a plugin does escapes as an exception: traps, interrupts, a stack
 * overflow (deep recursion runs on the caller's JVM stack) and even running the heap out during the call become
 * {@link CallResult.Faulted}; the discarded instance is what frees the memory.
 */
public final class WasmPlugin {
    private enum Shape { RETURNS_CODE, RETURNS_NOTHING }

    private static final FunctionType RETURNS_CODE = FunctionType.returning(ValType.I32);
    private static final FunctionType RETURNS_NOTHING = FunctionType.empty();
    /** Guest runtimes' one-time initializers, in the order the Extism runtime looks for them. */
    private static final List<String> INITIALIZERS = List.of("__wasm_call_ctors", "_initialize");

    private final WasmModule module;
    private final Function<Instance, Machine> machines;
    private final ExtismKernel kernel;
    private final ImportValues imports;
    private final int maxMemoryPages;
    private final Watchdog watchdog;
    private final Map<String, Shape> entryPoints;
    private final Optional<String> initializer;
    private final ReentrantLock lock = new ReentrantLock();
    // Guarded by lock. Empty after a fault; initialized tells whether the guest's initializer has run on it.
    private Optional<Instance> instance = Optional.empty();
    private boolean initialized;

    WasmPlugin(WasmModule module, Set<String> exports, Function<Instance, Machine> machines, ExtismKernel kernel,
               WasmPolicy policy, Watchdog watchdog) {
        this.module = module;
        this.machines = machines;
        this.kernel = kernel;
        this.imports = ImportValues.builder().withFunctions(kernel.hostFunctions()).build();
        this.maxMemoryPages = policy.limits().maxMemoryPages();
        this.watchdog = watchdog;
        var shapes = functionShapes(module);
        this.entryPoints = Map.copyOf(shapes.entrySet().stream().filter(e -> exports.contains(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        this.initializer = INITIALIZERS.stream().filter(name -> shapes.get(name) == Shape.RETURNS_NOTHING).findFirst();
    }

    /**
     * Calls an export with {@code input}; the call, including any instantiation it needs, must end within
     * {@code timeout} or the watchdog stops it.
     */
    public CallResult call(String export, byte[] input, Duration timeout) {
        long started = System.nanoTime();
        Objects.requireNonNull(export, "export");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(timeout, "timeout");
        if (lock.isHeldByCurrentThread()) {
            return faulted(FaultKind.BUSY, "the plugin was re-entered from its own call", CallLog.empty());
        }
        var waited = CallGate.enter(lock, timeout);
        if (waited.isPresent()) return waited.get();
        try {
            var left = timeout.minusNanos(System.nanoTime() - started);
            Watch watch;
            try {
                watch = watchdog.register(left, Cancellable.interrupting(Thread.currentThread()));
            } catch (IllegalStateException closed) {
                return faulted(FaultKind.INTERRUPTED, "the sandbox is shutting down (its watchdog is closed)", CallLog.empty());
            }
            long cpu = CpuShare.now();
            try {
                return CpuShare.judged(run(export, input.clone(), watch, timeout), cpu, left);
            } finally {
                watch.close();
                if (watch.expired()) Thread.interrupted();   // the watchdog's interrupt must not outlive the call
            }
        } finally {
            lock.unlock();
        }
    }

    /** The names {@link #call} accepts: the entry points named at load (never {@code _start} or an initializer). */
    public Set<String> entryPoints() {
        return entryPoints.keySet();
    }

    /**
     * The vars written since the last take, latest value per key (empty when deleted), and forgets them: the host
     * records them after each call. A write is handed out exactly once, though with calls on many threads a take may
     * include a write of a call that ended just after the taker's own.
     */
    public Map<String, Optional<byte[]>> takeVarWrites() {
        return kernel.takeVarWrites();
    }

    /** Whether a call is running now. */
    boolean busy() {
        return lock.isLocked();
    }

    /** Builds the first instance at load, without running guest code; the reason it failed, if it did. */
    Optional<String> tryInstantiate() {
        lock.lock();
        try {
            instance = Optional.of(newInstance());
            return Optional.empty();
        } catch (RuntimeException | StackOverflowError e) {
            return Optional.of(WasmModuleCheck.describe(e));
        } finally {
            lock.unlock();
        }
    }

    private CallResult run(String export, byte[] input, Watch watch, Duration timeout) {
        var shape = entryPoints.get(export);
        if (shape == null) {
            return faulted(FaultKind.MISSING_EXPORT, export + " is not one of the plugin's entry points "
                    + entryPoints.keySet().stream().sorted().toList(), CallLog.empty());
        }
        String stage = "instantiating";
        try {
            var ready = readyInstance();
            stage = "calling " + export;
            kernel.beginCall(input);
            long[] results = ready.export(export).apply();
            int code = shape == Shape.RETURNS_CODE ? (int) results[0] : 0;
            var log = kernel.log();
            if (kernel.error().isPresent()) return new CallResult.Failed(kernel.error().get(), log);
            if (code != 0) return new CallResult.Failed("returned non-zero exit code " + code, log);
            return new CallResult.Returned(kernel.output(), log);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            instance = Optional.empty();   // whatever state the guest was left in, it is not reused
            return classify(e, stage, watch, timeout, kernel.log());
        } finally {
            kernel.endCall();
        }
    }

    /** The live instance, made and initialized under the current call's deadline if the last one faulted. */
    private Instance readyInstance() {
        if (instance.isEmpty()) {
            instance = Optional.of(newInstance());
            initialized = false;
        }
        var ready = instance.get();
        if (!initialized) {
            kernel.beginCall(new byte[0]);
            initializer.ifPresent(name -> ready.export(name).apply());
            initialized = true;
        }
        return ready;
    }

    private Instance newInstance() {
        return Instance.builder(module)
                .withImportValues(imports)
                .withMachineFactory(machines)
                .withMemoryFactory(this::cappedMemory)
                .withStart(false)   // an export named _start is not ours to run
                .build();
    }

    /**
     * Every memory, not only memory 0 (which is all {@code withMemoryLimits} covers), gets at most the policy's pages.
     * The check already refuses more than one memory and larger maxima; this holds even if it did not.
     */
    private Memory cappedMemory(MemoryLimits declared) {
        return new ByteBufferMemory(new MemoryLimits(declared.initialPages(),
                Math.min(declared.maximumPages(), maxMemoryPages)));
    }

    private static CallResult.Faulted classify(Throwable e, String stage, Watch watch, Duration timeout, CallLog log) {
        if (e instanceof KernelFault fault) return faulted(fault.kind(), fault.getMessage(), log);
        if (e instanceof ChicoryInterruptedException) {
            return watch.expired()
                    ? faulted(FaultKind.TIMEOUT, stage + ": still running at its deadline of " + timeout.toMillis() + " ms", log)
                    : faulted(FaultKind.INTERRUPTED, stage + ": the calling thread was interrupted", log);
        }
        if (e instanceof StackOverflowError || e.getCause() instanceof StackOverflowError) {
            return faulted(FaultKind.STACK_OVERFLOW, stage + ": the call stack is exhausted (recursion too deep)", log);
        }
        if (e instanceof OutOfMemoryError) {
            return faulted(FaultKind.MEMORY, stage + ": the host ran out of heap", log);
        }
        if (e instanceof UnlinkableException || e instanceof UninstantiableException) {
            return faulted(FaultKind.INSTANTIATION, stage + ": " + WasmModuleCheck.describe(e), log);
        }
        var what = e instanceof ChicoryException ? "" : " (" + e.getClass().getSimpleName() + ")";
        return faulted(FaultKind.TRAP, stage + ": " + WasmModuleCheck.describe(e) + what, log);
    }

    private static CallResult.Faulted faulted(FaultKind kind, String detail, CallLog log) {
        return new CallResult.Faulted(kind, detail, log);
    }

    /** Every exported function that takes nothing and returns an i32 or nothing. */
    private static Map<String, Shape> functionShapes(WasmModule module) {
        var shapes = new HashMap<String, Shape>();
        var exports = module.exportSection();
        for (int i = 0; i < exports.exportCount(); i++) {
            var export = exports.getExport(i);
            if (export.exportType() != ExternalType.FUNCTION) continue;
            WasmModuleCheck.exportedFunctionType(module, export.index()).ifPresent(type -> {
                if (type.equals(RETURNS_CODE)) shapes.put(export.name(), Shape.RETURNS_CODE);
                if (type.equals(RETURNS_NOTHING)) shapes.put(export.name(), Shape.RETURNS_NOTHING);
            });
        }
        return shapes;
    }
}

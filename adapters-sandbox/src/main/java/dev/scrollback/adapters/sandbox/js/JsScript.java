package dev.scrollback.adapters.sandbox.js;

import dev.scrollback.adapters.sandbox.call.CallGate;
import dev.scrollback.adapters.sandbox.call.CallLog;
import dev.scrollback.adapters.sandbox.call.CallResult;
import dev.scrollback.adapters.sandbox.call.CpuShare;
import dev.scrollback.adapters.sandbox.call.FaultKind;
import dev.scrollback.adapters.sandbox.call.HostCalls;
import dev.scrollback.adapters.sandbox.call.PluginVars;
import dev.scrollback.adapters.sandbox.watchdog.Watch;
import dev.scrollback.adapters.sandbox.watchdog.Watchdog;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;

/**
 * One loaded script and at most one live context for it. The script's hooks are the functions it defines at top level
 * (see {@link JsEngine}); only those named at load can be called.
 *
 * <p>A call runs one hook with the input as a string, under the watchdog: its deadline, and a budget of bytes the
 * calling thread may allocate. It ends as {@link CallResult.Returned} (the hook returned a string, or nothing),
 * {@link CallResult.Failed} (the hook threw: the message is what it threw, as text) or {@link CallResult.Faulted}.
 * After a fault the context is discarded, whatever the script left in it (a memory bomb's arrays, a half-done state),
 * and the next call makes a new one and re-runs the script's top-level code under its own deadline. After a failure
 * the context is kept, as a WASM instance is after {@code error_set}.
 *
 * <p>Calls run one at a time: a call waits for the previous one at most until its own deadline, and a call that
 * re-enters the script from its own thread is refused (BUSY). The allocation counter exists only for platform threads,
 * so a call from a virtual thread is run on one of the engine's few platform threads ({@link CallThreads}) and waited
 * for: it takes the script's lock first, on its own thread, and only then a platform thread, within what is left of
 * its deadline (BUSY past it). An interrupted caller stops its call and answers INTERRUPTED once it has stopped.
 */
public final class JsScript implements AutoCloseable {
    private static final String TOP_LEVEL = "running the script's top-level code";
    private static final String SHUTTING_DOWN = "the sandbox is shutting down";

    private final String name;
    private final Source source;
    private final Set<String> hooks;
    private final JsPolicy policy;
    private final ScriptBridge bridge;
    private final Engine engine;
    private final Watchdog watchdog;
    private final ContextStopper stopper;
    private final CallThreads platformThreads;
    // held by the caller for the whole call, also while one of the platform threads runs it for the caller
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Optional<Thread> running = Optional.empty();   // the thread running a call now, to refuse re-entry
    private Optional<ScriptContext> live = Optional.empty();   // guarded by lock; empty after a fault
    private boolean closed;                                     // guarded by lock

    JsScript(String name, Source source, Set<String> hooks, JsPolicy policy, Map<String, String> config, HostCalls host,
             Optional<PluginVars> vars, Engine engine, Watchdog watchdog, ContextStopper stopper, CallThreads platformThreads) {
        this.name = name;
        this.source = source;
        this.hooks = Set.copyOf(hooks);
        this.policy = policy;
        this.bridge = new ScriptBridge(policy, config, host, vars);
        this.engine = engine;
        this.watchdog = watchdog;
        this.stopper = stopper;
        this.platformThreads = platformThreads;
    }

    /** The hooks {@link #call} accepts: those named at load. */
    public Set<String> hooks() {
        return hooks;
    }

    public String name() {
        return name;
    }

    /** Whether a call is running now. */
    boolean busy() {
        return lock.isLocked();
    }

    /**
     * Calls {@code hook} with {@code input} (UTF-8; malformed bytes become U+FFFD); the call, including a new context
     * if the last call faulted, must end within {@code timeout} or the watchdog stops it.
     */
    public CallResult call(String hook, byte[] input, Duration timeout) {
        Objects.requireNonNull(hook, "hook");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(timeout, "timeout");
        if (lock.isHeldByCurrentThread() || running.equals(Optional.of(Thread.currentThread()))) {
            return faulted(FaultKind.BUSY, "the script was re-entered from its own call", CallLog.empty());
        }
        long started = System.nanoTime();
        var waited = CallGate.enter(lock, timeout);
        if (waited.isPresent()) return waited.get();
        try {
            var copy = input.clone();
            var target = new StopTarget(stopper);
            if (!AllocationBudget.measurable() && Thread.currentThread().isVirtual()) {
                return onPlatformThread(() -> callLocked(hook, copy, started, timeout, target), target, started, timeout);
            }
            return callLocked(hook, copy, started, timeout, target);
        } finally {
            lock.unlock();
        }
    }

    /** The storage written since the last take (empty without storage), for the host to record. */
    public Map<String, Optional<byte[]>> takeVarWrites() {
        return bridge.takeVarWrites();
    }

    /**
     * Unloads the script: its context is discarded and later calls fault as {@code INTERRUPTED}. Waits for a running
     * call to end, which its deadline bounds.
     */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            dropContext();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Makes the first context at load, under the load deadline and the allocation budget (so on a platform thread):
     * the reasons the script cannot run, if any.
     */
    List<String> open() {
        if (!Thread.currentThread().isVirtual()) return openHere();
        try {
            var started = platformThreads.start(this::openHere, policy.limits().loadTimeout());
            if (started.isEmpty()) return List.of(allThreadsBusy());
            return started.get().get();   // no stop to send: the load's own deadline ends it
        } catch (RejectedExecutionException shuttingDown) {
            return List.of(SHUTTING_DOWN);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of("loading was interrupted");
        } catch (ExecutionException e) {
            return List.of(TOP_LEVEL + " failed: " + e.getCause());
        }
    }

    private List<String> openHere() {
        var target = new StopTarget(stopper);
        Watch watch;
        try {
            watch = watch(policy.limits().loadTimeout(), target);
        } catch (IllegalStateException closedWatchdog) {
            return List.of(SHUTTING_DOWN);
        }
        lock.lock();
        try {
            var opened = ScriptContext.open(engine, source, hooks, policy, bridge, target::attach);
            watch.close();
            if (watch.expired() || watch.breached()) {
                opened.close();
                return List.of(describe(watch, TOP_LEVEL, policy.limits().loadTimeout()));
            }
            if (!opened.missingHooks().isEmpty()) {
                opened.close();
                return opened.missingHooks().stream()
                        .map(hook -> "the script does not define the hook " + hook
                                + " as a function at top level (function " + hook + "(input) { … })")
                        .toList();
            }
            live = Optional.of(opened);
            return List.of();
        } catch (PolyglotException e) {
            watch.close();
            if (e.isSyntaxError()) return List.of("the script does not parse: " + clip(e.getMessage()));
            if (e.isGuestException() && !watch.expired() && !watch.breached()) {
                return List.of("the script's top-level code threw: " + clip(e.getMessage()));
            }
            return List.of(describe(e, watch, TOP_LEVEL, policy.limits().loadTimeout()));
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            watch.close();
            return List.of(watch.expired() || watch.breached()
                    ? describe(watch, TOP_LEVEL, policy.limits().loadTimeout())
                    : TOP_LEVEL + ": " + e.getClass().getSimpleName() + ": " + clip(String.valueOf(e.getMessage())));
        } finally {
            watch.close();
            if (watch.expired() || watch.breached()) Thread.interrupted();   // a stop must not outlive the load
            bridge.endCall();
            lock.unlock();
        }
    }

    /**
     * Runs a call that holds the lock on one of the engine's platform threads and waits for it. The lock stays with this
     * thread, so this returns only once the call has ended: an interrupt stops the call rather than leave it running.
     */
    private CallResult onPlatformThread(Callable<CallResult> call, StopTarget target, long started, Duration timeout) {
        Future<CallResult> running;
        try {
            var left = timeout.minusNanos(System.nanoTime() - started);
            var thread = platformThreads.start(call, left);
            if (thread.isEmpty()) return faulted(FaultKind.BUSY, allThreadsBusy(), CallLog.empty());
            running = thread.get();
        } catch (RejectedExecutionException shuttingDown) {
            return faulted(FaultKind.INTERRUPTED, SHUTTING_DOWN, CallLog.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return faulted(FaultKind.INTERRUPTED, "interrupted while waiting for a thread to run the call", CallLog.empty());
        }
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    var result = running.get();
                    if (!interrupted) return result;
                    dropContext();   // the stop may have reached the context after the call ended
                    return faulted(FaultKind.INTERRUPTED, "the caller was interrupted while the hook ran", result.log());
                } catch (InterruptedException e) {
                    interrupted = true;
                    target.cancel();   // nobody will read its answer: stop it, then wait only for it to stop
                } catch (ExecutionException e) {
                    dropContext();
                    return faulted(FaultKind.TRAP, "the hook's platform thread failed: " + e.getCause(), CallLog.empty());
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    private String allThreadsBusy() {
        return "all " + platformThreads.size() + " of the engine's call threads stayed busy until this call's deadline";
    }

    /** The call, under the lock the caller holds, on this thread. */
    private CallResult callLocked(String hook, byte[] input, long started, Duration timeout, StopTarget target) {
        running = Optional.of(Thread.currentThread());
        try {
            if (closed) return faulted(FaultKind.INTERRUPTED, "the script was unloaded", CallLog.empty());
            if (platformThreads.isClosed()) return faulted(FaultKind.INTERRUPTED, SHUTTING_DOWN, CallLog.empty());   // JsEngine.close
            if (!hooks.contains(hook)) {
                return faulted(FaultKind.MISSING_EXPORT, hook + " is not one of the script's hooks "
                        + hooks.stream().sorted().toList(), CallLog.empty());
            }
            if (input.length > policy.limits().maxInputBytes()) {
                return faulted(FaultKind.MEMORY, "the input of " + input.length + " bytes is over the limit of "
                        + policy.limits().maxInputBytes(), CallLog.empty());
            }
            Watch watch;
            var left = timeout.minusNanos(System.nanoTime() - started);
            try {
                watch = watch(left, target);
            } catch (IllegalStateException closedWatchdog) {
                return faulted(FaultKind.INTERRUPTED, SHUTTING_DOWN, CallLog.empty());
            }
            CallResult result;
            long cpu = CpuShare.now();
            try {
                result = run(hook, new String(input, StandardCharsets.UTF_8), watch, target, timeout);
            } finally {
                watch.close();
            }
            if (watch.expired() || watch.breached()) {
                dropContext();   // a stop may still be on its way to this context; it must not meet the next call
                Thread.interrupted();
                if (!(result instanceof CallResult.Faulted)) {
                    result = faulted(watch.breached() ? FaultKind.MEMORY : FaultKind.TIMEOUT,
                            describe(watch, "calling " + hook, timeout), result.log());
                }
            }
            return CpuShare.judged(result, cpu, left);
        } finally {
            bridge.endCall();   // nothing of this call stays reachable from the bridge
            running = Optional.empty();
        }
    }

    private Watch watch(Duration timeout, StopTarget target) {
        if (!AllocationBudget.measurable()) return watchdog.register(timeout, target);
        return watchdog.register(timeout, target, AllocationBudget.startingNow(policy.limits().allocationBytes()),
                Watchdog.MIN_PROBE_PERIOD);
    }

    private CallResult run(String hook, String input, Watch watch, StopTarget target, Duration timeout) {
        String stage = "re-" + TOP_LEVEL;
        bridge.beginCall();
        try {
            var context = live.isPresent() ? live.get() : reopen(target);
            target.attach(context.context());
            if (!context.missingHooks().isEmpty()) {
                dropContext();
                return faulted(FaultKind.INSTANTIATION, stage + ": the script no longer defines "
                        + context.missingHooks(), bridge.log());
            }
            stage = "calling " + hook;
            bridge.hookRunning(target);
            var out = context.call(hook, input);
            var log = bridge.log();
            return switch (bridge.ended()) {
                case ScriptBridge.Ended.Normally normally -> output(out.isString() ? out.asString() : "", log);
                case ScriptBridge.Ended.Threw threw -> threw.message().startsWith("RangeError: Maximum call stack size exceeded")
                        ? dropped(FaultKind.STACK_OVERFLOW, stage + ": the call stack is exhausted (recursion too deep)", log)
                        : new CallResult.Failed(threw.message(), log);
                case ScriptBridge.Ended.OutputTooLong tooLong -> dropped(FaultKind.OUTPUT_TOO_LARGE, stage
                        + ": the hook returned " + tooLong.chars() + " characters, over the limit of "
                        + policy.limits().maxOutputBytes() + " bytes", log);
                case ScriptBridge.Ended.NotAString notAString -> dropped(FaultKind.INVALID_OUTPUT, stage
                        + ": the hook returned a " + notAString.type() + "; a hook returns a string, or nothing", log);
                case ScriptBridge.Ended.Forbidden forbidden -> faulted(FaultKind.PERMISSION, stage + ": "
                        + forbidden.message(), log);
                case ScriptBridge.Ended.StorageFull full -> faulted(FaultKind.STORAGE_FULL, stage + ": "
                        + full.message(), log);
                case ScriptBridge.Ended.Trapped trapped -> faulted(FaultKind.TRAP, stage + ": " + trapped.message(), log);
                case ScriptBridge.Ended.NotRun notRun -> faulted(FaultKind.BUSY, stage + ": " + notRun.message(), log);
                case ScriptBridge.Ended.Stopped stopped -> watch.expired() || watch.breached()
                        ? dropped(watch.breached() ? FaultKind.MEMORY : FaultKind.TIMEOUT, describe(watch, stage, timeout), log)
                        : dropped(FaultKind.INTERRUPTED, stage + ": " + stopped.message(), log);
            };
        } catch (PolyglotException e) {
            dropContext();
            var refused = refusal(stage);
            if (refused.isPresent()) return refused.get();
            return faulted(kindOf(e, watch, stage.startsWith("re-")), describe(e, watch, stage, timeout), bridge.log());
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            dropContext();
            var refused = refusal(stage);
            if (refused.isPresent()) return refused.get();
            var kind = watch.breached() || e instanceof OutOfMemoryError ? FaultKind.MEMORY
                    : watch.expired() ? FaultKind.TIMEOUT
                    : e instanceof StackOverflowError ? FaultKind.STACK_OVERFLOW : FaultKind.TRAP;
            var detail = kind == FaultKind.TRAP ? stage + ": " + e.getClass().getSimpleName() + ": " + clip(String.valueOf(e.getMessage()))
                    : describe(watch, stage, timeout);
            return faulted(kind, detail, bridge.log());
        }
    }

    /**
     * The fault of a host call the script was refused, which decides how the call ends however the guest ended after it
     * (a script that loops on after a refused request until its deadline faults as refused, not TIMEOUT).
     */
    private Optional<CallResult> refusal(String stage) {
        return switch (bridge.ended()) {
            case ScriptBridge.Ended.Forbidden forbidden -> Optional.of(faulted(FaultKind.PERMISSION, stage + ": "
                    + forbidden.message(), bridge.log()));
            case ScriptBridge.Ended.Trapped trapped -> Optional.of(faulted(FaultKind.TRAP, stage + ": "
                    + trapped.message(), bridge.log()));
            case ScriptBridge.Ended.NotRun notRun -> Optional.of(faulted(FaultKind.BUSY, stage + ": "
                    + notRun.message(), bridge.log()));
            default -> Optional.empty();
        };
    }

    private ScriptContext reopen(StopTarget target) {
        var context = ScriptContext.open(engine, source, hooks, policy, bridge, target::attach);
        live = Optional.of(context);
        return context;
    }

    private CallResult output(String text, CallLog log) {
        var bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > policy.limits().maxOutputBytes()) {
            return dropped(FaultKind.OUTPUT_TOO_LARGE, "the hook returned " + bytes.length
                    + " bytes of UTF-8, over the limit of " + policy.limits().maxOutputBytes(), log);
        }
        return new CallResult.Returned(bytes, log);
    }

    /** A fault that leaves the context in a state not worth keeping. */
    private CallResult dropped(FaultKind kind, String detail, CallLog log) {
        dropContext();
        return faulted(kind, detail, log);
    }

    private void dropContext() {
        live.ifPresent(ScriptContext::close);
        live = Optional.empty();
    }

    private FaultKind kindOf(PolyglotException e, Watch watch, boolean reopening) {
        if (watch.breached()) return FaultKind.MEMORY;
        if (watch.expired()) return FaultKind.TIMEOUT;
        if (bridge.statementLimitWasReached()) return FaultKind.STATEMENT_LIMIT;
        if (e.isCancelled() || e.isInterrupted()) return FaultKind.INTERRUPTED;
        if (e.isResourceExhausted()) return FaultKind.MEMORY;
        if (e.isGuestException() && String.valueOf(e.getMessage()).startsWith("RangeError: Maximum call stack")) {
            return FaultKind.STACK_OVERFLOW;
        }
        return e.isGuestException() && reopening ? FaultKind.INSTANTIATION : FaultKind.TRAP;
    }

    private String describe(PolyglotException e, Watch watch, String stage, Duration timeout) {
        if (watch.expired() || watch.breached()) return describe(watch, stage, timeout);
        if (bridge.statementLimitWasReached()) {
            return stage + ": ran more than " + policy.limits().statementLimit() + " statements";
        }
        return stage + ": " + clip(String.valueOf(e.getMessage()));
    }

    private String describe(Watch watch, String stage, Duration timeout) {
        return watch.breached()
                ? stage + ": allocated more than " + policy.limits().allocationBytes() + " bytes"
                : stage + ": still running at its deadline of " + timeout.toMillis() + " ms";
    }

    private String clip(String text) {
        return ScriptBridge.cutUtf8(text, policy.limits().maxErrorBytes());
    }

    private static CallResult.Faulted faulted(FaultKind kind, String detail, CallLog log) {
        return new CallResult.Faulted(kind, detail, log);
    }
}

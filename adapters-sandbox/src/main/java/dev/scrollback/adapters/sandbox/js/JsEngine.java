package dev.scrollback.adapters.sandbox.js;

import dev.scrollback.adapters.sandbox.call.HostCalls;
import dev.scrollback.adapters.sandbox.call.PluginVars;
import dev.scrollback.adapters.sandbox.watchdog.Watchdog;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.io.IOAccess;

/**
 * Loads JavaScript scripts on GraalJS (community edition, interpreter only on a stock JDK), shaped like the WASM
 * engine so that one sandbox port can drive both. One {@link Engine} is shared by every script, so parsed code is
 * cached across contexts; each script has a context of its own ({@link JsScript}).
 *
 * <p><b>What a script is.</b> Plain JavaScript (not a module). Its top-level code runs once at load (and again in a
 * fresh context after a fault) and defines its hooks as top-level functions named after them:
 * <pre>{@code
 * function on_user_login(input) {
 *   log('info', 'welcome ' + input);
 *   return config('greeting') + ', ' + input;
 * }
 * }</pre>
 * Only the hooks named at load can be called; every one of them must be a function once the top-level code has run,
 * or the script is refused. Hooks are looked up once per context, right after the top-level code: a hook that a call
 * later reassigns keeps its first function until the context is made again. A hook receives the input as a string and returns a string (the output); returning
 * {@code undefined} or {@code null} is an empty output; returning anything else (a number, an object…) is refused as
 * {@code INVALID_OUTPUT}, never converted, so no guest {@code toString} runs after the hook. A hook that throws fails
 * the call with what it threw as text ({@code "TypeError: …"} for errors, the value itself for anything else).
 *
 * <p><b>What a script sees.</b> The ECMAScript built-ins, its input, and two read-only globals: {@code log(level,
 * message)} (levels {@code trace}, {@code debug}, {@code info}, {@code warn}, {@code error}; anything else counts as
 * {@code info}; lines and bytes per call are bounded) and {@code config(key)} (a string, or {@code null}). No host
 * classes, no IO, no {@code load}, {@code print}, {@code console}, {@code Graal}, {@code Java}, {@code Packages},
 * {@code Polyglot}, {@code require} or {@code SharedArrayBuffer}: contexts get every restriction of
 * {@link SandboxPolicy#CONSTRAINED}, set one by one ({@link #restricted}), with IO off, and the API is made of proxies,
 * not host objects.
 *
 * <p><b>Why not {@code CONSTRAINED} itself.</b> That policy refuses GraalJS's caps on single allocations, which are
 * experimental options allowed only under {@link SandboxPolicy#TRUSTED}. Without them one statement allocates up to
 * 2 GiB ({@code new ArrayBuffer(2**31-9)}) before the watchdog's 1 ms probe can see it, and a
 * {@code SharedArrayBuffer} lives off the heap, where the probe never sees it. So the engine is TRUSTED, carries the
 * caps ({@link #MAX_STRING_CHARS}, {@link #MAX_BUFFER_BYTES}, no {@code SharedArrayBuffer}), and every context is built
 * with CONSTRAINED's restrictions written out; {@code JsSandboxPolicyTest} builds the same restrictions under
 * CONSTRAINED (so they still pass its checks) and compares what a guest can see under both (decision 0017).
 *
 * <p><b>Limits</b> ({@link JsLimits}): source size at load; per call a deadline and an allocation budget, both held by
 * the one {@link Watchdog} of the sandbox; a statement limit; input, output, log and error sizes. Calls from virtual
 * threads share a fixed number of platform threads ({@link CallThreads}), each taken only by a call that holds its
 * script's lock, within the call's deadline.
 */
public final class JsEngine implements AutoCloseable {
    private static final Pattern HOOK_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]{0,63}");
    private static final int MAX_NAME_CHARS = 128;
    private static final Duration WARM_UP_DEADLINE = Duration.ofSeconds(5);

    /**
     * The longest string a script can make, in UTF-16 code units (8 MiB at most): past it GraalJS throws a
     * {@code RangeError} before allocating. Small because some built-ins turn a string into one object per character and
     * run to their end before a stop can land: {@code s.split('')} makes 180 MiB of 4 Mi characters, 720 MiB of 16 Mi.
     */
    static final int MAX_STRING_CHARS = 4 << 20;
    /**
     * The largest {@code ArrayBuffer} (so typed array or {@code DataView}) a script can make, in bytes. Small for the
     * same reason: {@code Object.keys} of a {@code Uint8Array} makes a string per byte without a stop landing, 2.3 s
     * for 4 MiB, 26 s for 32 MiB (decision 0017).
     */
    static final int MAX_BUFFER_BYTES = 4 << 20;
    /** Engine options that bound single allocations; allowed only under {@link SandboxPolicy#TRUSTED}. */
    static final Map<String, String> ALLOCATION_CAPS = Map.of(
            "js.string-length-limit", Integer.toString(MAX_STRING_CHARS),
            "js.max-typed-array-length", Integer.toString(MAX_BUFFER_BYTES),   // GraalJS checks it against the bytes
            "js.shared-array-buffer", "false");                                // off-heap: invisible to the probe

    private final Watchdog watchdog;
    private final Engine engine;
    private final ContextStopper stopper = new ContextStopper();
    private final CallThreads platformThreads;

    /** With {@link CallThreads#defaultSize()} call threads. */
    public JsEngine(Watchdog watchdog) {
        this(watchdog, CallThreads.defaultSize());
    }

    /**
     * @param watchdog    the one watchdog that cancels calls past their deadline or allocation budget
     * @param callThreads the most platform threads that run calls made from virtual threads at once
     */
    public JsEngine(Watchdog watchdog, int callThreads) {
        this.watchdog = Objects.requireNonNull(watchdog, "watchdog");
        this.platformThreads = new CallThreads(callThreads);
        this.engine = newEngine(SandboxPolicy.TRUSTED, ALLOCATION_CAPS);
    }

    /**
     * An engine for scripts: {@code policy} TRUSTED with {@link #ALLOCATION_CAPS}, as scripts run; CONSTRAINED with no
     * options, so that a test can build the same contexts under the policy they stand in for. Its contexts must be
     * built under the same policy.
     */
    static Engine newEngine(SandboxPolicy policy, Map<String, String> options) {
        return Engine.newBuilder("js")
                .sandbox(policy)
                .allowExperimentalOptions(!options.isEmpty())   // the caps are experimental options
                .options(options)
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .option("engine.WarnInterpreterOnly", "false")
                .build();
    }

    /**
     * A context builder on {@code engine}, under the engine's policy, with every restriction that
     * {@link SandboxPolicy#CONSTRAINED} demands of a context set explicitly (its javadoc lists them) and the JS globals
     * that print, load or reach the engine switched off. What is left to the caller: resource limits.
     */
    static Context.Builder restricted(Engine engine, SandboxPolicy policy) {
        return Context.newBuilder("js")                      // permitted languages set: js only
                .engine(engine)
                .sandbox(policy)
                .in(InputStream.nullInputStream())           // in, out and err redirected away from System.*
                .out(OutputStream.nullOutputStream())        // nothing can print (print and console are off); bounded anyway
                .err(OutputStream.nullOutputStream())
                .allowAllAccess(false)
                .allowNativeAccess(false)
                .allowHostClassLoading(false)
                .allowCreateProcess(false)
                .allowCreateThread(false)
                .allowEnvironmentAccess(EnvironmentAccess.NONE)
                .useSystemExit(false)
                .allowIO(IOAccess.NONE)                      // no host file system, no sockets
                .allowHostAccess(HostAccess.CONSTRAINED)     // what CONSTRAINED defaults to
                .allowPolyglotAccess(PolyglotAccess.NONE)
                .allowInnerContextOptions(false)
                .allowExperimentalOptions(false)             // the engine's caps are the only experimental options
                .option("js.load", "false")
                .option("js.print", "false")
                .option("js.console", "false")
                .option("js.graal-builtin", "false");
    }

    /**
     * @param name   a name for the script, used in stack traces and messages
     * @param text   the source
     * @param hooks  the hooks the host will call, and the only ones it can
     * @param policy limits and log level
     * @param config read-only values the script can read with {@code config(key)}
     */
    public ScriptLoad load(String name, String text, Set<String> hooks, JsPolicy policy, Map<String, String> config) {
        return load(name, text, hooks, policy, config, HostCalls.none());
    }

    /** As {@link #load(String, String, Set, JsPolicy, Map)}, with {@code host} behind {@code postMessage}, {@code readUser}. */
    public ScriptLoad load(String name, String text, Set<String> hooks, JsPolicy policy, Map<String, String> config,
                           HostCalls host) {
        return load(name, text, hooks, policy, config, host, Optional.empty());
    }

    /**
     * As {@link #load(String, String, Set, JsPolicy, Map, HostCalls)}, with {@code vars} behind the script's
     * {@code storage} (empty: the script may not store, and a call that tries faults with PERMISSION).
     */
    public ScriptLoad load(String name, String text, Set<String> hooks, JsPolicy policy, Map<String, String> config,
                           HostCalls host, Optional<PluginVars> vars) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(hooks, "hooks");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(config, "config");
        var reasons = shapeProblems(name, text, hooks, policy);
        if (!reasons.isEmpty()) return new ScriptLoad.Refused(reasons);

        var source = Source.newBuilder("js", text, name).buildLiteral();   // kept: the engine caches its parse
        var script = new JsScript(name, source, hooks, policy, config, host, vars, engine, watchdog,
                stopper, platformThreads);
        var problems = script.open();
        return problems.isEmpty() ? new ScriptLoad.Loaded(script) : new ScriptLoad.Refused(problems);
    }

    /**
     * What a scan can say of a script without running any of it: its name, size and hook names, then whether it parses
     * (GraalJS parses it in a throwaway context and runs nothing). Whether each hook is a function is only known once
     * its top-level code has run: {@link #load} says that. Empty when nothing is wrong.
     */
    public List<String> check(String name, String text, Set<String> hooks, JsPolicy policy) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(hooks, "hooks");
        Objects.requireNonNull(policy, "policy");
        var reasons = shapeProblems(name, text, hooks, policy);
        if (!reasons.isEmpty()) return reasons;
        var source = Source.newBuilder("js", text, name).buildLiteral();
        try (var context = restricted(engine).build()) {
            context.parse(source);
            return List.of();
        } catch (PolyglotException e) {
            var message = e.getMessage() == null ? "it does not parse" : e.getMessage();
            return List.of("the script does not parse: " + (message.length() > 300 ? message.substring(0, 300) + "…" : message));
        }
    }

    private static List<String> shapeProblems(String name, String text, Set<String> hooks, JsPolicy policy) {
        var reasons = new ArrayList<String>();
        if (name.isBlank() || name.length() > MAX_NAME_CHARS) {
            reasons.add("the script's name must be 1 to " + MAX_NAME_CHARS + " characters");
        }
        // chars bound the bytes from below, so a huge text is refused without encoding it
        long bytes = text.length() > policy.limits().maxScriptBytes() ? text.length()
                : text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > policy.limits().maxScriptBytes()) {
            reasons.add("the script is " + (text.length() > policy.limits().maxScriptBytes() ? "at least " : "")
                    + bytes + " bytes, over the limit of " + policy.limits().maxScriptBytes());
        }
        if (hooks.isEmpty()) reasons.add("no hooks are named: a script must be loaded for at least one hook");
        hooks.stream().filter(hook -> !HOOK_NAME.matcher(hook).matches()).sorted()
                .forEach(hook -> reasons.add("the hook name " + shown(hook) + " is not a plain identifier"));
        return reasons;
    }

    /**
     * Runs a throwaway script through a load, a call and a stop by the watchdog, so that the first real script does not
     * pay the JVM's first-time costs: the first context (most of a second) and the first stop (tens of milliseconds
     * late, against a few milliseconds later on). Meant for start-up; returns how long it took.
     */
    public Duration warmUp() {
        long started = System.nanoTime();
        var load = load("warm-up.js", "function greet(input) { return 'Hello, ' + input; }\nfunction spin(input) { while (true) {} }",
                Set.of("greet", "spin"), JsPolicy.restrictive(), Map.of());
        if (load instanceof ScriptLoad.Loaded loaded) {
            try (var script = loaded.script()) {
                script.call("greet", new byte[0], WARM_UP_DEADLINE);
                script.call("spin", new byte[0], Duration.ofMillis(1));
            }
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** A context builder for this engine's scripts: {@link #restricted(Engine, SandboxPolicy)} under TRUSTED. */
    static Context.Builder restricted(Engine engine) {
        return restricted(engine, SandboxPolicy.TRUSTED);
    }

    /** Stops the engine's threads and the engine; scripts loaded from it cannot be called any more. */
    @Override
    public void close() {
        platformThreads.close();
        stopper.close();
        engine.close(true);
    }

    private static String shown(String hook) {
        return hook.length() > 64 ? "'" + hook.substring(0, 64) + "…'" : "'" + hook + "'";
    }
}

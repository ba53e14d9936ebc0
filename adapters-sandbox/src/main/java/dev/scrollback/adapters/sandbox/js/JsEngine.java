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
 * {@code Polyglot} or {@code require}: contexts are built under {@link SandboxPolicy#CONSTRAINED} with IO off, and the
 * API is made of proxies, not host objects.
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
        this.engine = Engine.newBuilder("js")
                .sandbox(SandboxPolicy.CONSTRAINED)   // contexts of a CONSTRAINED engine must be CONSTRAINED too
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .option("engine.WarnInterpreterOnly", "false")
                .build();
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
        try (var context = Context.newBuilder("js").engine(engine).sandbox(SandboxPolicy.CONSTRAINED)
                .in(InputStream.nullInputStream()).out(OutputStream.nullOutputStream()).err(OutputStream.nullOutputStream())
                .allowIO(IOAccess.NONE).build()) {
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

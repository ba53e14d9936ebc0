package dev.scrollback.adapters.sandbox.js;

import dev.scrollback.adapters.sandbox.call.CallLog;
import dev.scrollback.adapters.sandbox.call.CallLogCollector;
import dev.scrollback.adapters.sandbox.call.HostCalls;
import dev.scrollback.adapters.sandbox.call.LogLevel;
import dev.scrollback.adapters.sandbox.call.LogLine;
import dev.scrollback.adapters.sandbox.call.PluginVars;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * The host side of the API a script sees, for one script: the functions behind its {@code log}, {@code config},
 * {@code postMessage}, {@code readUser}, {@code storage} and {@code httpRequest}, and
 * the two through which the guest-side call wrapper reports how a hook ended (it threw; it returned something that is
 * not an output). These proxies are handed only to the wrapper's closure ({@link ScriptContext}), never to the script's
 * global scope, and they never throw into the guest: a proxy is not a host object, so there is no class to reach.
 *
 * <p>Strings arrive already clipped by the guest wrapper, so no host copy of a huge guest string is ever made.
 */
final class ScriptBridge {
    /** How a call ended, as the wrapper reported it; {@link Ended.Normally} unless it said otherwise. */
    sealed interface Ended {
        record Normally() implements Ended {}
        record Threw(String message) implements Ended {}
        record OutputTooLong(long chars) implements Ended {}
        record NotAString(String type) implements Ended {}
        /** It called a host function its manifest does not grant: a PERMISSION fault, whatever it returned after. */
        record Forbidden(String message) implements Ended {}
        /** It wrote past its storage's limit (the storage is as it was): a STORAGE_FULL fault. */
        record StorageFull(String message) implements Ended {}
        /** Its request did not read, was over a bound, or got no usable answer: a TRAP fault, as in the WASM kernel. */
        record Trapped(String message) implements Ended {}
        /** The host had no capacity for its request: the call was not run (BUSY), not the script's fault. */
        record NotRun(String message) implements Ended {}
        /** It was stopped while it waited for the host: TIMEOUT at its deadline, else INTERRUPTED. */
        record Stopped(String message) implements Ended {}
    }

    private final JsPolicy policy;
    private final Map<String, String> config;
    private final CallLogCollector log;
    private final HostCalls host;
    private final Optional<PluginVars> vars;
    private Ended ended = new Ended.Normally();
    private volatile boolean statementLimitReached;
    private StopTarget hook;        // the running hook's stop, while a hook runs; null during top-level code
    private int httpRequests;       // this call's

    ScriptBridge(JsPolicy policy, Map<String, String> config, HostCalls host, Optional<PluginVars> vars) {
        this.policy = policy;
        this.host = host;
        this.vars = vars;
        this.config = Map.copyOf(config);
        this.log = new CallLogCollector(policy.limits().maxLogLines());
    }

    void beginCall() {
        log.clear();
        ended = new Ended.Normally();
        hook = null;
        httpRequests = 0;
    }

    /**
     * A hook starts running under {@code stop} (after any top-level code the call had to re-run): {@code httpRequest}
     * is served from now until the call ends, its waits stopped with the call.
     */
    void hookRunning(StopTarget stop) {
        hook = stop;
    }

    /** Forgets the call's log and ending, so that nothing of it stays reachable. */
    void endCall() {
        beginCall();
    }

    Ended ended() {
        return ended;
    }

    CallLog log() {
        return log.toLog();
    }

    void statementLimitReached() {
        statementLimitReached = true;
    }

    boolean statementLimitWasReached() {
        return statementLimitReached;
    }

    /** A new context starts with a fresh statement count. */
    void forgetStatementLimit() {
        statementLimitReached = false;
    }

    ProxyExecutable logFunction() {
        return args -> {
            if (log.full()) {
                log.drop();   // counted without reading the message
                return null;
            }
            var level = level(text(args, 0));
            if (level.compareTo(policy.logLevel()) >= 0) {
                log.add(new LogLine(level, cutUtf8(text(args, 1), policy.limits().maxLogLineBytes())));
            }
            return null;
        };
    }

    /** {@code config(key)}: the value as a string, or {@code null} when there is no such key. */
    ProxyExecutable configFunction() {
        return args -> config.get(text(args, 0));
    }

    /**
     * {@code postMessage}'s host side: the request JSON the prelude made, the answer JSON for the prelude to parse;
     * {@code null} when the call was forbidden (then recorded as the call's ending) or interrupted.
     */
    ProxyExecutable postFunction() {
        return args -> hostCall(() -> host.postMessage(text(args, 0)));
    }

    /** {@code readUser}'s host side: the user's JSON, or {@code null} when there is none (or the call was refused). */
    ProxyExecutable readUserFunction() {
        return args -> hostCall(() -> host.readUser(text(args, 0)).orElse(null));
    }

    /** Longest storage key, in UTF-8 bytes (as for a module's vars). */
    static final int MAX_KEY_BYTES = 1024;

    /** {@code storage.get(key)}: the value as a string, or {@code null} when there is none (or no permission). */
    ProxyExecutable storageGetFunction() {
        return args -> storage("storage.get").flatMap(store -> key(args).flatMap(store::get))
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8)).orElse(null);
    }

    /**
     * {@code storage.set(key, value)} and {@code storage.remove(key)} ({@code value} null): the wrapper passes the
     * length of a value too long to pass over, never the value itself.
     */
    ProxyExecutable storageSetFunction() {
        return args -> {
            var store = storage("storage.set");
            var key = key(args);
            if (store.isEmpty() || key.isEmpty()) return null;
            if (args.length > 2 && args[2].fitsInLong() && args[2].asLong() > 0) {
                return full("a value of " + args[2].asLong() + " characters; the storage holds at most "
                        + storageLimit() + " bytes");
            }
            if (args.length < 2 || !args[1].isString()) {
                store.get().delete(key.get());
                return null;
            }
            try {
                store.get().set(key.get(), args[1].asString().getBytes(StandardCharsets.UTF_8));
            } catch (PluginVars.Full tooMuch) {
                return full(tooMuch.getMessage());
            }
            return null;
        };
    }

    Map<String, Optional<byte[]>> takeVarWrites() {
        return vars.map(PluginVars::takeWrites).orElse(Map.of());
    }

    private Optional<PluginVars> storage(String function) {
        if (vars.isEmpty() && ended instanceof Ended.Normally) {
            ended = new Ended.Forbidden(function + " needs the kv_storage permission; the manifest does not grant it");
        }
        return ended instanceof Ended.Normally ? vars : Optional.empty();
    }

    private Optional<String> key(Value[] args) {
        var key = text(args, 0);
        if (key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            full("a key of more than " + MAX_KEY_BYTES + " bytes");
            return Optional.empty();
        }
        return Optional.of(key);
    }

    private Object full(String why) {
        if (ended instanceof Ended.Normally) ended = new Ended.StorageFull(why);
        return null;
    }

    /** The most characters a value may have to be passed over (each is at least one byte). */
    int storageLimit() {
        return vars.map(PluginVars::maxBytes).orElse(0);
    }

    private String hostCall(java.util.function.Supplier<String> call) {
        try {
            return call.get();
        } catch (HostCalls.Forbidden forbidden) {
            if (ended instanceof Ended.Normally) ended = new Ended.Forbidden(forbidden.getMessage());
            return null;
        } catch (HostCalls.Interrupted interrupted) {
            return null;   // the call is being stopped at its deadline; the watchdog decides how it ends
        }
    }

    /**
     * {@code httpRequest}'s host side (decision 0019): the request JSON the wrapper made and the body (a string, or
     * null for none), or null and the length of a request or body too long to pass over. Answers an array of the
     * status, the headers' JSON, the body as text and whether it was well-formed UTF-8; {@code null} when the request
     * was refused (recorded as the call's ending: the call faults as the WASM kernel's {@code http_request} does) or
     * stopped; a string, which the wrapper throws, when no hook is running (the script's top-level code).
     */
    ProxyExecutable httpFunction() {
        return args -> {
            var stop = hook;
            if (stop == null) {
                return "httpRequest is for hooks: the script's top-level code makes no requests";
            }
            if (!(ended instanceof Ended.Normally)) return null;   // the call is ending already: nothing more is sent
            long requestChars = length(args, 2);
            if (requestChars > 0) {
                return trapped("a request of " + requestChars + " characters; at most "
                        + HostCalls.MAX_HTTP_REQUEST_BYTES + " are read");
            }
            long bodyChars = length(args, 3);
            if (bodyChars > 0) {
                return trapped("a body of " + bodyChars + " characters; at most " + maxHttpBodyChars() + " are read");
            }
            if (httpRequests >= HostCalls.MAX_HTTP_REQUESTS_PER_CALL) {
                return trapped("a call makes at most " + HostCalls.MAX_HTTP_REQUESTS_PER_CALL + " requests");
            }
            var request = text(args, 0);
            int requestBytes = request.getBytes(StandardCharsets.UTF_8).length;
            if (requestBytes > HostCalls.MAX_HTTP_REQUEST_BYTES) {
                return trapped("a request of " + requestBytes + " bytes; at most " + HostCalls.MAX_HTTP_REQUEST_BYTES
                        + " are read");
            }
            var body = args.length > 1 && args[1].isString() ? args[1].asString().getBytes(StandardCharsets.UTF_8)
                    : new byte[0];
            if (body.length > HostCalls.MAX_HTTP_BODY_BYTES) {
                return trapped("a body of " + body.length + " bytes; at most " + HostCalls.MAX_HTTP_BODY_BYTES
                        + " are read");
            }
            httpRequests++;
            if (!stop.enterWait()) {
                ended = new Ended.Stopped("http_request: stopped before it was sent");
                return null;
            }
            HostCalls.HttpReply reply;
            try {
                reply = host.httpRequest(request, body);
            } catch (HostCalls.Forbidden forbidden) {
                ended = new Ended.Forbidden(forbidden.getMessage());
                return null;
            } catch (HostCalls.Unanswered unanswered) {
                ended = new Ended.Trapped(unanswered.getMessage());
                return null;
            } catch (HostCalls.Busy busy) {
                ended = new Ended.NotRun(busy.getMessage());
                return null;
            } catch (HostCalls.Interrupted interrupted) {
                ended = new Ended.Stopped(interrupted.getMessage());
                return null;
            } finally {
                stop.exitWait();   // the stop's interrupt was for the wait only; the closed context ends the guest
            }
            var decoded = utf8(reply.body());
            return ProxyArray.fromArray(reply.status(), reply.headers(), decoded.text(), decoded.wellFormed());
        };
    }

    /** The most characters of a body the wrapper passes over: the plugin's input limit (each is at least one byte). */
    int maxHttpBodyChars() {
        return Math.min(policy.limits().maxInputBytes(), HostCalls.MAX_HTTP_BODY_BYTES);
    }

    private Object trapped(String why) {
        if (ended instanceof Ended.Normally) ended = new Ended.Trapped("http_request: " + why);
        return null;
    }

    private static long length(Value[] args, int index) {
        return index < args.length && args[index].fitsInLong() ? args[index].asLong() : 0;
    }

    record Decoded(String text, boolean wellFormed) {}

    /** The body as text: exactly, when it is UTF-8; else with each malformed sequence as U+FFFD, and said so. */
    static Decoded utf8(byte[] body) {
        try {
            return new Decoded(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString(), true);
        } catch (CharacterCodingException malformed) {
            return new Decoded(new String(body, StandardCharsets.UTF_8), false);
        }
    }

    ProxyExecutable failFunction() {
        return args -> {
            if (!(ended instanceof Ended.Normally)) return null;   // a forbidden call decides how this call ends
            ended = new Ended.Threw(cutUtf8(text(args, 0), policy.limits().maxErrorBytes()));
            return null;
        };
    }

    ProxyExecutable refuseFunction() {
        return args -> {
            if (!(ended instanceof Ended.Normally)) return null;
            var why = text(args, 0);
            ended = why.equals("too-long")
                    ? new Ended.OutputTooLong(args.length > 1 && args[1].fitsInLong() ? args[1].asLong() : -1)
                    : new Ended.NotAString(text(args, 1));
            return null;
        };
    }

    private static LogLevel level(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "trace" -> LogLevel.TRACE;
            case "debug" -> LogLevel.DEBUG;
            case "warn", "warning" -> LogLevel.WARN;
            case "error" -> LogLevel.ERROR;
            default -> LogLevel.INFO;   // "info", and anything unrecognised: the line is kept rather than lost
        };
    }

    /** The argument if it is a string (the wrapper clipped it), else empty text. */
    private static String text(Value[] args, int index) {
        return index < args.length && args[index].isString() ? args[index].asString() : "";
    }

    /** The longest prefix of {@code text} that fits {@code maxBytes} of UTF-8 without splitting a character. */
    static String cutUtf8(String text, int maxBytes) {
        var bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= maxBytes) return text;
        int end = maxBytes;
        while (end > 0 && (bytes[end] & 0xC0) == 0x80) end--;   // back to the first byte of the cut character
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }
}

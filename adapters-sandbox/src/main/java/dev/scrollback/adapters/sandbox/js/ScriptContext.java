package dev.scrollback.adapters.sandbox.js;

import dev.scrollback.adapters.sandbox.call.HostCalls;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.ResourceLimits;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * One GraalJS context running one script: never shared between scripts (a script's changes to built-in prototypes
 * stay inside its own context) and used by one call at a time.
 *
 * <p>Before the script runs, an internal prelude defines {@code log}, {@code config}, {@code postMessage},
 * {@code readUser}, {@code storage} and {@code httpRequest} as read-only globals and
 * returns the call wrapper; both close over the host functions of the {@link ScriptBridge} and over built-ins captured
 * before the script could replace them. The wrapper calls the hook, turns a throw into a report of its text and checks
 * what the hook returned, all in the guest, so that the host never copies a string longer than a limit.
 */
final class ScriptContext {
    private static final Source PRELUDE = Source.newBuilder("js", """
            (function (hostLog, hostConfig, hostFail, hostRefuse, hostPost, hostReadUser, hostStorageGet, hostStorageSet,
                       hostHttp, maxLineChars, maxErrorChars, maxOutputChars, maxRequestChars, maxValueChars, maxElements,
                       maxHttpRequestChars, maxHttpBodyChars) {
              'use strict';
              const ErrorType = Error;
              const slice = Function.prototype.call.bind(String.prototype.slice);
              const stringify = JSON.stringify;
              const parse = JSON.parse;
              const defineProperty = Object.defineProperty;
              const clip = (value, max) => {
                const text = typeof value === 'string' ? value : `${value}`;
                return text.length > max ? slice(text, 0, max) : text;
              };
              const define = (name, value) =>
                defineProperty(globalThis, name, { value, writable: false, enumerable: false, configurable: false });
              define('log', function log(level, message) { hostLog(clip(level, 16), clip(message, maxLineChars)); });
              define('config', function config(key) { return hostConfig(clip(key, maxLineChars)); });
              const answer = (json) => (typeof json === 'string' ? parse(json) : null);
              // postMessage('Lobby', text) says a chat line; postMessage({ thread: id }, text) replies in a board thread
              define('postMessage', function postMessage(where, text) {
                const inThread = where !== null && typeof where === 'object';
                const request = stringify(inThread
                  ? { thread: clip(where.thread, maxLineChars), text: clip(text, maxRequestChars) }
                  : { room: clip(where, maxLineChars), text: clip(text, maxRequestChars) });
                return answer(hostPost(clip(request, maxRequestChars)));
              });
              define('readUser', function readUser(handle) { return answer(hostReadUser(clip(handle, maxLineChars))); });
              const keyOf = (key) => clip(key, 1025);   // one past the host's limit, which then refuses it
              const put = (key, value) => {
                if (value === null || value === undefined) { hostStorageSet(keyOf(key), null, 0); return; }
                const text = typeof value === 'string' ? value : `${value}`;
                if (text.length > maxValueChars) { hostStorageSet(keyOf(key), null, text.length); return; }
                hostStorageSet(keyOf(key), text, 0);
              };
              define('storage', Object.freeze({
                get: function get(key) { return hostStorageGet(keyOf(key)); },
                set: function set(key, value) { put(key, value); },
                remove: function remove(key) { put(key, null); },
              }));
              // Outbound HTTP (decision 0019): the request as Extism's JSON, made and measured here; what is too long to
              // pass over is not passed, only its length, and the host refuses it. A refusal decides how the call ends
              // (the host records the fault) and answers null; nothing is thrown into the script.
              define('httpRequest', function httpRequest(request, body) {
                const spec = request !== null && typeof request === 'object' ? request : { url: request };
                const json = stringify({ url: spec.url, method: spec.method,
                  headers: spec.headers !== undefined ? spec.headers : spec.header });
                const sent = typeof json === 'string' ? json : '';
                if (sent.length > maxHttpRequestChars) return answerHttp(hostHttp(null, null, sent.length, 0));
                if (body === undefined || body === null) return answerHttp(hostHttp(sent, null, 0, 0));
                const text = typeof body === 'string' ? body : `${body}`;
                if (text.length > maxHttpBodyChars) return answerHttp(hostHttp(sent, null, 0, text.length));
                return answerHttp(hostHttp(sent, text, 0, 0));
              });
              const answerHttp = (reply) => {
                if (typeof reply === 'string') throw new ErrorType(reply);
                if (reply === null || reply === undefined) return null;
                return { status: reply[0], headers: parse(reply[1]), body: reply[2], utf8: reply[3] };
              };
              // Built-ins that make one value per element and loop inside the engine, where no stop lands until they
              // end (decision 0017): refused up front past maxElements, the rest left as they are
              const apply = Reflect.apply;
              const sizeOf = (v) => (v !== null && typeof v === 'object' && typeof v.length === 'number' ? v.length : 1);
              const tooMany = (what) => new RangeError(`${what} would make more than ${maxElements} elements`);
              const concat = Array.prototype.concat;
              defineProperty(Array.prototype, 'concat', { writable: true, enumerable: false, configurable: true,
                value: function concat_(...items) {
                  let total = sizeOf(this);
                  for (let i = 0; i < items.length; i++) {
                    total += sizeOf(items[i]);
                    if (total > maxElements) throw tooMany('concat');
                  }
                  return apply(concat, this, items);
                } });
              for (const name of ['keys', 'values', 'entries']) {
                const original = Object[name];
                defineProperty(Object, name, { writable: true, enumerable: false, configurable: true,
                  value: function guarded(o) {
                    if (sizeOf(o) > maxElements) throw tooMany(`Object.${name}`);
                    return original(o);
                  } });
              }
              const describe = (thrown) => {
                try {
                  if (thrown !== null && typeof thrown === 'object' && typeof thrown.message === 'string') {
                    const name = typeof thrown.name === 'string' ? thrown.name : 'Error';
                    return clip(`${clip(name, 64)}: ${clip(thrown.message, maxErrorChars)}`, maxErrorChars);
                  }
                  return clip(thrown, maxErrorChars);
                } catch (unshowable) {
                  return 'the script threw a value that cannot be shown as text';
                }
              };
              return function call(hook, input) {
                let out;
                try {
                  out = hook(input);
                } catch (thrown) {
                  hostFail(describe(thrown));
                  return undefined;
                }
                if (typeof out === 'string') {
                  if (out.length > maxOutputChars) { hostRefuse('too-long', out.length); return undefined; }
                  return out;
                }
                if (out === undefined || out === null) return '';
                hostRefuse('not-a-string', typeof out);
                return undefined;
              };
            })
            """, "scrollback-prelude.js").buildLiteral();

    /**
     * The most elements {@code concat} may make, and the largest array-like {@code Object.keys/values/entries} take:
     * those loop inside GraalJS without a point where a stop lands (decision 0017), so they are refused before they start.
     */
    static final int MAX_BUILT_IN_ELEMENTS = 1 << 20;

    private final Context context;
    private final Value call;
    private final Map<String, Value> hooks;
    private final List<String> missingHooks;

    private ScriptContext(Context context, Value call, Map<String, Value> hooks, List<String> missingHooks) {
        this.context = context;
        this.call = call;
        this.hooks = hooks;
        this.missingHooks = missingHooks;
    }

    /**
     * Makes a context, hands it to {@code attach} before any guest code runs (so that the watchdog can stop it), runs
     * the prelude and the script's top-level code, and looks up the hooks. Throws what GraalJS throws if the script
     * does not get that far; the context is then closed.
     */
    static ScriptContext open(Engine engine, Source script, Set<String> hookNames, JsPolicy policy, ScriptBridge bridge,
                              Consumer<Context> attach) {
        var limits = policy.limits();
        bridge.forgetStatementLimit();
        var context = JsEngine.restricted(engine)     // CONSTRAINED's restrictions, written out (decision 0017)
                .resourceLimits(ResourceLimits.newBuilder()
                        .statementLimit(limits.statementLimit(), null)   // one filter for all contexts of the engine
                        .onLimit(event -> bridge.statementLimitReached())
                        .build())
                .build();
        try {
            attach.accept(context);
            var call = context.eval(PRELUDE).execute(bridge.logFunction(), bridge.configFunction(),
                    bridge.failFunction(), bridge.refuseFunction(), bridge.postFunction(), bridge.readUserFunction(),
                    bridge.storageGetFunction(), bridge.storageSetFunction(), bridge.httpFunction(),
                    limits.maxLogLineBytes(), limits.maxErrorBytes(), limits.maxOutputBytes(), HostCalls.MAX_REQUEST_BYTES,
                    bridge.storageLimit(), MAX_BUILT_IN_ELEMENTS, HostCalls.MAX_HTTP_REQUEST_BYTES,
                    bridge.maxHttpBodyChars());
            context.eval(script);
            var bindings = context.getBindings("js");
            var found = new HashMap<String, Value>();
            var missing = new ArrayList<String>();
            for (var name : hookNames.stream().sorted().toList()) {
                var member = bindings.getMember(name);
                if (member != null && member.canExecute()) {
                    found.put(name, member);
                } else {
                    missing.add(name);
                }
            }
            return new ScriptContext(context, call, Map.copyOf(found), List.copyOf(missing));
        } catch (RuntimeException | Error e) {
            ContextStopper.closeHard(context);
            throw e;
        }
    }

    /** The hooks named at load that the script did not define as functions. */
    List<String> missingHooks() {
        return missingHooks;
    }

    /**
     * Calls a hook through the wrapper with a fresh statement count: the hook's output as a string, or
     * {@code undefined} when the wrapper reported to the bridge instead (the hook threw, or returned no output).
     */
    Value call(String hook, String input) {
        context.resetLimits();
        return call.execute(hooks.get(hook), input);
    }

    Context context() {
        return context;
    }

    void close() {
        ContextStopper.closeHard(context);
    }
}

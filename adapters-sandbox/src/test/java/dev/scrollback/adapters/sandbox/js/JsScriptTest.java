package dev.scrollback.adapters.sandbox.js;

import static dev.scrollback.adapters.sandbox.js.Scripts.DEADLINE;
import static dev.scrollback.adapters.sandbox.js.Scripts.ENGINE;
import static dev.scrollback.adapters.sandbox.js.Scripts.call;
import static dev.scrollback.adapters.sandbox.js.Scripts.failed;
import static dev.scrollback.adapters.sandbox.js.Scripts.faulted;
import static dev.scrollback.adapters.sandbox.js.Scripts.loaded;
import static dev.scrollback.adapters.sandbox.js.Scripts.stillServes;
import static dev.scrollback.adapters.sandbox.js.Scripts.text;
import static dev.scrollback.adapters.sandbox.js.Scripts.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.sandbox.call.CallLog;
import dev.scrollback.adapters.sandbox.call.CallResult;
import dev.scrollback.adapters.sandbox.call.FaultKind;
import dev.scrollback.adapters.sandbox.call.LogLevel;
import dev.scrollback.adapters.sandbox.call.LogLine;
import dev.scrollback.adapters.sandbox.watchdog.Watchdog;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Loading scripts and calling their hooks: the friendly paths, refusals at load, and the rules of a call. */
class JsScriptTest {

    @Test
    void a_hook_reads_its_input_and_returns_the_output() {
        var script = loaded("");

        assertThat(text(call(script, "greet", "Ada"))).isEqualTo("Hello, Ada!");
        assertThat(text(call(script, "greet", "Zoë ✓"))).isEqualTo("Hello, Zoë ✓!");
    }

    @Test
    void post_message_and_read_user_reach_the_host_as_json_and_answer_objects() {
        var asked = new java.util.concurrent.CopyOnWriteArrayList<String>();
        var host = new dev.scrollback.adapters.sandbox.call.HostCalls() {
            @Override
            public String postMessage(String request) {
                asked.add(request);
                return "{\"posted\":true,\"room\":\"r-1\"}";
            }

            @Override
            public java.util.Optional<String> readUser(String handle) {
                return handle.equals("Ada") ? java.util.Optional.of("{\"handle\":\"Ada\",\"roles\":[\"member\"]}")
                        : java.util.Optional.empty();
            }
        };
        var load = ENGINE.load("bot.js", """
                function say(input) {
                  const answer = postMessage('Lobby', 'Hi "' + input + '"');
                  return answer.posted + ' ' + answer.room;
                }
                function whois(input) {
                  const user = readUser(input);
                  return user === null ? 'nobody' : user.handle + ' ' + user.roles.join(',');
                }
                """, Set.of("say", "whois"), JsPolicy.restrictive(), Map.of(), host);
        var script = ((dev.scrollback.adapters.sandbox.js.ScriptLoad.Loaded) load).script();

        assertThat(text(call(script, "say", "all"))).isEqualTo("true r-1");
        assertThat(asked).containsExactly("{\"room\":\"Lobby\",\"text\":\"Hi \\\"all\\\"\"}");
        assertThat(text(call(script, "whois", "Ada"))).isEqualTo("Ada member");
        assertThat(text(call(script, "whois", "Bob"))).isEqualTo("nobody");
    }

    @Test
    void a_host_function_the_host_forbids_faults_the_call_whatever_the_script_does_after() {
        var script = loaded("""
                function post(input) {
                  try { postMessage('Lobby', 'hi'); } catch (e) { return 'caught'; }
                  throw new Error('and then it threw');
                }
                """, "post");

        assertThat(faulted(call(script, "post", ""), FaultKind.PERMISSION).detail())
                .isEqualTo("calling post: post_message is not offered to this plugin");
        stillServes(script);
    }

    @Test
    void storage_keeps_strings_across_calls_and_hands_every_write_to_the_host() {
        var vars = new dev.scrollback.adapters.sandbox.call.PluginVars(64, Map.of("seen", "2".getBytes()));
        var load = ENGINE.load("counter.js", """
                function count(input) {
                  const seen = Number(storage.get('seen') ?? '0') + 1;
                  storage.set('seen', seen);
                  if (input === 'forget') storage.remove('note'); else storage.set('note', 'Zoë');
                  return String(seen) + ' ' + storage.get('note') + ' ' + storage.get('absent');
                }
                """, Set.of("count"), JsPolicy.restrictive(), Map.of(), dev.scrollback.adapters.sandbox.call.HostCalls.none(),
                java.util.Optional.of(vars));
        var script = ((ScriptLoad.Loaded) load).script();

        assertThat(text(call(script, "count", ""))).isEqualTo("3 Zoë null");
        assertThat(script.takeVarWrites()).hasSize(2).allSatisfy((key, value) -> assertThat(value).isPresent());
        assertThat(text(call(script, "count", "forget"))).isEqualTo("4 null null");
        var writes = script.takeVarWrites();
        assertThat(writes.get("seen")).hasValueSatisfying(v -> assertThat(new String(v)).isEqualTo("4"));
        assertThat(writes.get("note")).isEmpty();
        assertThat(script.takeVarWrites()).isEmpty();
    }

    @Test
    void storage_past_its_limit_or_without_the_permission_faults_and_changes_nothing() {
        var vars = new dev.scrollback.adapters.sandbox.call.PluginVars(16, Map.of());
        var load = ENGINE.load("hoarder.js", """
                function fill(input) { storage.set('k', 'v'); storage.set('big', 'x'.repeat(Number(input))); return 'kept'; }
                function longKey(input) { storage.set('k'.repeat(2000), 'v'); return 'kept'; }
                function peek(input) { return String(storage.get('k')) + ' ' + String(storage.get('big')); }
                """, Set.of("fill", "longKey", "peek"), JsPolicy.restrictive(), Map.of(),
                dev.scrollback.adapters.sandbox.call.HostCalls.none(), java.util.Optional.of(vars));
        var script = ((ScriptLoad.Loaded) load).script();

        assertThat(faulted(call(script, "fill", "14"), FaultKind.STORAGE_FULL).detail()).contains("limit is 16");
        assertThat(faulted(call(script, "fill", "1000000"), FaultKind.STORAGE_FULL).detail()).contains("1000000 characters");
        assertThat(faulted(call(script, "longKey", ""), FaultKind.STORAGE_FULL).detail()).contains("1024 bytes");
        assertThat(text(call(script, "peek", ""))).isEqualTo("v null");

        var without = loaded("function peek(input) { return String(storage.get('k')); }", "peek");
        assertThat(faulted(call(without, "peek", ""), FaultKind.PERMISSION).detail())
                .contains("storage.get needs the kv_storage permission");
        stillServes(without);
    }

    @Test
    void returning_nothing_is_an_empty_output() {
        var script = loaded("function quiet(input) {} function nothing(input) { return null; }", "quiet", "nothing");

        assertThat(text(call(script, "quiet", ""))).isEmpty();
        assertThat(text(call(script, "nothing", ""))).isEmpty();
    }

    @Test
    void a_hook_that_throws_fails_the_call_with_what_it_threw_and_keeps_its_state() {
        var script = loaded("""
                let calls = 0;
                function count(input) { calls++; return String(calls); }
                function fail(input) { calls++; throw new TypeError('no ' + input); }
                """, "count", "fail");

        assertThat(text(call(script, "count", ""))).isEqualTo("1");
        assertThat(failed(call(script, "fail", "way"))).isEqualTo("TypeError: no way");
        assertThat(text(call(script, "count", ""))).as("a failure keeps the context").isEqualTo("3");
    }

    @Test
    void a_fault_discards_the_context_and_the_next_call_runs_the_top_level_code_again() {
        var script = loaded("""
                let calls = 0;
                function count(input) { calls++; return String(calls); }
                function spin(input) { while (true) {} }
                """, "count", "spin");

        assertThat(text(call(script, "count", ""))).isEqualTo("1");
        faulted(script.call("spin", new byte[0], Duration.ofMillis(20)), FaultKind.TIMEOUT);
        assertThat(text(call(script, "count", ""))).isEqualTo("1");
    }

    @Test
    void a_hook_returning_anything_but_a_string_is_refused_not_converted() {
        var script = loaded("""
                function number(input) { return 42; }
                function object(input) { return { toString() { return 'sneaky'; } }; }
                """, "number", "object");

        assertThat(faulted(call(script, "number", ""), FaultKind.INVALID_OUTPUT).detail())
                .isEqualTo("calling number: the hook returned a number; a hook returns a string, or nothing");
        assertThat(faulted(call(script, "object", ""), FaultKind.INVALID_OUTPUT).detail()).contains("returned a object");
        stillServes(script);
    }

    @Test
    void config_reads_the_hosts_values_and_null_for_a_missing_key() {
        var script = loaded(JsPolicy.restrictive(), Map.of("greeting", "Salve"), """
                function hello(input) { return config('greeting') + ', ' + input + ' / ' + config('missing'); }
                """, "hello");

        assertThat(text(call(script, "hello", "Ada"))).isEqualTo("Salve, Ada / null");
    }

    @Test
    void log_keeps_lines_at_or_above_the_policys_level() {
        var script = loaded("""
                function chatty(input) {
                  log('debug', 'hidden'); log('info', 'hello'); log('WARN', 'careful'); log('error', 'oops');
                  log('shout', 'unknown levels count as info'); log('info', { toString() { return 'an object' } });
                  return 'done';
                }
                """, "chatty");

        var result = call(script, "chatty", "");

        assertThat(text(result)).isEqualTo("done");
        assertThat(result.log()).isEqualTo(new CallLog(List.of(
                new LogLine(LogLevel.INFO, "hello"), new LogLine(LogLevel.WARN, "careful"),
                new LogLine(LogLevel.ERROR, "oops"), new LogLine(LogLevel.INFO, "unknown levels count as info"),
                new LogLine(LogLevel.INFO, "an object")), 0));
    }

    @Test
    void log_and_config_cannot_be_replaced_by_the_script() {
        var script = loaded("""
                log = function () { return 'mine'; };
                function replaced(input) { config = null; return typeof log + ' ' + typeof config; }
                """, "replaced");

        assertThat(text(call(script, "replaced", ""))).isEqualTo("function function");
    }

    @Test
    void only_the_hooks_named_at_load_can_be_called() {
        var script = loaded("function helper(input) { return 'private'; }");

        assertThat(faulted(call(script, "helper", ""), FaultKind.MISSING_EXPORT).detail())
                .isEqualTo("helper is not one of the script's hooks [greet]");
        stillServes(script);
    }

    @Test
    void a_script_is_refused_with_every_reason_at_once() {
        var refused = ENGINE.load(" ", "x".repeat(300 << 10), Set.of("ok", "not-a-name"),
                JsPolicy.restrictive(), Map.of());

        assertThat(refused).isEqualTo(new ScriptLoad.Refused(List.of(
                "the script's name must be 1 to 128 characters",
                "the script is at least 307200 bytes, over the limit of 262144",
                "the hook name 'not-a-name' is not a plain identifier")));
    }

    @Test
    void a_script_that_does_not_parse_or_define_its_hooks_or_finish_its_top_level_code_is_refused() {
        assertThat(reasons("function (", "greet")).singleElement().asString().startsWith("the script does not parse: SyntaxError");
        assertThat(reasons("function greet(input) { return input; } const on_login = 5;", "greet", "on_login", "on_logout"))
                .containsExactly(
                        "the script does not define the hook on_login as a function at top level (function on_login(input) { … })",
                        "the script does not define the hook on_logout as a function at top level (function on_logout(input) { … })");
        assertThat(reasons("throw new Error('not today');", "greet"))
                .containsExactly("the script's top-level code threw: Error: not today");
        var slowLoad = JsPolicy.restrictive().withLimits(new JsLimits(1 << 10, 1 << 10, 1 << 10, 10_000_000,
                64L << 20, 10, 100, 100, Duration.ofMillis(20)));
        assertThat(ENGINE.load("loop.js", "while (true) {}", Set.of("greet"), slowLoad, Map.of()))
                .isEqualTo(new ScriptLoad.Refused(List.of(
                        "running the script's top-level code: still running at its deadline of 20 ms")));
    }

    @Test
    void an_input_over_the_limit_is_refused_before_the_script_sees_it() {
        var script = loaded("");

        assertThat(faulted(script.call("greet", new byte[(64 << 10) + 1], DEADLINE), FaultKind.MEMORY).detail())
                .isEqualTo("the input of 65537 bytes is over the limit of 65536");
        stillServes(script);
    }

    @Test
    void a_second_caller_waits_at_most_until_its_own_deadline() throws InterruptedException {
        var unlimited = JsPolicy.restrictive().withLimits(JsLimits.defaults().withStatementLimit(Long.MAX_VALUE));
        var script = loaded(unlimited, Map.of(), "function spin(input) { while (true) {} }", "spin");
        var first = new AtomicReference<CallResult>();
        var spinning = Thread.ofPlatform().start(() -> first.set(script.call("spin", new byte[0], Duration.ofMillis(300))));
        while (!script.busy()) Thread.onSpinWait();

        var impatient = script.call("greet", utf8("impatient"), Duration.ofMillis(1));

        faulted(impatient, FaultKind.BUSY);
        spinning.join();
        faulted(first.get(), FaultKind.TIMEOUT);
        stillServes(script);
    }

    @Test
    void a_call_from_a_virtual_thread_runs_with_the_same_limits() throws InterruptedException {
        var script = loaded("function bomb(input) { const kept = []; while (true) kept.push(new Array(1000).fill(input)); }",
                "bomb");
        var results = new AtomicReference<List<CallResult>>();

        Thread.ofVirtual().start(() -> results.set(List.of(call(script, "greet", "virtual"), call(script, "bomb", "x"))))
                .join();

        assertThat(text(results.get().get(0))).isEqualTo("Hello, virtual!");
        faulted(results.get().get(1), FaultKind.MEMORY);
        stillServes(script);
    }

    @Test
    void a_script_loaded_from_a_virtual_thread_has_its_top_level_code_budgeted_too() throws InterruptedException {
        var load = new AtomicReference<ScriptLoad>();

        Thread.ofVirtual().start(() -> load.set(ENGINE.load("bomb.js",
                "const kept = []; while (true) kept.push(new ArrayBuffer(1 << 20));", Set.of("greet"),
                JsPolicy.restrictive(), Map.of()))).join();

        assertThat(load.get()).isEqualTo(new ScriptLoad.Refused(List.of(
                "running the script's top-level code: allocated more than 268435456 bytes")));
    }

    @Test
    void an_unloaded_script_answers_no_more_calls() {
        var script = loaded("");
        script.close();

        assertThat(faulted(call(script, "greet", ""), FaultKind.INTERRUPTED).detail()).isEqualTo("the script was unloaded");
    }

    @Test
    void a_closed_engine_or_watchdog_answers_with_a_fault_not_an_exception() throws InterruptedException {
        var watchdog = Watchdog.start("js-closing-watchdog");
        var engine = new JsEngine(watchdog);
        var script = ((ScriptLoad.Loaded) engine.load("greet.js", Scripts.GREET, Set.of("greet"), JsPolicy.restrictive(),
                Map.of())).script();

        watchdog.close();
        assertThat(faulted(call(script, "greet", ""), FaultKind.INTERRUPTED).detail()).isEqualTo("the sandbox is shutting down");
        assertThat(engine.load("late.js", Scripts.GREET, Set.of("greet"), JsPolicy.restrictive(), Map.of()))
                .isEqualTo(new ScriptLoad.Refused(List.of("the sandbox is shutting down")));
        engine.close();
        var fromVirtual = new AtomicReference<CallResult>();
        Thread.ofVirtual().start(() -> fromVirtual.set(call(script, "greet", ""))).join();
        faulted(fromVirtual.get(), FaultKind.INTERRUPTED);
        faulted(call(script, "greet", ""), FaultKind.INTERRUPTED);
    }

    @Test
    void a_warm_up_leaves_the_engine_serving() {
        assertThat(ENGINE.warmUp()).isPositive();
        stillServes(loaded(""));
    }

    private static List<String> reasons(String text, String... hooks) {
        var load = ENGINE.load("refused.js", text, Set.of(hooks), JsPolicy.restrictive(), Map.of());
        assertThat(load).isInstanceOf(ScriptLoad.Refused.class);
        return ((ScriptLoad.Refused) load).reasons();
    }
}

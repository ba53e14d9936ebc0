package dev.scrollback.adapters.sandbox.js;

import static dev.scrollback.adapters.sandbox.js.Scripts.call;
import static dev.scrollback.adapters.sandbox.js.Scripts.failed;
import static dev.scrollback.adapters.sandbox.js.Scripts.faulted;
import static dev.scrollback.adapters.sandbox.js.Scripts.loaded;
import static dev.scrollback.adapters.sandbox.js.Scripts.stillServes;
import static dev.scrollback.adapters.sandbox.js.Scripts.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.sandbox.call.FaultKind;
import dev.scrollback.adapters.sandbox.call.LogLevel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 6, item 6, for scripts: each hostile script is stopped or refused, and the engine still serves a normal call. */
class JsHostileTest {

    @Test
    void an_infinite_loop_is_stopped_at_its_deadline() {
        var script = loaded("function spin(input) { while (true) {} }", "spin");

        var result = script.call("spin", new byte[0], Duration.ofMillis(30));

        assertThat(faulted(result, FaultKind.TIMEOUT).detail()).isEqualTo("calling spin: still running at its deadline of 30 ms");
        assertThat(Thread.currentThread().isInterrupted()).as("nothing of the stop stays on the caller").isFalse();
        stillServes(script);
    }

    @Test
    void a_loop_that_catches_everything_is_stopped_all_the_same() {
        var script = loaded("function stubborn(input) { for (;;) { try { while (true) {} } catch (e) {} finally { continue; } } }",
                "stubborn");

        faulted(script.call("stubborn", new byte[0], Duration.ofMillis(30)), FaultKind.TIMEOUT);
        stillServes(script);
    }

    @Test
    void running_past_the_statement_limit_is_a_fault_and_the_next_call_gets_a_fresh_count() {
        var policy = JsPolicy.restrictive().withLimits(JsLimits.defaults().withStatementLimit(100_000));
        var script = loaded(policy, Map.of(), """
                function busy(input) { let n = 0; while (true) { n++; } }
                function some(input) { let n = 0; for (let i = 0; i < 30000; i++) { n++; } return String(n); }
                """, "busy", "some");

        assertThat(faulted(call(script, "busy", ""), FaultKind.STATEMENT_LIMIT).detail())
                .isEqualTo("calling busy: ran more than 100000 statements");
        for (int i = 0; i < 5; i++) assertThat(text(call(script, "some", ""))).isEqualTo("30000");   // 5 × 60,000 > 100,000
        stillServes(script);
    }

    @Test
    void a_memory_bomb_of_arrays_is_stopped_by_the_allocation_budget() {
        var script = loaded("function bomb(input) { const kept = []; while (true) kept.push(new Array(10000).fill(input)); }",
                "bomb");

        var result = call(script, "bomb", "x");

        assertThat(faulted(result, FaultKind.MEMORY).detail()).isEqualTo("calling bomb: allocated more than 268435456 bytes");
        stillServes(script);
    }

    @Test
    void a_memory_bomb_of_strings_is_stopped_by_the_allocation_budget() {
        var script = loaded("function bomb(input) { const kept = []; for (let i = 0; ; i++) kept.push('x'.repeat(1e6) + i); }",
                "bomb");

        faulted(call(script, "bomb", ""), FaultKind.MEMORY);
        stillServes(script);
    }

    @Test
    void a_memory_bomb_of_array_buffers_is_stopped_by_the_allocation_budget() {
        var script = loaded("function bomb(input) { const kept = []; while (true) kept.push(new Uint8Array(1 << 20)); }", "bomb");

        faulted(call(script, "bomb", ""), FaultKind.MEMORY);
        stillServes(script);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            new ArrayBuffer(2 ** 31 - 9)                          | RangeError: Array buffer allocation failed
            new ArrayBuffer(8, { maxByteLength: 2 ** 31 - 9 })    | RangeError: Array buffer allocation failed
            new ArrayBuffer(4 * 1024 * 1024 + 1)                  | RangeError: Array buffer allocation failed
            new Uint8Array(2 ** 30)                               | RangeError: Invalid typed array length: 1073741824
            new Float64Array(2 ** 19 + 1)                         | RangeError: Invalid typed array length: 524289
            new DataView(new ArrayBuffer(2 ** 31 - 9))            | RangeError: Array buffer allocation failed
            'x'.repeat(2 ** 29)                                   | RangeError: Invalid string length
            'x'.padEnd(2 ** 29)                                   | RangeError: Invalid string length
            'é'.repeat(4 * 1024 * 1024 + 1)                       | RangeError: Invalid string length
            ['x'.repeat(2 ** 21), 'x'.repeat(2 ** 21), 'x'].join('') | RangeError: Invalid string length
            new SharedArrayBuffer(2 ** 30)                        | ReferenceError: SharedArrayBuffer is not defined
            """)
    void a_huge_single_allocation_is_a_range_error_before_anything_is_allocated(String bomb, String error) {
        var script = loaded("function bomb(input) { return String(" + bomb + "); }", "bomb");

        assertThat(failed(call(script, "bomb", ""))).isEqualTo(error);
        stillServes(script);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            (a => a.concat(...Array(65000).fill(a)))(Array(4096).fill(0))          | RangeError: concat would make more than 1048576 elements
            (a => a.concat(a, a, a, a))(Array(300000).fill(0))                      | RangeError: concat would make more than 1048576 elements
            Object.keys(new Uint8Array(4 * 1024 * 1024))                            | RangeError: Object.keys would make more than 1048576 elements
            Object.entries(new Uint8Array(2 ** 21))                                  | RangeError: Object.entries would make more than 1048576 elements
            Object.values({ length: 2 ** 30 })                                       | RangeError: Object.values would make more than 1048576 elements
            """)
    void a_built_in_that_would_loop_past_any_stop_is_refused_before_it_starts(String bomb, String error) {
        var script = loaded("function bomb(input) { return String(" + bomb + "); }", "bomb");

        assertThat(failed(call(script, "bomb", ""))).isEqualTo(error);
        stillServes(script);
    }

    @Test
    void concat_and_object_keys_work_as_ever_below_the_guard() {
        var script = loaded("""
                function joined(input) { return [1, 2].concat([3], 4, [[5]]).length + ' ' + [].concat.call('ab', 'c').length; }
                function keyed(input) { return Object.keys({ a: 1, b: 2 }).join() + ' ' + Object.entries([7]).join()
                    + ' ' + Object.values(new Uint8Array(3)).length; }
                """, "joined", "keyed");

        assertThat(text(call(script, "joined", ""))).isEqualTo("5 2");
        assertThat(text(call(script, "keyed", ""))).isEqualTo("a,b 0,7 3");
    }

    @Test
    void strings_and_buffers_up_to_the_caps_are_allowed() {
        var script = loaded("""
                function longest(input) { return String('x'.repeat(4 * 1024 * 1024).length); }
                function widest(input) { return String(new Uint8Array(4 * 1024 * 1024).length); }
                function doubles(input) { return String(new Float64Array(512 * 1024).byteLength); }
                """, "longest", "widest", "doubles");

        assertThat(text(call(script, "longest", ""))).isEqualTo(Integer.toString(JsEngine.MAX_STRING_CHARS));
        assertThat(text(call(script, "widest", ""))).isEqualTo(Integer.toString(JsEngine.MAX_BUFFER_BYTES));
        assertThat(text(call(script, "doubles", ""))).isEqualTo(Integer.toString(JsEngine.MAX_BUFFER_BYTES));
        stillServes(script);
    }

    @Test
    void a_script_whose_state_changed_before_a_fault_starts_again_from_its_top_level_code() {
        var script = loaded("""
                let armed = false;
                function arm(input) { armed = true; throw new Error('armed'); }
                function state(input) { return String(armed); }
                function crash(input) { while (true) {} }
                """, "arm", "state", "crash");

        assertThat(failed(call(script, "arm", ""))).isEqualTo("Error: armed");
        assertThat(text(call(script, "state", ""))).as("a failure keeps the context").isEqualTo("true");
        faulted(script.call("crash", new byte[0], Duration.ofMillis(20)), FaultKind.TIMEOUT);
        assertThat(text(call(script, "state", ""))).as("a fault does not").isEqualTo("false");
        stillServes(script);
    }

    @Test
    void deep_recursion_is_a_stack_overflow_fault() {
        var script = loaded("function deep(input) { return deep(input + 1) + 1; }", "deep");

        assertThat(faulted(call(script, "deep", ""), FaultKind.STACK_OVERFLOW).detail())
                .isEqualTo("calling deep: the call stack is exhausted (recursion too deep)");
        stillServes(script);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Java.type('java.lang.Runtime').getRuntime().exec('id')   | ReferenceError: Java is not defined
            Packages.java.lang.System.exit(1)                        | ReferenceError: Packages is not defined
            Polyglot.eval('js', '1')                                 | ReferenceError: Polyglot is not defined
            load('/etc/passwd')                                      | ReferenceError: load is not defined
            print('hello')                                           | ReferenceError: print is not defined
            console.log('hello')                                     | ReferenceError: console is not defined
            Graal.versionJS                                          | ReferenceError: Graal is not defined
            require('fs')                                            | ReferenceError: require is not defined
            quit()                                                   | ReferenceError: quit is not defined
            this.constructor.constructor('return this')().Java.type('java.lang.Runtime') | TypeError: Cannot read property 'type' of undefined
            Object.getPrototypeOf(log).constructor('return Java')()  | ReferenceError: Java is not defined
            log.getClass().forName('java.lang.Runtime')              | TypeError: (intermediate value).getClass is not a function
            config('x').getClass()                                   | TypeError: Cannot read property 'getClass' of null
            log.caller                                               | TypeError: 'caller', 'callee', and 'arguments' properties may not be accessed on strict mode functions
            """)
    void an_escape_attempt_is_a_plain_guest_error(String attempt, String error) {
        var script = loaded("function escape(input) { return String(" + attempt + "); }", "escape");

        assertThat(failed(call(script, "escape", ""))).startsWith(error);
        stillServes(script);
    }

    @Test
    void the_global_scope_holds_no_host_access() {
        var script = loaded("""
                function globals(input) {
                  const self = Function('return this')();
                  const names = Object.getOwnPropertyNames(self);
                  return ['Java', 'Packages', 'Polyglot', 'Graal', 'load', 'print', 'console', 'require', 'quit', 'read',
                          'readline', 'readbuffer', 'loadWithNewGlobal', 'java', 'javax', 'com', 'org']
                    .filter(name => names.includes(name) || typeof self[name] !== 'undefined').join(',');
                }
                function stacks(input) {
                  Error.prepareStackTrace = (error, frames) => frames.map(f => typeof f.getFunction()).join(',');
                  let trace = '';
                  log('info', { toString() { trace = new Error().stack; return 'x'; } });
                  return trace;
                }
                """, "globals", "stacks");

        assertThat(text(call(script, "globals", ""))).isEmpty();
        assertThat(text(call(script, "stacks", ""))).doesNotContain("object");
        stillServes(script);
    }

    @Test
    void a_log_flood_keeps_a_bounded_log_and_counts_the_rest() {
        var lavish = JsPolicy.restrictive().withLimits(JsLimits.defaults().withAllocationBytes(4L << 30));
        var script = loaded(lavish, Map.of(), """
                function flood(input) { for (let i = 0; i < 100000; i++) log('info', 'é'.repeat(5000) + i); return 'done'; }
                """, "flood");

        var result = call(script, "flood", "");

        assertThat(text(result)).isEqualTo("done");
        assertThat(result.log().lines()).hasSize(100)
                .allSatisfy(line -> {
                    assertThat(line.level()).isEqualTo(LogLevel.INFO);
                    assertThat(line.text().getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(1024);
                    assertThat(line.text()).matches("é+");   // cut between characters, never inside one
                });
        assertThat(result.log().dropped()).isEqualTo(100_000 - 100);
        stillServes(script);
    }

    @Test
    void a_huge_output_is_refused_in_characters_or_in_bytes() {
        var script = loaded("""
                function long(input) { return 'x'.repeat(2 * 1024 * 1024); }
                function wide(input) { return 'é'.repeat(600 * 1024); }
                """, "long", "wide");

        assertThat(faulted(call(script, "long", ""), FaultKind.OUTPUT_TOO_LARGE).detail())
                .isEqualTo("calling long: the hook returned 2097152 characters, over the limit of 1048576 bytes");
        assertThat(faulted(call(script, "wide", ""), FaultKind.OUTPUT_TOO_LARGE).detail())
                .isEqualTo("the hook returned 1228800 bytes of UTF-8, over the limit of 1048576");
        stillServes(script);
    }

    @Test
    void a_huge_error_message_is_cut_to_the_limit() {
        var script = loaded("function shout(input) { throw new Error('!'.repeat(1e6)); }", "shout");

        assertThat(failed(call(script, "shout", ""))).hasSize(4096).startsWith("Error: !!!");
        stillServes(script);
    }

    @Test
    void prototype_pollution_stays_inside_the_script_that_did_it() {
        var polluter = loaded("""
                Object.prototype.polluted = 'yes';
                Array.prototype.map = function () { return 'hijacked'; };
                String.prototype.toUpperCase = function () { return 'hijacked'; };
                JSON.stringify = function () { return 'hijacked'; };
                function probe(input) { return ({}).polluted + ' ' + [1].map(x => x) + ' ' + 'a'.toUpperCase(); }
                """, "probe");
        var victim = loaded("""
                function probe(input) {
                  return ({}).polluted + ' ' + [1].map(x => x + 1) + ' ' + 'a'.toUpperCase() + ' ' + JSON.stringify([1]);
                }
                """, "probe");

        assertThat(text(call(polluter, "probe", ""))).isEqualTo("yes hijacked hijacked");
        assertThat(text(call(victim, "probe", ""))).isEqualTo("undefined 2 A [1]");
        stillServes(polluter);
        stillServes(victim);
    }

    @ParameterizedTest(name = "throw {0}")
    @CsvSource(delimiter = '|', textBlock = """
            42                                         | 42
            "just text"                                | just text
            null                                       | null
            undefined                                  | undefined
            { toString() { return 'custom'; } }        | custom
            { name: 'Odd', message: 'not an Error' }   | Odd: not an Error
            Symbol('s')                                | the script threw a value that cannot be shown as text
            { toString() { throw new Error('no'); } }  | the script threw a value that cannot be shown as text
            """)
    void a_script_that_throws_a_value_that_is_not_an_error_fails_with_it_as_text(String thrown, String message) {
        var script = loaded("function odd(input) { throw " + thrown + "; }", "odd");

        assertThat(failed(call(script, "odd", ""))).isEqualTo(message);
        stillServes(script);
    }

    @Test
    void a_thrown_value_whose_message_never_ends_is_stopped_at_the_deadline() {
        var script = loaded("function trap(input) { throw { get message() { while (true) {} } }; }", "trap");

        faulted(script.call("trap", new byte[0], Duration.ofMillis(30)), FaultKind.TIMEOUT);
        stillServes(script);
    }
}

package dev.scrollback.adapters.sandbox.js;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scripts run under TRUSTED with CONSTRAINED's restrictions written out, so that GraalJS's caps on single allocations
 * can be set (decision 0017). These tests hold the two together: the same restrictions still pass CONSTRAINED's own
 * checks, and a guest sees the same world under both, but for {@code SharedArrayBuffer}, which the caps switch off.
 * When a GraalJS upgrade makes CONSTRAINED stricter in a way a guest can see, or refuses one of our settings, a test
 * here fails.
 */
class JsSandboxPolicyTest {
    /** What a guest can see and do, as lines of text: each line must be the same under both policies. */
    private static final String WHAT_A_GUEST_SEES = """
            (() => {
              const self = Function('return this')();
              const tried = (f) => { try { return String(f()); } catch (e) { return 'threw ' + e.name; } };
              const lines = ['globals: ' + Object.getOwnPropertyNames(self).sort().join(',')];
              for (const name of ['Java', 'Packages', 'Polyglot', 'Graal', 'load', 'print', 'console', 'require', 'quit',
                  'exit', 'read', 'readline', 'readbuffer', 'loadWithNewGlobal', 'java', 'javax', 'javafx', 'com', 'org',
                  'edu', 'Worker', 'process', 'performance', 'crypto', 'global', 'Realm', 'Debug', 'MLE', 'WebAssembly',
                  'TextEncoder', 'setTimeout', 'SharedArrayBuffer', 'Atomics']) {
                lines.push(name + ': ' + typeof self[name]);
              }
              lines.push('Java.type: ' + tried(() => Java.type('java.lang.Runtime')));
              lines.push('Polyglot.eval: ' + tried(() => Polyglot.eval('js', '1')));
              lines.push('host object: ' + tried(() => typeof hostObject));
              lines.push('its class: ' + tried(() => hostObject.getClass()));
              lines.push('its methods: ' + tried(() => typeof hostObject.hashCode));
              lines.push('its keys: ' + tried(() => Object.keys(hostObject).join(',')));
              lines.push('a host list: ' + tried(() => hostList.length + ' ' + hostList[0]));
              lines.push('a host function: ' + tried(() => hostFunction('x')));
              lines.push('eval: ' + tried(() => eval('1 + 1')));
              lines.push('Function: ' + tried(() => new Function('return 2')()));
              lines.push('the Function of a host function: ' + tried(() => Object.getPrototypeOf(hostFunction).constructor('return typeof Java')()));
              lines.push('Atomics.wait: ' + tried(() => Atomics.wait(new Int32Array(4), 0, 0, 0)));
              lines.push('time zone: ' + tried(() => Intl.DateTimeFormat().resolvedOptions().timeZone));
              lines.push('clock ticks in ms: ' + tried(() => Number.isInteger(Date.now())));
              lines.push('stack: ' + tried(() => new Error('x').stack.split('\\n').length > 0));
              globalThis.imported = 'pending';
              import('/etc/passwd').then(() => { globalThis.imported = 'read'; }, (e) => { globalThis.imported = 'refused: ' + e.message; });
              return lines.join('\\n');
            })()
            """;

    private static Engine trusted;
    private static Engine constrained;

    @BeforeAll
    static void engines() {
        trusted = JsEngine.newEngine(SandboxPolicy.TRUSTED, JsEngine.ALLOCATION_CAPS);
        constrained = JsEngine.newEngine(SandboxPolicy.CONSTRAINED, Map.of());
    }

    @AfterAll
    static void close() {
        trusted.close();
        constrained.close();
    }

    @Test
    void our_restrictions_pass_the_checks_of_CONSTRAINED() {
        try (var context = JsEngine.restricted(constrained, SandboxPolicy.CONSTRAINED).build()) {
            assertThat(context.eval("js", "6 * 7").asInt()).isEqualTo(42);
        }
    }

    @Test
    void a_guest_sees_the_same_under_both_policies_but_for_SharedArrayBuffer() {
        var underConstrained = seen(JsEngine.restricted(constrained, SandboxPolicy.CONSTRAINED));
        var underTrusted = seen(JsEngine.restricted(trusted));

        var expected = new ArrayList<String>();
        for (var line : underConstrained) {
            expected.add(line.startsWith("globals: ") ? line.replace(",SharedArrayBuffer,", ",")
                    : line.startsWith("SharedArrayBuffer: ") ? "SharedArrayBuffer: undefined" : line);
        }
        assertThat(underTrusted).containsExactlyElementsOf(expected);
        assertThat(underConstrained).as("what CONSTRAINED shows a guest, as these tests expect it")
                .contains("Java: undefined", "Packages: undefined", "Polyglot: undefined", "Graal: undefined",
                        "load: undefined", "print: undefined", "console: undefined", "require: undefined",
                        "Worker: undefined", "Java.type: threw ReferenceError", "Polyglot.eval: threw ReferenceError",
                        "its class: threw TypeError", "its methods: undefined", "a host list: undefined undefined",
                        "a host function: threw TypeError", "the Function of a host function: threw TypeError", "SharedArrayBuffer: function",
                        "imported: refused: Operation is not allowed for: /etc/passwd", "a module import: refused",
                        "another language: refused");
    }

    @Test
    void the_comparison_notices_a_restriction_that_goes_missing() {
        var underConstrained = seen(JsEngine.restricted(constrained, SandboxPolicy.CONSTRAINED));

        // an engine remembers its contexts' host access, so each weakened context gets an engine of its own
        try (var open = JsEngine.newEngine(SandboxPolicy.TRUSTED, JsEngine.ALLOCATION_CAPS);
             var lookup = JsEngine.newEngine(SandboxPolicy.TRUSTED, JsEngine.ALLOCATION_CAPS)) {
            assertThat(seen(JsEngine.restricted(open).allowHostAccess(HostAccess.ALL)))
                    .contains("its class: class java.lang.Object", "a host list: 1 secret", "a host function: called with x");
            assertThat(seen(JsEngine.restricted(lookup).allowHostClassLookup(name -> true)))
                    .contains("Java: object")
                    .doesNotContain(underConstrained.stream().filter(line -> line.startsWith("Java")).toArray(String[]::new));
        }
    }

    @Test
    void the_caps_are_refused_under_CONSTRAINED() {
        // If this starts to fail, GraalJS lets CONSTRAINED bound single allocations: decision 0017 should go back to it.
        assertThatThrownBy(() -> JsEngine.newEngine(SandboxPolicy.CONSTRAINED, JsEngine.ALLOCATION_CAPS).close())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("can only be used up to the TRUSTED sandbox policy");
    }

    private static List<String> seen(Context.Builder builder) {
        try (var context = builder.build()) {
            var bindings = context.getBindings("js");
            bindings.putMember("hostObject", new Object());
            bindings.putMember("hostList", List.of("secret"));
            bindings.putMember("hostFunction", (UnaryOperator<String>) text -> "called with " + text);
            var lines = new ArrayList<>(List.of(context.eval("js", WHAT_A_GUEST_SEES).asString().split("\n")));
            lines.add("imported: " + context.eval("js", "imported").asString());   // promise jobs have run by now
            lines.add("a module import: " + refused(() -> context.eval(
                    Source.newBuilder("js", "import text from '/etc/passwd'; text", "probe.mjs").buildLiteral())));
            lines.add("another language: " + refused(() -> context.eval("python", "1")));
            return lines;
        }
    }

    private static String refused(Runnable attempt) {
        try {
            attempt.run();
            return "allowed";
        } catch (PolyglotException | IllegalArgumentException | IllegalStateException e) {
            return "refused";
        }
    }
}

package dev.scrollback.adapters.sandbox.js;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.sandbox.call.CallResult;
import dev.scrollback.adapters.sandbox.call.FaultKind;
import dev.scrollback.adapters.sandbox.watchdog.Watchdog;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** One watchdog and one engine for the JS tests, and the small vocabulary they share. */
final class Scripts {
    /** Generous: the interpreter is slow on a busy two-core machine, and no test here measures time. */
    static final Duration DEADLINE = Duration.ofSeconds(5);
    static final String GREET = "function greet(input) { return 'Hello, ' + input + '!'; }\n";

    static final Watchdog WATCHDOG = Watchdog.start("js-test-watchdog");
    static final JsEngine ENGINE = new JsEngine(WATCHDOG);

    private Scripts() {}

    /** Loads {@code body} plus {@link #GREET} for the hooks {@code greet} and {@code hooks}; fails the test if refused. */
    static JsScript loaded(String body, String... hooks) {
        return loaded(JsPolicy.restrictive(), Map.of(), body, hooks);
    }

    static JsScript loaded(JsPolicy policy, Map<String, String> config, String body, String... hooks) {
        var load = ENGINE.load("test.js", body + "\n" + GREET, hookSet(hooks), policy, config);
        assertThat(load).isInstanceOf(ScriptLoad.Loaded.class);
        return ((ScriptLoad.Loaded) load).script();
    }

    static Set<String> hookSet(String... hooks) {
        return Stream.concat(Stream.of("greet"), Stream.of(hooks)).collect(Collectors.toSet());
    }

    static CallResult call(JsScript script, String hook, String input) {
        return script.call(hook, utf8(input), DEADLINE);
    }

    static String text(CallResult result) {
        assertThat(result).isInstanceOf(CallResult.Returned.class);
        return new String(((CallResult.Returned) result).output(), StandardCharsets.UTF_8);
    }

    static CallResult.Faulted faulted(CallResult result, FaultKind kind) {
        assertThat(result).isInstanceOfSatisfying(CallResult.Faulted.class,
                fault -> assertThat(fault.kind()).as(fault.detail()).isEqualTo(kind));
        return (CallResult.Faulted) result;
    }

    static String failed(CallResult result) {
        assertThat(result).isInstanceOf(CallResult.Failed.class);
        return ((CallResult.Failed) result).message();
    }

    /** The script answers a normal call, and so does a fresh one: the engine still serves other callers. */
    static void stillServes(JsScript script) {
        assertThat(text(call(script, "greet", "again"))).isEqualTo("Hello, again!");
        assertThat(text(call(loaded(""), "greet", "other"))).isEqualTo("Hello, other!");
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

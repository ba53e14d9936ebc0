package dev.scrollback.adapters.sandbox.js;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.sandbox.call.CallResult;
import dev.scrollback.adapters.sandbox.call.FaultKind;
import dev.scrollback.adapters.sandbox.watchdog.Watchdog;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A small measurement printed to the test output, asserting nothing about time: the first load of a new engine (the
 * JVM's first context when this class runs alone), a later load, warm hook calls, and how long after its deadline a
 * runaway call returns. Run alone for honest first-context figures: {@code -Dtest=JsMeasurementsTest}.
 */
class JsMeasurementsTest {
    private static final String SCRIPT = "function greet(input) { return 'Hello, ' + input + '!'; }\n"
            + "function spin(input) { while (true) {} }\n";

    @Test
    void print_the_costs_of_loading_calling_and_stopping() {
        try (var watchdog = Watchdog.start("js-measure-watchdog"); var engine = new JsEngine(watchdog)) {
            long t0 = System.nanoTime();
            var first = load(engine);
            long firstLoad = System.nanoTime() - t0;
            long t1 = System.nanoTime();
            load(engine);
            long laterLoad = System.nanoTime() - t1;
            var warmUp = engine.warmUp();

            var input = "Ada".getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 20_000; i++) first.call("greet", input, Duration.ofSeconds(1));
            var warm = new long[20_000];
            for (int i = 0; i < warm.length; i++) {
                long s = System.nanoTime();
                var result = first.call("greet", input, Duration.ofSeconds(1));
                warm[i] = System.nanoTime() - s;
                assertThat(result).isInstanceOf(CallResult.Returned.class);
            }

            var late = new long[20];
            var deadline = Duration.ofMillis(20);
            for (int i = 0; i < late.length; i++) {
                long s = System.nanoTime();
                var result = first.call("spin", new byte[0], deadline);
                late[i] = System.nanoTime() - s - deadline.toNanos();
                assertThat(result).isInstanceOfSatisfying(CallResult.Faulted.class,
                        fault -> assertThat(fault.kind()).isEqualTo(FaultKind.TIMEOUT));
            }

            var budgeted = JsPolicy.restrictive().withLimits(JsLimits.defaults().withAllocationBytes(64L << 20));
            var bomb = ((ScriptLoad.Loaded) engine.load("bomb.js",
                    "function bomb(input) { const kept = []; for (let i = 0; ; i++) kept.push('x'.repeat(1e6) + i); }",
                    Set.of("bomb"), budgeted, Map.of())).script();
            var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long before = threads.getCurrentThreadAllocatedBytes();
            var bombed = bomb.call("bomb", new byte[0], Duration.ofSeconds(10));
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertThat(bombed).isInstanceOfSatisfying(CallResult.Faulted.class,
                    fault -> assertThat(fault.kind()).isEqualTo(FaultKind.MEMORY));

            var rest = Arrays.copyOfRange(late, 1, late.length);
            System.out.printf(Locale.ROOT, "JS measurements: new engine + first load %.1f ms; a later load %.2f ms;"
                            + " warm-up (load, call, stop) %.1f ms;"
                            + " warm call p50 %.1f µs, p99 %.1f µs; a runaway call returned after its deadline by %.2f ms"
                            + " the first time after the warm-up, then p50 %.2f ms, max %.2f ms%n",
                    firstLoad / 1e6, laterLoad / 1e6, warmUp.toNanos() / 1e6, percentile(warm, 50) / 1e3, percentile(warm, 99) / 1e3,
                    late[0] / 1e6, percentile(rest, 50) / 1e6, percentile(rest, 100) / 1e6);
            System.out.printf(Locale.ROOT, "JS measurements: a string bomb under a 64 MiB budget was stopped after its"
                    + " thread had allocated %.1f MiB%n", allocated / (double) (1 << 20));
        }
    }

    private static JsScript load(JsEngine engine) {
        var load = engine.load("measure.js", SCRIPT, Set.of("greet", "spin"), JsPolicy.restrictive(), Map.of());
        assertThat(load).isInstanceOf(ScriptLoad.Loaded.class);
        return ((ScriptLoad.Loaded) load).script();
    }

    private static long percentile(long[] samples, int p) {
        var sorted = samples.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}

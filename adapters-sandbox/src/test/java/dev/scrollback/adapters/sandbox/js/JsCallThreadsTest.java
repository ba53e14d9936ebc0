package dev.scrollback.adapters.sandbox.js;

import static dev.scrollback.adapters.sandbox.js.Scripts.faulted;
import static dev.scrollback.adapters.sandbox.js.Scripts.text;
import static dev.scrollback.adapters.sandbox.js.Scripts.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.sandbox.call.CallResult;
import dev.scrollback.adapters.sandbox.call.FaultKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Calls from virtual threads run on a few platform threads: a caller takes its script's lock on its own thread and only
 * then a platform thread, so a crowd at one slow script holds one of them and the others stay free for other scripts.
 */
class JsCallThreadsTest {
    static final JsPolicy UNLIMITED_STATEMENTS =
            JsPolicy.restrictive().withLimits(JsLimits.defaults().withStatementLimit(Long.MAX_VALUE));
    static final String SLOW = "function slow(input) { const end = Date.now() + 40; while (Date.now() < end) {} return 'done'; }";

    record Answer(CallResult result, Duration took) {}

    @Test
    void a_crowd_at_one_slow_script_takes_one_platform_thread_and_each_caller_answers_by_its_deadline() throws Exception {
        try (var engine = new JsEngine(Scripts.WATCHDOG, 2)) {
            var slow = load(engine, "slow.js", SLOW, "slow");
            var other = load(engine, "greet.js", Scripts.GREET, "greet");
            int baseline = callThreads();
            var peak = new AtomicInteger();
            var sampling = new AtomicBoolean(true);
            var sampler = Thread.ofPlatform().daemon(true).start(() -> {
                while (sampling.get()) {
                    peak.accumulateAndGet(callThreads(), Math::max);
                    Thread.onSpinWait();
                }
            });

            var deadline = Duration.ofMillis(800);
            var answers = new CopyOnWriteArrayList<Answer>();
            var start = new CountDownLatch(1);
            var callers = new ArrayList<Thread>();
            for (int i = 0; i < 40; i++) {
                callers.add(Thread.ofVirtual().start(() -> {
                    awaitQuietly(start);
                    long began = System.nanoTime();
                    var result = slow.call("slow", new byte[0], deadline);
                    answers.add(new Answer(result, Duration.ofNanos(System.nanoTime() - began)));
                }));
            }
            start.countDown();
            while (!slow.busy()) Thread.onSpinWait();
            var meanwhile = new AtomicReference<Answer>();
            Thread.ofVirtual().start(() -> {
                long began = System.nanoTime();
                var result = other.call("greet", utf8("neighbour"), Duration.ofSeconds(5));
                meanwhile.set(new Answer(result, Duration.ofNanos(System.nanoTime() - began)));
            }).join();
            for (var caller : callers) caller.join();
            sampling.set(false);
            sampler.join();

            assertThat(text(meanwhile.get().result())).isEqualTo("Hello, neighbour!");
            assertThat(meanwhile.get().took()).as("another script is not held up by the crowd")
                    .isLessThan(Duration.ofMillis(500));
            assertThat(answers).hasSize(40).allSatisfy(answer -> {
                assertThat(answer.took()).as("answered by its deadline").isLessThan(deadline.plusMillis(400));
                // served, refused while waiting, or stopped at the deadline that its wait had mostly used up
                if (answer.result() instanceof CallResult.Returned) assertThat(text(answer.result())).isEqualTo("done");
                else assertThat(((CallResult.Faulted) answer.result()).kind()).isIn(FaultKind.BUSY, FaultKind.TIMEOUT);
            });
            assertThat(answers).as("some were served, one after the other")
                    .anyMatch(answer -> answer.result() instanceof CallResult.Returned);
            assertThat(peak.get() - baseline).as("js-call threads beyond those there before").isLessThanOrEqualTo(2);
        }
    }

    @Test
    void when_every_call_thread_is_taken_a_caller_waits_within_its_deadline_then_is_busy() throws Exception {
        try (var engine = new JsEngine(Scripts.WATCHDOG, 1)) {
            var slow = load(engine, "slow.js", SLOW.replace("40", "600"), "slow");
            var other = load(engine, "greet.js", Scripts.GREET, "greet");
            var first = Thread.ofVirtual().start(() -> slow.call("slow", new byte[0], Duration.ofSeconds(5)));
            while (!slow.busy()) Thread.onSpinWait();
            Thread.sleep(50);   // past taking its lock: now on the only call thread

            var refused = new AtomicReference<CallResult>();
            Thread.ofVirtual().start(() -> refused.set(other.call("greet", utf8("late"), Duration.ofMillis(100)))).join();
            assertThat(faulted(refused.get(), FaultKind.BUSY).detail()).contains("all 1 of the engine's call threads");

            var patient = new AtomicReference<CallResult>();
            Thread.ofVirtual().start(() -> patient.set(other.call("greet", utf8("patient"), Duration.ofSeconds(5)))).join();
            assertThat(text(patient.get())).isEqualTo("Hello, patient!");
            first.join();
        }
    }

    @Test
    void an_interrupted_caller_stops_its_call_and_the_script_serves_the_next_one() throws Exception {
        try (var engine = new JsEngine(Scripts.WATCHDOG, 2)) {
            var script = load(engine, "spin.js", "function spin(input) { while (true) {} }\n" + Scripts.GREET, "spin", "greet");
            var result = new AtomicReference<CallResult>();
            var interruptedAfter = new AtomicBoolean();
            var caller = Thread.ofVirtual().start(() -> {
                result.set(script.call("spin", new byte[0], Duration.ofSeconds(30)));
                interruptedAfter.set(Thread.currentThread().isInterrupted());
            });
            while (!script.busy()) Thread.onSpinWait();
            Thread.sleep(50);
            long began = System.nanoTime();
            caller.interrupt();
            caller.join();

            assertThat(Duration.ofNanos(System.nanoTime() - began)).as("not left to its 30 s deadline")
                    .isLessThan(Duration.ofSeconds(5));
            faulted(result.get(), FaultKind.INTERRUPTED);
            assertThat(interruptedAfter.get()).as("the caller keeps its interrupt").isTrue();
            assertThat(text(script.call("greet", utf8("again"), Scripts.DEADLINE))).isEqualTo("Hello, again!");
        }
    }

    private static JsScript load(JsEngine engine, String name, String text, String... hooks) {
        var load = engine.load(name, text, Set.of(hooks), UNLIMITED_STATEMENTS, Map.of());
        assertThat(load).isInstanceOf(ScriptLoad.Loaded.class);
        return ((ScriptLoad.Loaded) load).script();
    }

    private static int callThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("js-call-")).count();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

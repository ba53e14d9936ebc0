package dev.scrollback.adapters.sandbox.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** A call past its deadline is a runaway only if its thread used its time; otherwise the host starved it. */
class CpuShareTest {
    static final CallResult TIMED_OUT = new CallResult.Faulted(FaultKind.TIMEOUT, "calling spin: still running at its deadline",
            CallLog.empty());

    @Test
    void a_call_that_spent_its_deadline_off_the_processor_was_starved_not_a_runaway() {
        long cpu = CpuShare.now();
        LockSupport.parkNanos(Duration.ofMillis(30).toNanos());               // as a collector's pause would hold it

        var judged = CpuShare.judged(TIMED_OUT, cpu, Duration.ofMillis(20));

        assertThat(judged).isInstanceOfSatisfying(CallResult.Faulted.class, f -> {
            assertThat(f.kind()).isEqualTo(FaultKind.STARVED);
            assertThat(f.detail()).startsWith("calling spin: still running at its deadline, having run on the processor for ")
                    .endsWith("the host was too busy to give it its time");
        });
    }

    @Test
    void a_call_that_used_its_time_on_the_processor_timed_out() {
        long cpu = CpuShare.now();
        long spun = 0;
        while (CpuShare.now() - cpu < Duration.ofMillis(10).toNanos()) spun++;   // a runaway's loop

        assertThat(CpuShare.judged(TIMED_OUT, cpu, Duration.ofMillis(20))).as("spun " + spun).isSameAs(TIMED_OUT);
    }

    @Test
    void every_other_ending_is_left_as_it_is() {
        long cpu = CpuShare.now();
        var returned = new CallResult.Returned(new byte[] {1}, CallLog.empty());
        var memory = new CallResult.Faulted(FaultKind.MEMORY, "over budget", CallLog.empty());

        assertThat(CpuShare.judged(returned, cpu, Duration.ofMillis(20))).isSameAs(returned);
        assertThat(CpuShare.judged(memory, cpu, Duration.ofMillis(20))).isSameAs(memory);
        assertThat(CpuShare.judged(TIMED_OUT, -1, Duration.ofMillis(20))).as("not measurable").isSameAs(TIMED_OUT);
    }
}

package dev.scrollback.adapters.sandbox.js;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A call's stop interrupts its thread only while it waits in a host function, and takes that interrupt back after. */
class StopTargetTest {
    private final ContextStopper stopper = new ContextStopper();

    @AfterEach
    void close() {
        stopper.close();
        Thread.interrupted();
    }

    @Test
    void outside_a_wait_a_stop_does_not_interrupt_the_thread() {
        var target = new StopTarget(stopper);

        target.cancel();

        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertThat(target.enterWait()).as("a stopped call starts no wait").isFalse();
    }

    @Test
    void a_stop_during_a_wait_ends_the_wait_and_the_interrupt_is_cleared_after_it() throws Exception {
        var target = new StopTarget(stopper);
        var waiting = new CountDownLatch(1);
        var ended = new CountDownLatch(1);
        var interruptedAfter = new boolean[] {true};
        var cleared = new boolean[1];
        var thread = Thread.ofPlatform().start(() -> {
            assertThat(target.enterWait()).isTrue();
            waiting.countDown();
            try {
                new CountDownLatch(1).await(10, TimeUnit.SECONDS);   // the host's wait
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();                  // as HostWire restores it
            }
            cleared[0] = target.exitWait();
            interruptedAfter[0] = Thread.currentThread().isInterrupted();
            ended.countDown();
        });
        assertThat(waiting.await(5, TimeUnit.SECONDS)).isTrue();

        target.cancel();

        assertThat(ended.await(2, TimeUnit.SECONDS)).as("the wait ended at the stop").isTrue();
        assertThat(cleared[0]).isTrue();
        assertThat(interruptedAfter[0]).as("no interrupt left for the guest or the next call").isFalse();
        thread.join();
    }

    @Test
    void after_a_wait_a_stop_interrupts_nothing() {
        var target = new StopTarget(stopper);
        assertThat(target.enterWait()).isTrue();
        assertThat(target.exitWait()).isFalse();

        target.cancel();

        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }
}

package dev.scrollback.adapters.sandbox.js;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.graalvm.polyglot.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a script's context for the watchdog by closing it with {@code cancelIfExecuting}. Closing, not
 * {@link Context#interrupt}: an interrupt that arrives while the calling thread is between entering the call and
 * running guest code is lost (it acts only on code running now), whereas a closed context stays closed; and the
 * context is discarded after any stop anyway. Closing waits for the guest to leave, so it runs on a small pool of
 * platform threads, never on the watchdog's own thread, nor on a virtual thread (on a two-core machine with a spinning
 * guest, one interrupt sent from a virtual thread was measured to time out after a full second).
 */
final class ContextStopper implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ContextStopper.class);

    private final ExecutorService pool;

    ContextStopper() {
        var count = new AtomicInteger();
        this.pool = Executors.newCachedThreadPool(task -> Thread.ofPlatform()
                .name("js-stopper-" + count.incrementAndGet()).daemon(true).unstarted(task));
    }

    /** Returns at once; the context is closed shortly after. */
    void stop(Context context) {
        try {
            pool.execute(() -> closeHard(context));
        } catch (RejectedExecutionException shuttingDown) {
            Thread.ofPlatform().daemon(true).start(() -> closeHard(context));
        }
    }

    /** Closes the context, cancelling whatever runs in it; never throws. */
    static void closeHard(Context context) {
        try {
            context.close(true);
        } catch (RuntimeException e) {
            log.debug("closing a script's context failed", e);
        }
    }

    @Override
    public void close() {
        pool.shutdown();
    }
}

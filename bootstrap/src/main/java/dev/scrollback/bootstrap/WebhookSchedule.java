package dev.scrollback.bootstrap;

import dev.scrollback.application.shared.AppendedHere;
import dev.scrollback.application.webhooks.WebhookDispatcher;
import dev.scrollback.domain.webhooks.WebhookId;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the webhook dispatcher (decision 0022): a coordinator looks for due subscriptions whenever this instance appends
 * ({@link AppendedHere}, so a new event goes out at once) and every {@code poll} (retries falling due, and events other
 * instances appended), and hands each to a worker of its own — at most {@code workers} at once, one per subscription —
 * so a slow receiver delays only its own messages. Which instance delivers a subscription the store's lease decides.
 */
final class WebhookSchedule implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookSchedule.class);

    private final WebhookDispatcher dispatcher;
    private final AppendedHere appended;
    private final Duration poll;
    private final Semaphore workers;
    private final Set<WebhookId> inFlight = ConcurrentHashMap.newKeySet();
    private final Object bell = new Object();
    private boolean rung;                            // guarded by bell
    private volatile boolean running;
    private ExecutorService pool;
    private Thread coordinator;

    WebhookSchedule(WebhookDispatcher dispatcher, AppendedHere appended, Duration poll, int workers) {
        this.dispatcher = dispatcher;
        this.appended = appended;
        this.poll = poll;
        this.workers = new Semaphore(workers);
    }

    @Override
    public void start() {
        running = true;
        pool = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("webhook-delivery-", 1).factory());
        appended.listen(events -> {
            if (running) ring();                                     // on the appender's thread: only a bell
        });
        coordinator = Thread.ofVirtual().name("webhook-dispatcher").start(this::coordinate);
    }

    /** Looks for due subscriptions now rather than at the next poll. */
    void ring() {
        synchronized (bell) {
            rung = true;
            bell.notifyAll();
        }
    }

    private void coordinate() {
        while (running) {
            try {
                for (var id : dispatcher.due()) {
                    if (!running) return;
                    if (!inFlight.add(id)) continue;                 // a worker has it; it looks again when done
                    workers.acquire();
                    pool.submit(() -> work(id));
                }
                synchronized (bell) {
                    if (!rung) TimeUnit.MILLISECONDS.timedWait(bell, poll.toMillis());
                    rung = false;
                }
            } catch (InterruptedException stopping) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("Could not look for due webhook subscriptions; trying again in {}", poll, e);
                pause();
            }
        }
    }

    private void work(WebhookId id) {
        int acknowledged = 0;
        try {
            acknowledged = dispatcher.deliver(id);
        } catch (RuntimeException e) {
            LOG.warn("Delivering webhook {} failed; it is tried again at the next poll", id, e);
        } finally {
            inFlight.remove(id);
            workers.release();
        }
        if (acknowledged >= dispatcher.policy().burst()) ring();   // more may be waiting: another turn soon
    }

    private void pause() {
        try {
            Thread.sleep(poll);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void stop() {
        running = false;
        if (coordinator != null) coordinator.interrupt();
        if (pool == null) return;
        pool.shutdown();
        try {
            // a message in flight ends within the transport's time-outs; what it did not finish goes out again later
            if (!pool.awaitTermination(15, TimeUnit.SECONDS)) pool.shutdownNow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Starts before the server and stops after it (as the other schedules), so what the shutdown appends may still go
     * out; whatever is left goes out after the next start, from the cursor.
     */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 1;
    }
}

package dev.scrollback.bootstrap;

import dev.scrollback.adapters.persistence.audit.JdbcAuditChain;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Seals the log (decision 0020) every {@code period}, and once more when the server stops, so that what it appended is
 * covered by a signed checkpoint before the process ends. A failed seal is logged and tried again at the next tick.
 */
final class AuditSealSchedule implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(AuditSealSchedule.class);

    private final JdbcAuditChain chain;
    private final Duration period;
    private ScheduledExecutorService timer;
    private volatile boolean running;

    AuditSealSchedule(JdbcAuditChain chain, Duration period) {
        this.chain = chain;
        this.period = period;
    }

    void tick() {
        try {
            long sealed = chain.seal();
            if (sealed > 0) LOG.debug("Sealed {} events into the audit chain", sealed);
        } catch (RuntimeException e) {
            LOG.warn("Could not seal the audit chain; it is tried again in {}", period, e);
        }
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("audit-seal").factory());
        timer.scheduleWithFixedDelay(this::tick, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (timer == null) return;
        timer.shutdownNow();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        tick();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after {@link ServerLifecycle} (default phase), so the last seal covers the sessions ended at shutdown. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 1;
    }
}

package dev.scrollback.bootstrap;

import dev.scrollback.application.presence.EndLostSessions;
import dev.scrollback.application.presence.PublishPresence;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every {@code period} on each instance: publish this instance's presence (its heartbeat), then end the sessions of
 * instances that are gone. Started and stopped by {@link ServerLifecycle}; alone, both do nothing that costs.
 */
final class PresenceSchedule {
    private static final Logger LOG = LoggerFactory.getLogger(PresenceSchedule.class);

    private final Instances instances;
    private final PublishPresence publish;
    private final EndLostSessions endLost;
    private final Duration period;
    private ScheduledExecutorService timer;
    private volatile boolean failing;

    PresenceSchedule(Instances instances, PublishPresence publish, EndLostSessions endLost, Duration period) {
        this.instances = instances;
        this.publish = publish;
        this.endLost = endLost;
        this.period = period;
    }

    /** One round; what the timer runs. */
    void tick() {
        try {
            publish.run();
            int lost = endLost.run();
            if (lost > 0) LOG.info("Ended {} session(s) of instances that are gone (reason: instance_lost)", lost);
            if (failing) LOG.info("Presence is shared again");
            failing = false;
        } catch (RuntimeException e) {
            if (!failing) LOG.warn("Cannot share presence (other instances will take this one for lost if it lasts); "
                    + "trying again every {}", period, e);
            failing = true;
        }
    }

    synchronized void start() {
        if (!instances.shared()) return;                  // alone: nobody to tell, nobody to lose
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("presence").factory());
        timer.scheduleWithFixedDelay(this::tick, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops publishing and withdraws this instance, so the others see it leave at once. */
    synchronized void stop() {
        if (timer == null) return;
        timer.shutdown();
        try {
            if (!timer.awaitTermination(5, TimeUnit.SECONDS)) timer.shutdownNow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timer = null;
        try {
            instances.withdraw();
        } catch (RuntimeException e) {
            LOG.warn("Could not withdraw from Redis; the other instances see this one gone once its heartbeat expires", e);
        }
    }
}

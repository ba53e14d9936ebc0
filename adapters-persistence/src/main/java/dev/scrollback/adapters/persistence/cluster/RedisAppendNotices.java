package dev.scrollback.adapters.persistence.cluster;

import dev.scrollback.application.shared.EventLog;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wakes the other instances' live followers when this one commits (channel {@code <prefix>appended}, message: the
 * committing instance's id), so a chat line or a mail written on one instance reaches a socket on another at once
 * rather than at its follower's next poll. Only a hint: readers always read the store by position, and the poll stays as
 * the safety net, so a notice lost (Redis down, a reconnect) delays an event by at most a poll, never loses it.
 * At most one notice is in flight; commits meanwhile are covered by one more notice after it.
 */
public final class RedisAppendNotices implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisAppendNotices.class);

    private final RedisConnections connections;
    private final String channel;
    private final byte[] self;
    private final AtomicBoolean inFlight = new AtomicBoolean();
    private final AtomicBoolean pending = new AtomicBoolean();
    private final EventLog.Subscription listening;
    private final WarnOnce failures = new WarnOnce(LOG,
            "Cannot tell other instances about commits (they find them at their next poll): {}");

    /**
     * Subscribes at once; {@code othersCommitted} runs on Lettuce's event loop for every notice of another instance, so
     * it must return quickly (signalling the store does).
     */
    public RedisAppendNotices(RedisConnections connections, String prefix, UUID self, Runnable othersCommitted) {
        this.connections = connections;
        this.channel = prefix + "appended";
        this.self = self.toString().getBytes(StandardCharsets.UTF_8);
        this.listening = connections.listen(channel, message -> {
            if (!Arrays.equals(message, this.self)) othersCommitted.run();
        });
    }

    /** This instance committed: tell the others (never blocks; a failure only costs them a poll). */
    public void committed() {
        pending.set(true);
        if (inFlight.compareAndSet(false, true)) send();
    }

    private void send() {
        pending.set(false);
        try {
            connections.commands().async().publish(channel, self).whenComplete((listeners, failure) -> {
                failures.report(failure);
                inFlight.set(false);
                if (pending.get() && inFlight.compareAndSet(false, true)) send();
            });
        } catch (RuntimeException closed) {
            failures.report(closed);
            inFlight.set(false);
        }
    }

    @Override
    public void close() {
        listening.close();
    }
}

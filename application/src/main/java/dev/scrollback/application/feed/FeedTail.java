package dev.scrollback.application.feed;

import dev.scrollback.application.shared.EventLog;
import java.util.function.LongConsumer;

/**
 * Out-port: the live end of the log, for followers of the feed that wait there. It carries no events — followers read
 * those from the {@link EventFeed} at their own pace — only the news that the log has moved on, so a follower holds
 * nothing in memory however slow its client is.
 */
public interface FeedTail {
    /** The highest position a reader can see now (0 for an empty log). */
    long lastPosition();

    /**
     * From now until closed, hands {@code moved} the position of each event appended (in order, on one thread). It must
     * return at once.
     */
    EventLog.Subscription watch(LongConsumer moved);
}

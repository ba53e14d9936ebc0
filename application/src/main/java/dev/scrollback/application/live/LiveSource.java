package dev.scrollback.application.live;

import dev.scrollback.application.shared.EventLog;
import java.util.List;
import java.util.function.Consumer;

/** Out-port: the log as {@link LiveItem}s, read in position order (SPEC §3: nothing skipped, nothing repeated). */
public interface LiveSource {
    /** Up to {@code limit} items with a position greater than {@code after}. */
    List<LiveItem> after(long after, int limit);

    /** The highest position a reader can see now (0 for an empty log). */
    long lastPosition();

    /**
     * Delivers every item after {@code after}, in order and on one thread, first from the store and then as events are
     * appended (by this instance or another sharing the store), until closed; {@code failed} hears why it stopped early.
     */
    EventLog.Subscription follow(long after, Consumer<LiveItem> onItem, Consumer<Throwable> failed);
}

package dev.scrollback.application.feed;

import java.util.List;

/** Out-port: the stored events in position order, as JSON, for integrators. */
public interface EventFeed {
    /** Up to {@code limit} items with a position greater than {@code after}. */
    List<FeedItem> after(long after, int limit);
}

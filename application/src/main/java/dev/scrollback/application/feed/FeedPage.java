package dev.scrollback.application.feed;

import java.util.List;

/**
 * A page of the feed; pass {@code next} as {@code after} to continue. On the last page {@code next} is the position of
 * its last item (or the requested {@code after} when empty), so polling with it picks up new events.
 */
public record FeedPage(List<FeedItem> events, long next) {
    public FeedPage {
        events = List.copyOf(events);
    }
}

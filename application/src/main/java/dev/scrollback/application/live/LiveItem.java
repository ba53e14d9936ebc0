package dev.scrollback.application.live;

import dev.scrollback.application.feed.FeedItem;
import dev.scrollback.application.shared.RecordedEvent;

/**
 * One event on its way to live clients: the domain event, to decide whom it concerns, and its public view for the
 * wire — the stored JSON with secrets and personal data (addresses, email) left out, and no address in its origin.
 */
public record LiveItem(RecordedEvent event, FeedItem view) {
    public LiveItem {
        if (event.position() != view.position()) throw new IllegalArgumentException("event and view differ in position");
    }

    public long position() {
        return event.position();
    }
}

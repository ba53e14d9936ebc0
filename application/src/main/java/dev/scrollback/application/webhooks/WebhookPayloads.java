package dev.scrollback.application.webhooks;

import dev.scrollback.application.feed.FeedItem;

/** Out-port: an event as the body of its webhook message: the feed item's JSON, the same as the SSE stream's data. */
public interface WebhookPayloads {
    byte[] json(FeedItem item);
}

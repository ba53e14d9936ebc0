package dev.scrollback.adapters.web.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.scrollback.adapters.web.feed.FeedRoutes;
import dev.scrollback.adapters.web.shared.Json;
import dev.scrollback.application.feed.FeedItem;
import dev.scrollback.application.webhooks.WebhookPayloads;

/** A webhook message's body: the feed item exactly as the paged feed and the SSE stream's {@code data} write it. */
public final class FeedItemPayloads implements WebhookPayloads {
    @Override
    public byte[] json(FeedItem item) {
        try {
            return Json.mapper().writeValueAsBytes(FeedRoutes.Event.of(item));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event did not render at position " + item.position(), e);
        }
    }
}

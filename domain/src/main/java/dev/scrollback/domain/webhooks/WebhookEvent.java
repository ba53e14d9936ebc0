package dev.scrollback.domain.webhooks;

import dev.scrollback.domain.shared.DomainEvent;
import java.time.Instant;

/**
 * Facts about one webhook subscription, on stream {@code webhook-<uuid>}; the sysop who acted is the event's actor
 * (the system for {@link WebhookDisabled}). Public information only: the signing secret is never an event (every
 * holder of {@code events:read} reads the feed); it lives in the subscription table beside the log (decision 0022).
 */
public sealed interface WebhookEvent extends DomainEvent {
    WebhookId webhook();

    Instant at();

    /**
     * A sysop subscribed a URL to the events {@code filter} lets through, from after position {@code after}. {@code url}
     * is the URL without its query ({@link WebhookUrl#withoutQuery()}): receivers often take a token there, and the feed
     * is read by every integrator; the whole URL is in the subscription table with the secret.
     */
    record WebhookSubscribed(WebhookId webhook, String url, WebhookFilter filter, WebhookDescription description,
                             long after, Instant at) implements WebhookEvent {
        public WebhookSubscribed {
            if (url == null || url.isBlank() || url.length() > WebhookUrl.MAX_LENGTH + 2) {
                throw new IllegalArgumentException("url must be a URL without its query");
            }
            if (after < 0) throw new IllegalArgumentException("after must be 0 or a position");
        }
    }

    /** Deliveries stop until resumed; the cursor stays, so nothing is lost. */
    record WebhookPaused(WebhookId webhook, Instant at) implements WebhookEvent {}

    /** Deliveries go on from the cursor (after a pause, or after the subscription was disabled). */
    record WebhookResumed(WebhookId webhook, Instant at) implements WebhookEvent {}

    /** A new signing secret took over; the previous one still signs alongside it until {@code previousValidUntil}. */
    record WebhookSecretRotated(WebhookId webhook, Instant previousValidUntil, Instant at) implements WebhookEvent {}

    /**
     * Deliveries failed without a break since {@code failingSince}, for the whole retry window: they stop until a sysop
     * resumes. {@code cursor} is the last position acknowledged, {@code stuckAt} the event that kept failing.
     */
    record WebhookDisabled(WebhookId webhook, long cursor, long stuckAt, Instant failingSince, String lastError, Instant at)
            implements WebhookEvent {}

    /** The subscription is gone, with its secret, cursor and delivery log. */
    record WebhookDeleted(WebhookId webhook, Instant at) implements WebhookEvent {}
}

package dev.scrollback.domain.webhooks;

import java.time.Instant;

/** Commands on one subscription's stream ({@code webhook-<uuid>}). */
public sealed interface WebhookCommand {
    record Subscribe(WebhookUrl url, WebhookFilter filter, WebhookDescription description, long after, Instant at)
            implements WebhookCommand {}

    record Pause(Instant at) implements WebhookCommand {}

    record Resume(Instant at) implements WebhookCommand {}

    record RotateSecret(Instant previousValidUntil, Instant at) implements WebhookCommand {}

    /** The dispatcher gives up after the retry window. */
    record Disable(long cursor, long stuckAt, Instant failingSince, String lastError, Instant at) implements WebhookCommand {}

    record Delete(Instant at) implements WebhookCommand {}
}

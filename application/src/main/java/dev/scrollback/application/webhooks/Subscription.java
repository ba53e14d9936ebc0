package dev.scrollback.application.webhooks;

import dev.scrollback.domain.webhooks.WebhookDescription;
import dev.scrollback.domain.webhooks.WebhookFilter;
import dev.scrollback.domain.webhooks.WebhookId;
import dev.scrollback.domain.webhooks.WebhookState.Status;
import dev.scrollback.domain.webhooks.WebhookUrl;
import java.time.Instant;
import java.util.Optional;

/**
 * One subscription as the dispatcher and the sysop see it (the secret aside): where it goes, what it takes, whether it
 * delivers, and {@code cursor}, the global position of the last event the receiver acknowledged (2xx) or that the
 * filter passed over. {@code failing} is present while the next event keeps failing.
 */
public record Subscription(WebhookId id, WebhookUrl url, WebhookFilter filter, WebhookDescription description, Status status,
                           long cursor, Instant createdAt, Optional<Failing> failing) {

    /**
     * Deliveries of the event at {@code position} failed {@code attempts} times in a row since {@code since}; the next try
     * is due at {@code nextAttempt}.
     */
    public record Failing(long position, Instant since, int attempts, Instant nextAttempt, String lastError) {}

    /** Whether the dispatcher should try now. */
    public boolean dueAt(Instant now) {
        return status == Status.ACTIVE && failing.map(f -> !f.nextAttempt().isAfter(now)).orElse(true);
    }
}

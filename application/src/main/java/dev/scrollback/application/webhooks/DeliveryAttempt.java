package dev.scrollback.application.webhooks;

import dev.scrollback.domain.webhooks.WebhookId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One POST to a receiver, as the delivery log keeps it: when, which event ({@code position}, and {@code message}, the
 * {@code webhook-id} sent: the event's id), which try of it, and how it ended — an HTTP {@code status}, or an
 * {@code error} when there was no answer (refused, timed out, unreachable). A test message has position 0.
 */
public record DeliveryAttempt(WebhookId webhook, Instant at, long position, UUID message, int attempt, Optional<Integer> status,
                              Optional<String> error, Duration latency, boolean test) {
    public static final int MAX_ERROR = 300;

    public DeliveryAttempt {
        error = error.map(e -> e.length() > MAX_ERROR ? e.substring(0, MAX_ERROR) : e);
    }

    public boolean acknowledged() {
        return status.filter(s -> s >= 200 && s < 300).isPresent();
    }

    /** As kept: numbered per subscription, in the order made. */
    public record Logged(long sequence, DeliveryAttempt attempt) {}
}

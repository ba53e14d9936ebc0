package dev.scrollback.application.webhooks;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How deliveries are retried and kept (decision 0022). A failed event is tried again after {@code firstRetry}, then
 * after twice as long each time up to {@code longestRetry}, each wait drawn at random within ±20 % of that (so
 * receivers coming back after an outage are not hit by every board at once), until {@code retryFor} after its first
 * failure; the last try falls at that moment exactly, and if it fails too the subscription is disabled.
 *
 * @param keepAttempts     the delivery log keeps each subscription's latest this many attempts
 * @param burst            the most events one subscription is sent in one turn, so one busy receiver does not hold
 *                         a worker for ever
 * @param lease            how long a turn may hold a subscription before another instance may take it over (renewed
 *                         after each message, so it only runs out when an instance dies)
 * @param previousSecretFor after a rotation, how long the previous secret still signs beside the new one
 */
public record WebhookPolicy(Duration firstRetry, Duration longestRetry, Duration retryFor, int keepAttempts, int burst,
                            Duration lease, Duration previousSecretFor) {
    public static final WebhookPolicy STANDARD = new WebhookPolicy(Duration.ofSeconds(10), Duration.ofHours(1),
            Duration.ofDays(3), 1000, 500, Duration.ofMinutes(2), Duration.ofHours(24));

    public WebhookPolicy {
        if (firstRetry.isNegative() || firstRetry.isZero()) throw new IllegalArgumentException("firstRetry must be > 0");
        if (longestRetry.compareTo(firstRetry) < 0) throw new IllegalArgumentException("longestRetry must be >= firstRetry");
        if (retryFor.compareTo(firstRetry) < 0) throw new IllegalArgumentException("retryFor must be >= firstRetry");
        if (keepAttempts < 1 || burst < 1) throw new IllegalArgumentException("keepAttempts and burst must be >= 1");
    }

    /** The wait after the {@code failures}-th failure in a row (1 for the first), before jitter. */
    public Duration backoff(int failures) {
        int doublings = Math.min(Math.max(failures - 1, 0), 30);
        var wait = firstRetry.multipliedBy(1L << Math.min(doublings, 20));
        return wait.compareTo(longestRetry) > 0 ? longestRetry : wait;
    }

    /** {@link #backoff} scaled by a factor drawn from [0.8, 1.2). */
    public Duration jittered(int failures, RandomGenerator random) {
        long millis = backoff(failures).toMillis();
        return Duration.ofMillis(Math.max(1, Math.round(millis * (0.8 + 0.4 * random.nextDouble()))));
    }
}

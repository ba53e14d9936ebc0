package dev.scrollback.application.shared;

import dev.scrollback.domain.shared.Rejection;
import java.time.Duration;

/** Too many attempts: refused without looking further; try again after {@link #retryAfter()}. Web: 429 rate-limited. */
public final class RateLimited extends Rejection {
    public record TooManyAttempts(Duration retryAfter) {}

    private final TooManyAttempts reason;

    public RateLimited(Duration retryAfter) {
        super(new TooManyAttempts(retryAfter));
        this.reason = new TooManyAttempts(retryAfter);
    }

    @Override
    public TooManyAttempts reason() {
        return reason;
    }

    public Duration retryAfter() {
        return reason.retryAfter();
    }

    /** Whole seconds, rounded up, at least 1: what {@code Retry-After} and callers are told. */
    public long retryAfterSeconds() {
        return Math.max(1, (reason.retryAfter().toMillis() + 999) / 1000);
    }
}

package dev.scrollback.application.accounts;

import java.time.Duration;

/**
 * How long a key signs ({@code rotationInterval}), and how long it keeps verifying after it stopped ({@code verifyFor}):
 * as long as the longest-lived token it may have signed, a refresh token, plus a margin for instances that signed with
 * it a little longer because they had not yet re-read the keys. So a rotation logs nobody out.
 */
public record SigningKeyPolicy(Duration rotationInterval, Duration verifyFor) {
    /** Instances re-read the keys every minute; this covers that, clock differences and a slow start. */
    public static final Duration MARGIN = Duration.ofMinutes(10);

    public SigningKeyPolicy {
        if (rotationInterval.compareTo(Duration.ofHours(1)) < 0) throw new IllegalArgumentException("rotate at most hourly");
        if (verifyFor.isNegative() || verifyFor.isZero()) throw new IllegalArgumentException("verifyFor must be positive");
    }

    /** Old keys verify for the refresh token lifetime plus {@link #MARGIN}. */
    public static SigningKeyPolicy of(Duration rotationInterval, Duration refreshTokenLifetime) {
        return new SigningKeyPolicy(rotationInterval, refreshTokenLifetime.plus(MARGIN));
    }
}

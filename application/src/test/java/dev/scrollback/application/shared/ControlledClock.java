package dev.scrollback.application.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that moves only when a test says so: expiries and idle limits are tested without waiting. Thread-safe. */
public final class ControlledClock extends Clock {
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    public ControlledClock(Instant start) {
        this(new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
    }

    private ControlledClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** A clock standing at an ISO-8601 instant such as {@code 2025-03-01T20:00:00Z}. */
    public static ControlledClock at(String instant) {
        return new ControlledClock(Instant.parse(instant));
    }

    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
    }

    /** Moves the clock on (or back, for a negative amount) and returns the new time. */
    public Instant advance(Duration amount) {
        return now.updateAndGet(t -> t.plus(amount));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same time source seen from another zone: advancing one advances both. */
    @Override
    public Clock withZone(ZoneId other) {
        return new ControlledClock(now, other);
    }

    @Override
    public String toString() {
        return "ControlledClock[" + now.get() + "]";
    }
}

package dev.scrollback.adapters.persistence.cluster;

import org.slf4j.Logger;

/** Says a failure once, not on every attempt, until an attempt succeeds again (Redis away: one line, not thousands). */
final class WarnOnce {
    private final Logger log;
    private final String message;
    private volatile boolean failing;

    /** {@code message} has one {@code {}} for the failure. */
    WarnOnce(Logger log, String message) {
        this.log = log;
        this.message = message;
    }

    /** The outcome of an attempt: null when it succeeded. */
    void report(Throwable failure) {
        if (failure == null) {
            failing = false;
        } else if (!failing) {
            failing = true;
            log.warn(message, failure.toString());
        }
    }
}

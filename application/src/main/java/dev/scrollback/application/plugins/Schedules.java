package dev.scrollback.application.plugins;

import dev.scrollback.domain.plugins.CronSchedule;
import java.time.Instant;
import java.util.Optional;

/** Out-port: when a cron schedule fires (read in UTC, to the minute). */
public interface Schedules {

    /** The first time strictly after {@code after} that {@code schedule} fires; empty when it never does. */
    Optional<Instant> nextAfter(CronSchedule schedule, Instant after);
}

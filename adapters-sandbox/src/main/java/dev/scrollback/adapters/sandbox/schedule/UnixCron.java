package dev.scrollback.adapters.sandbox.schedule;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import dev.scrollback.application.plugins.Schedules;
import dev.scrollback.domain.plugins.CronSchedule;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Cron schedules as Unix cron reads them (five fields, UTC), with cron-utils (decision 0018): what a manifest's
 * schedule means, and when it next fires. The domain only holds an expression's shape.
 */
public final class UnixCron implements Schedules {
    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    /** Why {@code schedule} is no schedule (a field out of range, say), or empty when it is one. */
    public static Optional<String> problem(CronSchedule schedule) {
        try {
            var cron = parsed(schedule);
            return ExecutionTime.forCron(cron).nextExecution(Instant.EPOCH.atZone(ZoneOffset.UTC)).isPresent()
                    ? Optional.empty() : Optional.of("\"" + schedule + "\" never fires");
        } catch (IllegalArgumentException e) {
            return Optional.of("\"" + schedule + "\" is not a cron schedule: " + e.getMessage());
        }
    }

    @Override
    public Optional<Instant> nextAfter(CronSchedule schedule, Instant after) {
        try {
            return ExecutionTime.forCron(parsed(schedule)).nextExecution(after.atZone(ZoneOffset.UTC))
                    .map(next -> next.toInstant());
        } catch (IllegalArgumentException notASchedule) {
            return Optional.empty();   // a manifest's schedules were read by problem(): this is a stored oddity, never run
        }
    }

    private static Cron parsed(CronSchedule schedule) {
        return PARSER.parse(schedule.expression()).validate();
    }
}

package dev.scrollback.domain.plugins;

import dev.scrollback.domain.shared.InvalidValue;
import java.util.regex.Pattern;

/**
 * When an {@code on_schedule} hook runs: a cron expression of five fields (minute, hour, day of month, month, day of
 * week), read in UTC, like {@code "*}{@code /15 * * * *"}. The domain holds its shape (five fields of digits and
 * {@code * / , -}); whether the fields make a schedule that ever fires is the adapter's reading, with a cron library.
 */
public record CronSchedule(String expression) {
    public static final int MAX = 100;
    private static final Pattern FIELDS = Pattern.compile("[0-9*/,\\-]+( [0-9*/,\\-]+){4}");

    public CronSchedule {
        if (expression == null) throw new InvalidValue("schedules", "are cron expressions");
        expression = expression.strip().replaceAll("\\s+", " ");
        if (expression.length() > MAX || !FIELDS.matcher(expression).matches()) {
            throw new InvalidValue("schedules", "must be cron expressions of five fields (minute hour day-of-month month "
                    + "day-of-week) of digits and * / , -, like \"*/15 * * * *\"");
        }
    }

    @Override
    public String toString() {
        return expression;
    }
}

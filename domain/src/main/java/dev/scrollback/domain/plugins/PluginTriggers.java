package dev.scrollback.domain.plugins;

import dev.scrollback.domain.shared.InvalidValue;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What runs a plugin besides the BBS's own hooks: the kinds of event whose recording calls its {@code on_event}, and the
 * cron schedules that call its {@code on_schedule}. Events are held in name order, schedules in the manifest's order
 * without repeats.
 */
public record PluginTriggers(Set<EventTypeName> events, List<CronSchedule> schedules) {
    public static final int MAX_EVENTS = 32;
    public static final int MAX_SCHEDULES = 8;

    public PluginTriggers {
        if (events == null || schedules == null) throw new InvalidValue("triggers", "are required (empty for none)");
        if (events.size() > MAX_EVENTS) throw new InvalidValue("events", "may name at most " + MAX_EVENTS + " event types");
        var sorted = new TreeSet<EventTypeName>(Comparator.comparing(EventTypeName::value));
        sorted.addAll(events);
        events = Collections.unmodifiableSortedSet(sorted);
        schedules = List.copyOf(new LinkedHashSet<>(schedules));
        if (schedules.size() > MAX_SCHEDULES) {
            throw new InvalidValue("schedules", "may be at most " + MAX_SCHEDULES + " cron expressions");
        }
    }

    public static PluginTriggers none() {
        return new PluginTriggers(Set.of(), List.of());
    }

    public boolean hasNone() {
        return events.isEmpty() && schedules.isEmpty();
    }
}

package dev.scrollback.application.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.application.shared.ControlledClock;
import dev.scrollback.application.shared.InMemoryEventLog;
import dev.scrollback.domain.plugins.CronSchedule;
import dev.scrollback.domain.plugins.Engine;
import dev.scrollback.domain.plugins.EntryPoint;
import dev.scrollback.domain.plugins.Hook;
import dev.scrollback.domain.plugins.LicenseId;
import dev.scrollback.domain.plugins.PluginAuthor;
import dev.scrollback.domain.plugins.PluginDescription;
import dev.scrollback.domain.plugins.PluginId;
import dev.scrollback.domain.plugins.PluginLimits;
import dev.scrollback.domain.plugins.PluginManifest;
import dev.scrollback.domain.plugins.PluginScheduleFired;
import dev.scrollback.domain.plugins.PluginTriggers;
import dev.scrollback.domain.plugins.PluginVersion;
import dev.scrollback.domain.plugins.VersionRange;
import dev.scrollback.domain.shared.PluginName;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** Several instances racing for one slot of one schedule: exactly one runs it, recorded once, and never again. */
class ScheduleClaimTest {
    static final CronSchedule EVERY_MINUTE = new CronSchedule("* * * * *");
    static final CronSchedule HOURLY = new CronSchedule("0 * * * *");
    static final Instant NINE = Instant.parse("2031-06-01T09:00:00Z");

    final InMemoryEventLog log = new InMemoryEventLog();
    final ControlledClock clock = ControlledClock.at("2031-06-01T09:00:00.250Z");
    final PluginSlot slot = new PluginSlot(new PluginId(UUID.fromString("0195f0a0-0000-7000-8000-0000000000aa")),
            new PluginManifest(new PluginName("crier"), PluginVersion.parse("1.0.0"), VersionRange.any(),
                    new PluginDescription("Calls the hours"), new PluginAuthor("Ada"), new LicenseId("MIT"), Engine.JS,
                    new EntryPoint("main.js"), Set.of(Hook.ON_SCHEDULE), Set.of(), PluginLimits.defaults(),
                    new PluginTriggers(Set.of(), List.of(EVERY_MINUTE, HOURLY))));

    @Test
    void of_eight_instances_racing_for_a_slot_exactly_one_takes_it() throws Exception {
        var instances = new ArrayList<PluginRecords>();
        for (int i = 0; i < 8; i++) instances.add(new PluginRecords(log, clock));
        try (var pool = Executors.newFixedThreadPool(8)) {
            var races = new ArrayList<Callable<Boolean>>();
            for (var records : instances) races.add(() -> records.claim(slot, EVERY_MINUTE, NINE));
            var won = pool.invokeAll(races).stream().filter(f -> {
                try {
                    return f.get();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }).count();
            assertThat(won).isEqualTo(1);
        }
        assertThat(fired()).containsExactly("* * * * * @ 2031-06-01T09:00:00Z");
        instances.forEach(PluginRecords::close);
    }

    @Test
    void a_slot_is_taken_once_a_later_one_is_new_and_each_schedule_is_its_own() {
        var a = new PluginRecords(log, clock);
        var b = new PluginRecords(log, clock);

        assertThat(a.claim(slot, EVERY_MINUTE, NINE)).isTrue();
        assertThat(a.claim(slot, EVERY_MINUTE, NINE)).as("again, here").isFalse();
        assertThat(b.claim(slot, EVERY_MINUTE, NINE)).as("again, elsewhere").isFalse();
        assertThat(b.claim(slot, HOURLY, NINE)).as("another schedule, same time").isTrue();
        assertThat(b.claim(slot, EVERY_MINUTE, NINE.plusSeconds(60))).isTrue();
        assertThat(a.claim(slot, EVERY_MINUTE, NINE.plusSeconds(60))).isFalse();
        assertThat(a.claim(slot, EVERY_MINUTE, NINE.minusSeconds(60))).as("an earlier slot after a later one ran").isFalse();
        assertThat(fired()).containsExactly("* * * * * @ 2031-06-01T09:00:00Z", "0 * * * * @ 2031-06-01T09:00:00Z",
                "* * * * * @ 2031-06-01T09:01:00Z");
        a.close();
        b.close();
    }

    private List<String> fired() {
        return log.readAfter(0, 1000).stream().map(r -> r.event())
                .filter(PluginScheduleFired.class::isInstance).map(PluginScheduleFired.class::cast)
                .map(f -> f.schedule() + " @ " + f.slot()).toList();
    }
}

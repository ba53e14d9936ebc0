package dev.scrollback.adapters.telnet.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.application.plugins.PluginStats;
import dev.scrollback.application.plugins.Plugins.Entry;
import dev.scrollback.application.plugins.Plugins.Status;
import dev.scrollback.application.shared.UuidV7;
import dev.scrollback.domain.plugins.Engine;
import dev.scrollback.domain.plugins.PluginId;
import dev.scrollback.domain.plugins.PluginVersion;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.PluginName;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The registry's layout: it fits the window, and every status offers only the steps its lifecycle allows. */
class PluginsScreenTest {
    static final Entry LONG = entry("a-plugin-with-a-rather-long-name-indeed", "10.200.3000-beta.1+build.77", Status.ENABLED,
            List.of("the module imports env.log, which its manifest does not ask for; it is refused at load time, "
                    + "and this sentence goes on long enough to need wrapping on any window"));

    static Entry entry(String name, String version, Status status, List<String> findings) {
        return new Entry(new PluginId(UuidV7.next()), new PluginName(name), PluginVersion.parse(version), Engine.JS,
                FakePlugins.SHA256, status, new Handle("Amiga"), FakePlugins.SUBMITTED_AT, findings, 3);
    }

    static PluginStats figures(Entry entry) {
        return new PluginStats(entry.id(), entry.name(), entry.version(), PluginStats.RunState.REFUSED,
                Optional.of("the package's hash no longer matches"), 123456, 7, 3, 0, Optional.of(Duration.ofNanos(200_000)),
                Optional.of(Duration.ofSeconds(12)), List.of("x".repeat(300)));
    }

    @Test
    void every_line_fits_a_narrow_window_and_a_long_name_or_version_is_cut_with_a_mark() {
        for (int columns : List.of(20, 40, 80)) {
            var list = PluginsScreen.listLines(List.of(LONG), Map.of(LONG.id(), figures(LONG)), columns);
            var details = PluginsScreen.detailLines(LONG, Optional.of(figures(LONG)), columns);
            assertThat(list).allSatisfy(line -> assertThat(line.length()).isLessThan(Math.max(columns, 20)));
            assertThat(details).allSatisfy(line -> assertThat(line.length()).isLessThan(Math.max(columns, 20)));
        }
        assertThat(PluginsScreen.listLines(List.of(LONG), Map.of(), 100).get(3))
                .startsWith("1  a-plugin-with-a-rather-long-name-indeed  10.200.3000-b~  js      enabled           3");
    }

    @Test
    void the_details_wrap_findings_and_show_why_a_plugin_was_refused_at_load() {
        var details = String.join("\n", PluginsScreen.detailLines(LONG, Optional.of(figures(LONG)), 120));

        assertThat(details).contains("Scan:          passed, findings:\n  - the module imports env.log,")
                .contains("This instance: refused\n               123456 calls, 7 failed, 3 faulted, 0 skipped; p50 <1ms, p99 12s")
                .contains("Problem:       the package's hash no longer matches");
    }

    @Test
    void the_details_show_the_packages_hash_whole_on_one_line_wherever_the_window_has_room_for_it() {
        var hex = FakePlugins.SHA256.hex();

        assertThat(PluginsScreen.detailLines(LONG, Optional.empty(), 80)).contains("SHA-256:       " + hex);
        assertThat(PluginsScreen.detailLines(LONG, Optional.empty(), 70)).as("beside its label it would be cut")
                .containsSubsequence("SHA-256:", hex);
        assertThat(PluginsScreen.detailLines(LONG, Optional.empty(), 40)).as("narrower than the hash: cut in pieces")
                .containsSubsequence("SHA-256:", hex.substring(0, 39), hex.substring(39));
    }

    @Test
    void latency_takes_few_characters() {
        assertThat(PluginsScreen.latency(Duration.ofNanos(999_999))).isEqualTo("<1ms");
        assertThat(PluginsScreen.latency(Duration.ofMillis(9_999))).isEqualTo("9999ms");
        assertThat(PluginsScreen.latency(Duration.ofMillis(10_000))).isEqualTo("10s");
    }

    @Test
    void each_status_offers_the_steps_the_lifecycle_allows_and_every_step_is_offered_somewhere() {
        assertThat(Step.from(Status.SUBMITTED)).containsExactly(Step.RESCAN);
        assertThat(Step.from(Status.SCAN_FAILED)).containsExactly(Step.RESCAN);
        assertThat(Step.from(Status.SCANNED)).containsExactly(Step.APPROVE, Step.RESCAN);
        assertThat(Step.from(Status.APPROVED)).containsExactly(Step.PUBLISH);
        assertThat(Step.from(Status.PUBLISHED)).containsExactly(Step.INSTALL);
        assertThat(Step.from(Status.INSTALLED)).containsExactly(Step.ENABLE, Step.UNINSTALL);
        assertThat(Step.from(Status.ENABLED)).containsExactly(Step.DISABLE, Step.UNINSTALL);
        assertThat(Step.from(Status.DISABLED)).containsExactly(Step.ENABLE, Step.UNINSTALL);
        assertThat(Step.from(Status.UNINSTALLED)).containsExactly(Step.INSTALL);
        var offered = EnumSet.noneOf(Step.class);
        for (var status : Status.values()) offered.addAll(Step.from(status));
        assertThat(offered).containsExactlyInAnyOrder(Step.values());
    }
}

package dev.scrollback.domain.plugins;

import dev.scrollback.domain.plugins.PluginEvent.PluginScanned;
import dev.scrollback.domain.plugins.PluginEvent.PluginSubmitted;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where one plugin version stands in its lifecycle, as far as its decisions need it. */
public sealed interface PluginState {

    /** What was submitted, for every state but {@link Unsubmitted}. */
    default Optional<PluginSubmitted> submission() {
        return switch (this) {
            case Unsubmitted u -> Optional.empty();
            case Submitted s -> Optional.of(s.submitted());
            case Approved s -> Optional.of(s.submitted());
            case Published s -> Optional.of(s.submitted());
            case Installed s -> Optional.of(s.submitted());
            case Uninstalled s -> Optional.of(s.submitted());
        };
    }

    record Unsubmitted() implements PluginState {}

    /** Handed in; {@code scan} is the latest scan, empty until the scanner has reported. */
    record Submitted(PluginSubmitted submitted, Optional<PluginScanned> scan) implements PluginState {}

    /** Approved by a sysop, not yet published. */
    record Approved(PluginSubmitted submitted) implements PluginState {}

    /** Published and never installed. */
    record Published(PluginSubmitted submitted) implements PluginState {}

    /**
     * Installed, {@code enabled} or not. {@code recentFaults}: when the latest faults happened since the plugin was last
     * enabled or disabled, at most {@link PluginDecider#FAULTS_TO_DISABLE} - 1 of them (all the window check needs).
     */
    record Installed(PluginSubmitted submitted, PublisherKeyId publisherKey, boolean enabled, List<Instant> recentFaults)
            implements PluginState {
        public Installed {
            recentFaults = List.copyOf(recentFaults);
        }
    }

    /** Was installed and was removed; still published, so it may be installed again. */
    record Uninstalled(PluginSubmitted submitted) implements PluginState {}
}

package dev.scrollback.application.plugins;

import dev.scrollback.application.shared.ProjectionSnapshot;
import dev.scrollback.application.shared.ProjectionState;
import dev.scrollback.application.shared.Rebuildable;
import dev.scrollback.application.shared.RecordedEvent;
import dev.scrollback.domain.plugins.Engine;
import dev.scrollback.domain.plugins.PackageSha256;
import dev.scrollback.domain.plugins.PluginEvent.PluginApproved;
import dev.scrollback.domain.plugins.PluginEvent.PluginDisabled;
import dev.scrollback.domain.plugins.PluginEvent.PluginEnabled;
import dev.scrollback.domain.plugins.PluginEvent.PluginFaulted;
import dev.scrollback.domain.plugins.PluginEvent.PluginInstalled;
import dev.scrollback.domain.plugins.PluginEvent.PluginPublished;
import dev.scrollback.domain.plugins.PluginEvent.PluginScanned;
import dev.scrollback.domain.plugins.PluginEvent.PluginSubmitted;
import dev.scrollback.domain.plugins.PluginEvent.PluginUninstalled;
import dev.scrollback.domain.plugins.PluginEvent;
import dev.scrollback.domain.plugins.PluginId;
import dev.scrollback.domain.plugins.PluginVersion;
import dev.scrollback.domain.shared.DomainEvent;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.PluginName;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plugin registry as sysops see it (a projection of every plugin stream): each submitted version with where it is
 * in its lifecycle, the hash of its package (what a publisher signs for it to be installed), what its scan found and how
 * often it faulted. Rebuilt from the log at every start, like the others.
 */
@Named
public final class Plugins {

    /** Where a plugin version is, in lifecycle order. */
    public enum Status {
        SUBMITTED, SCAN_FAILED, SCANNED, APPROVED, PUBLISHED, INSTALLED, ENABLED, DISABLED, UNINSTALLED;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public record Entry(PluginId id, PluginName name, PluginVersion version, Engine engine, PackageSha256 sha256,
                        Status status, Handle submittedBy, Instant submittedAt, List<String> findings, long faults) {
        public Entry {
            findings = List.copyOf(findings);
        }

        Entry with(Status next) {
            return new Entry(id, name, version, engine, sha256, next, submittedBy, submittedAt, findings, faults);
        }

        Entry scanned(PluginScanned scan) {
            return new Entry(id, name, version, engine, sha256, scan.passed() ? Status.SCANNED : Status.SCAN_FAILED,
                    submittedBy, submittedAt, scan.findings(), faults);
        }

        Entry faulted() {
            return new Entry(id, name, version, engine, sha256, status, submittedBy, submittedAt, findings, faults + 1);
        }
    }

    private final Rebuildable<State> state = new Rebuildable<>(State::new);

    /** The registry, swapped whole when rebuilt; guarded by its own lock. */
    static final class State implements ProjectionState {
        private final Map<PluginId, Entry> entries = new HashMap<>();

        synchronized void apply(PluginEvent event) {
            switch (event) {
                case PluginSubmitted e -> entries.putIfAbsent(e.plugin(), new Entry(e.plugin(), e.name(), e.version(), e.engine(),
                        e.sha256(), Status.SUBMITTED, e.submittedByHandle(), e.at(), List.of(), 0));
                case PluginScanned e -> update(e.plugin(), entry -> entry.scanned(e));
                case PluginApproved e -> update(e.plugin(), entry -> entry.with(Status.APPROVED));
                case PluginPublished e -> update(e.plugin(), entry -> entry.with(Status.PUBLISHED));
                case PluginInstalled e -> update(e.plugin(), entry -> entry.with(Status.INSTALLED));
                case PluginEnabled e -> update(e.plugin(), entry -> entry.with(Status.ENABLED));
                case PluginDisabled e -> update(e.plugin(), entry -> entry.with(Status.DISABLED));
                case PluginUninstalled e -> update(e.plugin(), entry -> entry.with(Status.UNINSTALLED));
                case PluginFaulted e -> update(e.plugin(), Entry::faulted);
            }
        }

        private void update(PluginId plugin, java.util.function.UnaryOperator<Entry> change) {
            entries.computeIfPresent(plugin, (id, entry) -> change.apply(entry));
        }

        @Override
        public void apply(RecordedEvent recorded) {
            if (recorded.event() instanceof PluginEvent event) apply(event);
        }

        @Override
        public synchronized ProjectionSnapshot snapshot() {
            var snapshot = ProjectionSnapshot.builder();
            entries.forEach((id, entry) -> snapshot.put("plugin/" + id, entry));
            return snapshot.build();
        }
    }

    /** Takes any event of the log: plugin events are applied, the others ignored. */
    public void feed(DomainEvent event) {
        if (event instanceof PluginEvent plugin) apply(plugin);
    }

    public void apply(PluginEvent event) {
        state.live().apply(event);
    }

    /** The registry's state, for rebuilding it (the persistence adapter's processors feed {@code live()}). */
    public Rebuildable<?> rebuildable() {
        return state;
    }

    /** Every plugin version, by name, newest version first. */
    public List<Entry> all() {
        var s = state.live();
        synchronized (s) {
            return s.entries.values().stream()
                    .sorted(Comparator.comparing((Entry e) -> e.name().value())
                            .thenComparing(Entry::version, Comparator.reverseOrder())
                            .thenComparing(e -> e.id().value()))
                    .toList();
        }
    }

    public Optional<Entry> find(PluginId plugin) {
        var s = state.live();
        synchronized (s) {
            return Optional.ofNullable(s.entries.get(plugin));
        }
    }
}

package dev.scrollback.application.plugins;

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

    private final Map<PluginId, Entry> entries = new HashMap<>();

    /** Takes any event of the log: plugin events are applied, the others ignored. */
    public void feed(DomainEvent event) {
        if (event instanceof PluginEvent plugin) apply(plugin);
    }

    public synchronized void apply(PluginEvent event) {
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

    /** Every plugin version, by name, newest version first. */
    public synchronized List<Entry> all() {
        return entries.values().stream()
                .sorted(Comparator.comparing((Entry e) -> e.name().value())
                        .thenComparing(Entry::version, Comparator.reverseOrder())
                        .thenComparing(e -> e.id().value()))
                .toList();
    }

    public synchronized Optional<Entry> find(PluginId plugin) {
        return Optional.ofNullable(entries.get(plugin));
    }
}

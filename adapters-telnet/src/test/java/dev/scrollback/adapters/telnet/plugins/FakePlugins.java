package dev.scrollback.adapters.telnet.plugins;

import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.plugins.ListPlugins;
import dev.scrollback.application.plugins.ManagePlugins;
import dev.scrollback.application.plugins.PluginScanner;
import dev.scrollback.application.plugins.PluginSignatureRefused;
import dev.scrollback.application.plugins.PluginStatistics;
import dev.scrollback.application.plugins.PluginStats;
import dev.scrollback.application.plugins.Plugins.Entry;
import dev.scrollback.application.plugins.Plugins.Status;
import dev.scrollback.application.plugins.ReviewPlugins;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.UuidV7;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.plugins.Engine;
import dev.scrollback.domain.plugins.PackageSha256;
import dev.scrollback.domain.plugins.PluginId;
import dev.scrollback.domain.plugins.PluginRejected;
import dev.scrollback.domain.plugins.PluginVersion;
import dev.scrollback.domain.plugins.PublisherKeyId;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.PluginName;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The registry's in-ports, faked in memory: the lifecycle as the decider keeps it (steps out of order refused with the
 * same reasons, repeats recording nothing, sysops only), one trusted signature, figures for enabled plugins, and a record
 * of every step taken. The list may be made to lag behind (as the real projection can). The real ones are tested in
 * application and end to end in bootstrap.
 */
final class FakePlugins implements ListPlugins, ReviewPlugins, ManagePlugins, PluginStatistics {
    static final Instant SUBMITTED_AT = Instant.parse("2025-03-01T19:00:00Z");
    /** Every package's hash: what the refused signature below is said to be over. */
    static final PackageSha256 SHA256 = new PackageSha256("ab".repeat(32));
    /** The one signature a trusted publisher ("amiga-labs") made; any other is refused. */
    static final byte[] TRUSTED_SIGNATURE = new byte[64];

    static {
        Arrays.fill(TRUSTED_SIGNATURE, (byte) 7);
    }

    record Taken(String step, PluginId plugin) {}

    private final Map<PluginId, Entry> entries = new HashMap<>();
    private final List<PluginId> order = new ArrayList<>();
    private final Map<PluginId, Status> shown = new HashMap<>();
    final List<Taken> taken = new CopyOnWriteArrayList<>();

    synchronized PluginId plugin(String name, Status status, String... findings) {
        var id = new PluginId(UuidV7.next());
        entries.put(id, new Entry(id, new PluginName(name), PluginVersion.parse("1.0.0"), Engine.WASM, SHA256, status,
                new Handle("Amiga"), SUBMITTED_AT, List.of(findings), 0));
        order.add(id);
        return id;
    }

    /** The list shows {@code plugin} as {@code status} until a step or scan is recorded on it: a registry that lags. */
    synchronized void listedAs(PluginId plugin, Status status) {
        shown.put(plugin, status);
    }

    synchronized Status status(PluginId plugin) {
        return entries.get(plugin).status();
    }

    @Override
    public synchronized List<Entry> list(Caller caller) {
        sysop(caller, "see the plugin registry");
        return order.stream().map(entries::get).map(e -> shown.containsKey(e.id()) ? with(e, shown.get(e.id())) : e).toList();
    }

    @Override
    public boolean approve(Caller caller, PluginId plugin, Origin origin) {
        sysop(caller, "approve plugins");
        return step(plugin, "approve", switch (current(plugin)) {
            case SUBMITTED -> throw new PluginRejected(new PluginRejected.NotScanned());
            case SCAN_FAILED -> throw new PluginRejected(new PluginRejected.ScanFailed(entries.get(plugin).findings()));
            case SCANNED -> Optional.of(Status.APPROVED);
            default -> Optional.empty();
        });
    }

    @Override
    public boolean publish(Caller caller, PluginId plugin, Origin origin) {
        sysop(caller, "publish plugins");
        return step(plugin, "publish", switch (current(plugin)) {
            case SUBMITTED, SCAN_FAILED, SCANNED -> throw new PluginRejected(new PluginRejected.NotApproved());
            case APPROVED -> Optional.of(Status.PUBLISHED);
            default -> Optional.empty();
        });
    }

    @Override
    public synchronized PluginScanner.Verdict rescan(Caller caller, PluginId plugin, Origin origin) {
        sysop(caller, "scan plugins");
        var entry = existing(plugin);
        if (!List.of(Status.SUBMITTED, Status.SCAN_FAILED, Status.SCANNED).contains(entry.status())) {
            throw new PluginRejected(new PluginRejected.AlreadyReviewed());
        }
        taken.add(new Taken("rescan", plugin));
        shown.remove(plugin);
        boolean passed = entry.findings().isEmpty();
        entries.put(plugin, with(entry, passed ? Status.SCANNED : Status.SCAN_FAILED));
        return new PluginScanner.Verdict(passed, entry.findings());
    }

    @Override
    public synchronized Optional<PublisherKeyId> install(Caller caller, PluginId plugin, byte[] signature, Origin origin) {
        sysop(caller, "install plugins");
        var status = existing(plugin).status();
        if (!Arrays.equals(signature, TRUSTED_SIGNATURE)) {
            throw new PluginSignatureRefused("no trusted publisher key verifies this signature over " + SHA256.hex());
        }
        var signer = new PublisherKeyId("amiga-labs");
        return switch (status) {
            case SUBMITTED, SCAN_FAILED, SCANNED, APPROVED -> throw new PluginRejected(new PluginRejected.NotPublished());
            case PUBLISHED, UNINSTALLED -> {
                record(plugin, "install", Status.INSTALLED);
                yield Optional.of(signer);
            }
            case INSTALLED, ENABLED, DISABLED -> Optional.empty();
        };
    }

    @Override
    public boolean enable(Caller caller, PluginId plugin, Origin origin) {
        sysop(caller, "enable plugins");
        return step(plugin, "enable", switch (installed(plugin)) {
            case ENABLED -> Optional.empty();
            default -> Optional.of(Status.ENABLED);
        });
    }

    @Override
    public boolean disable(Caller caller, PluginId plugin, Origin origin) {
        sysop(caller, "disable plugins");
        return step(plugin, "disable", switch (installed(plugin)) {
            case ENABLED -> Optional.of(Status.DISABLED);
            default -> Optional.empty();
        });
    }

    @Override
    public boolean uninstall(Caller caller, PluginId plugin, Origin origin) {
        sysop(caller, "uninstall plugins");
        if (current(plugin) == Status.UNINSTALLED) return false;
        installed(plugin);
        return step(plugin, "uninstall", Optional.of(Status.UNINSTALLED));
    }

    /** An enabled plugin runs here: a few calls, one failed, and what it logged (an escape sequence among it). */
    @Override
    public synchronized List<PluginStats> statistics(Caller caller) {
        sysop(caller, "see plugin statistics");
        return order.stream().map(entries::get).filter(e -> e.status() == Status.ENABLED).map(FakePlugins::running).toList();
    }

    @Override
    public synchronized Optional<PluginStats> statistics(Caller caller, PluginId plugin) {
        return statistics(caller).stream().filter(s -> s.plugin().equals(plugin)).findFirst();
    }

    private static PluginStats running(Entry e) {
        return new PluginStats(e.id(), e.name(), e.version(), PluginStats.RunState.RUNNING, Optional.empty(), 12, 1, 0, 2,
                Optional.of(Duration.ofMillis(1)), Optional.of(Duration.ofMillis(3)),
                List.of("filtered a message", "odd \u001b[31mred\u001b[0m input"));
    }

    private synchronized boolean step(PluginId plugin, String what, Optional<Status> next) {
        next.ifPresent(status -> record(plugin, what, status));
        return next.isPresent();
    }

    private void record(PluginId plugin, String what, Status status) {
        taken.add(new Taken(what, plugin));
        shown.remove(plugin);
        entries.put(plugin, with(entries.get(plugin), status));
    }

    private synchronized Status current(PluginId plugin) {
        return existing(plugin).status();
    }

    private synchronized Status installed(PluginId plugin) {
        var status = current(plugin);
        if (List.of(Status.INSTALLED, Status.ENABLED, Status.DISABLED).contains(status)) return status;
        throw new PluginRejected(new PluginRejected.NotInstalled());
    }

    private Entry existing(PluginId plugin) {
        var entry = entries.get(plugin);
        if (entry == null) throw new PluginRejected(new PluginRejected.NoSuchPlugin());
        return entry;
    }

    private static void sysop(Caller caller, String what) {
        if (!caller.holds(Role.SYSOP)) throw new PluginRejected(new PluginRejected.NotAllowed(what));
    }

    private static Entry with(Entry e, Status status) {
        return new Entry(e.id(), e.name(), e.version(), e.engine(), e.sha256(), status, e.submittedBy(), e.submittedAt(),
                e.findings(), e.faults());
    }
}

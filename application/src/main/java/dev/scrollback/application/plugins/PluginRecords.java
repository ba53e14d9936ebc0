package dev.scrollback.application.plugins;

import dev.scrollback.application.shared.Actor;
import dev.scrollback.application.shared.Decision;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.EventMetadata;
import dev.scrollback.application.shared.ExpectedVersion;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.Retried;
import dev.scrollback.application.shared.StreamAppend;
import dev.scrollback.domain.plugins.CronSchedule;
import dev.scrollback.domain.plugins.FaultKind;
import dev.scrollback.domain.plugins.Hook;
import dev.scrollback.domain.plugins.PluginActionEvent.StorageWrite;
import dev.scrollback.domain.plugins.PluginActionEvent;
import dev.scrollback.domain.plugins.PluginCommand;
import dev.scrollback.domain.plugins.PluginDecider;
import dev.scrollback.domain.plugins.PluginEvent;
import dev.scrollback.domain.plugins.PluginRejected;
import dev.scrollback.domain.plugins.PluginScheduleFired;
import dev.scrollback.domain.shared.PluginName;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Writes what plugins did and what went wrong with them to the log. A rejection or a rewrite is recorded before the
 * caller hears of it; faults and storage writes are handed to one thread that appends them in the order they happened
 * (a full queue makes the hook's caller do it itself, so nothing is dropped), storage writes in batches.
 */
final class PluginRecords implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(PluginRecords.class.getName());
    private static final int QUEUE = 10_000;
    /** The most writes appended at once. */
    private static final int MAX_BATCH = 500;

    private final EventLog log;
    private final Clock clock;
    private final ThreadPoolExecutor writer;
    private final Map<PluginName, ScheduleLedger> ledgers = new ConcurrentHashMap<>();
    private final ArrayBlockingQueue<PendingWrite> pendingWrites = new ArrayBlockingQueue<>(QUEUE);
    private final ReentrantLock draining = new ReentrantLock();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();

    PluginRecords(EventLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
        this.writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE),
                task -> Thread.ofPlatform().name("plugin-records").daemon(true).unstarted(task),
                new ThreadPoolExecutor.CallerRunsPolicy());
    }

    /** Records the fault on the plugin version's stream; its decider disables a plugin that faults too often. */
    void faulted(PluginSlot slot, Hook hook, FaultKind kind, String detail) {
        var at = clock.instant();
        writer.execute(() -> guarded("fault of " + slot.name(), () -> Retried.onConflict(3, () -> {
            try {
                var decision = Decision.make(log, PluginStreams.plugin(slot.id), new PluginDecider(), PluginEvent.class,
                        new PluginCommand.Fault(hook, kind, detail, at));
                if (!decision.isEmpty()) log.append(decision.toAppend(), EventMetadata.of(Actor.system(), Origin.system(), at));
            } catch (PluginRejected notRunningAnyMore) {
                // disabled or uninstalled meanwhile: its fault no longer counts towards anything
            }
        })));
    }

    /**
     * Records what one call wrote to the plugin's storage, with the plugin as actor. Writes wait in a queue that the
     * writer thread empties in order, appending each run of one plugin's writes as one append (one commit for many
     * calls: a plugin writing at every call would otherwise go at the store's commit rate). When the queue is full, the
     * caller empties it itself before adding its own, so the order holds and nothing is dropped.
     */
    void wrote(PluginSlot slot, List<HookCall.StorageChange> changes) {
        if (changes.isEmpty()) return;
        var at = clock.instant();
        var writes = changes.stream().map(change -> new StorageWrite(change.key(),
                change.value().map(bytes -> Base64.getEncoder().encodeToString(bytes)))).toList();
        var pending = new PendingWrite(slot, new PluginActionEvent.PluginStorageWritten(slot.manifest.name(), slot.id, writes, at));
        while (!pendingWrites.offer(pending)) drainWrites();
        if (drainScheduled.compareAndSet(false, true)) {
            try {
                writer.execute(() -> {
                    drainScheduled.set(false);
                    drainWrites();
                });
            } catch (RejectedExecutionException closed) {
                drainScheduled.set(false);
                drainWrites();
            }
        }
    }

    private record PendingWrite(PluginSlot slot, PluginActionEvent.PluginStorageWritten event) {}

    /** Appends what waits, in order, one append per run of writes of one plugin version. */
    private void drainWrites() {
        draining.lock();
        try {
            var batch = new ArrayList<PendingWrite>();
            while (pendingWrites.drainTo(batch, MAX_BATCH) > 0) {
                int from = 0;
                while (from < batch.size()) {
                    var slot = batch.get(from).slot();
                    int to = from;
                    while (to < batch.size() && batch.get(to).slot() == slot) to++;
                    var events = batch.subList(from, to).stream().<PluginActionEvent>map(PendingWrite::event).toList();
                    guarded("storage writes of " + slot.name(), () -> append(slot, events));
                    from = to;
                }
                batch.clear();
            }
        } finally {
            draining.unlock();
        }
    }

    /**
     * Takes {@code due} of {@code schedule} for {@code slot}'s plugin, unless it was taken already: an append expecting
     * the schedule stream's version, so of several instances racing for a slot exactly one wins. Whether this one did.
     */
    boolean claim(PluginSlot slot, CronSchedule schedule, Instant due) {
        var name = slot.manifest.name();
        var stream = PluginStreams.schedule(name);
        var ledger = ledgers.computeIfAbsent(name, n -> new ScheduleLedger());
        for (int attempt = 0; attempt < 3; attempt++) {
            for (var recorded : log.readAfter(stream, ledger.version)) {     // only what was appended since last read
                ledger.version = recorded.version();
                if (recorded.event() instanceof PluginScheduleFired fired) ledger.latest.merge(fired.schedule(), fired.slot(),
                        (a, b) -> a.isAfter(b) ? a : b);
            }
            var latest = ledger.latest.get(schedule);
            if (latest != null && !latest.isBefore(due)) return false;       // another instance ran it (or a later one)
            var at = clock.instant();
            try {
                var fired = new PluginScheduleFired(name, slot.id, schedule, due, at);
                var appended = log.append(new StreamAppend(stream, ExpectedVersion.after(ledger.version), List.of(fired)),
                        EventMetadata.of(Actor.system(), Origin.system(), at));
                ledger.version = appended.getLast().version();
                ledger.latest.put(schedule, due);
                return true;
            } catch (EventLog.Conflict raced) {
                // another instance appended meanwhile: read again and see which slot it took
            }
        }
        return false;
    }

    /** What this instance has read of one plugin's schedule stream; used by the scheduler's one thread. */
    private static final class ScheduleLedger {
        long version = -1;
        final Map<CronSchedule, Instant> latest = new HashMap<>();
    }

    /** Records, before the author is told, that a filter refused or changed what they said. */
    void acted(PluginSlot slot, PluginActionEvent event) {
        append(slot, event);
    }

    private void append(PluginSlot slot, PluginActionEvent event) {
        append(slot, List.of(event));
    }

    private void append(PluginSlot slot, List<PluginActionEvent> events) {
        log.append(new StreamAppend(PluginStreams.actions(slot.manifest.name()), ExpectedVersion.any(), events),
                EventMetadata.of(Actor.plugin(slot.id.value(), slot.name()), Origin.plugin(), events.getLast().at()));
    }

    private static void guarded(String what, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not record the " + what, e);
        }
    }

    /** Writes what is queued, then stops. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        drainWrites();
    }
}

package dev.scrollback.application.plugins;

import dev.scrollback.domain.plugins.Hook;
import dev.scrollback.domain.plugins.PluginId;
import dev.scrollback.domain.plugins.PluginManifest;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * One plugin version on this instance: what runs it (once loaded), whether it runs, and its figures. Figures outlive a
 * stop, so a sysop can still see why a plugin was disabled.
 */
final class PluginSlot {
    static final int RECENT_LOG_LINES = 50;

    final PluginId id;
    final PluginManifest manifest;
    /** Held for one call and the hand-over of its storage writes (see {@code PluginRuntime}). */
    final java.util.concurrent.locks.ReentrantLock calling = new java.util.concurrent.locks.ReentrantLock();
    private final LongAdder calls = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final LongAdder faults = new LongAdder();
    private final LongAdder skipped = new LongAdder();
    private final LatencyHistogram latencies = new LatencyHistogram();
    private final ArrayDeque<String> recentLog = new ArrayDeque<>();          // guarded by itself
    private volatile PluginStats.RunState state = PluginStats.RunState.LOADING;
    private volatile Optional<String> problem = Optional.empty();
    private volatile Optional<RunningPlugin> plugin = Optional.empty();

    PluginSlot(PluginId id, PluginManifest manifest) {
        this.id = id;
        this.manifest = manifest;
    }

    boolean serves(Hook hook) {
        return manifest.hooks().contains(hook);
    }

    String name() {
        return manifest.name().value();
    }

    Optional<RunningPlugin> plugin() {
        return plugin;
    }

    PluginStats.RunState state() {
        return state;
    }

    boolean running() {
        return state == PluginStats.RunState.RUNNING;
    }

    void loaded(RunningPlugin running) {
        plugin = Optional.of(running);
        problem = Optional.empty();
        state = PluginStats.RunState.RUNNING;
    }

    void refused(String why) {
        plugin = Optional.empty();
        problem = Optional.of(why);
        state = PluginStats.RunState.REFUSED;
    }

    void loading() {
        state = PluginStats.RunState.LOADING;
    }

    /** Stops calls and frees the plugin; its figures stay. */
    void stop() {
        var was = plugin;
        plugin = Optional.empty();
        state = PluginStats.RunState.STOPPED;
        was.ifPresent(RunningPlugin::close);
    }

    /** Counts one call and keeps its log lines; a call that did not run counts as skipped only. */
    void count(HookCall call, Duration took) {
        if (call instanceof HookCall.NotRun) {
            skipped.increment();
            return;
        }
        calls.increment();
        latencies.record(took);
        if (call instanceof HookCall.Failed) failures.increment();
        if (call instanceof HookCall.Faulted) faults.increment();
        if (!call.log().isEmpty()) {
            synchronized (recentLog) {
                for (var line : call.log()) {
                    if (recentLog.size() == RECENT_LOG_LINES) recentLog.removeFirst();
                    recentLog.addLast(line);
                }
            }
        }
    }

    void skipped() {
        skipped.increment();
    }

    PluginStats stats() {
        List<String> lines;
        synchronized (recentLog) {
            lines = List.copyOf(recentLog);
        }
        return new PluginStats(id, manifest.name(), manifest.version(), state, problem, calls.sum(), failures.sum(),
                faults.sum(), skipped.sum(), latencies.percentile(0.50), latencies.percentile(0.99), lines);
    }
}

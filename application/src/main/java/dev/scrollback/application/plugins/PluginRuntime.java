package dev.scrollback.application.plugins;

import dev.scrollback.application.accounts.AccessDenied;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.hooks.CommandAnswer;
import dev.scrollback.application.hooks.CommandRequest;
import dev.scrollback.application.hooks.ContentVerdict;
import dev.scrollback.application.hooks.LoginFacts;
import dev.scrollback.application.hooks.MenuItem;
import dev.scrollback.application.hooks.MenuViewer;
import dev.scrollback.application.hooks.MessageDraft;
import dev.scrollback.application.hooks.PluginHooks;
import dev.scrollback.application.hooks.PluginPost;
import dev.scrollback.application.hooks.PluginPosting;
import dev.scrollback.application.hooks.PluginReply;
import dev.scrollback.application.hooks.PluginReplying;
import dev.scrollback.application.hooks.PostOutcome;
import dev.scrollback.application.hooks.PostedMessage;
import dev.scrollback.application.hooks.PublicUser;
import dev.scrollback.application.hooks.PublicUsers;
import dev.scrollback.application.hooks.SessionFacts;
import dev.scrollback.application.shared.Actor;
import dev.scrollback.application.shared.AppendedHere;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.RecordedEvent;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.plugins.CronSchedule;
import dev.scrollback.domain.plugins.Hook;
import dev.scrollback.domain.plugins.PluginActionEvent.PluginStorageWritten;
import dev.scrollback.domain.plugins.PluginActionEvent;
import dev.scrollback.domain.plugins.PluginEvent.PluginSubmitted;
import dev.scrollback.domain.plugins.PluginEvent;
import dev.scrollback.domain.plugins.PluginId;
import dev.scrollback.domain.shared.DomainEvent;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.PluginName;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the enabled plugins in the BBS's hooks (issue 6 items 3–5). It follows the log like a projection to know which
 * plugin versions are enabled and what their storage holds, and loads or stops them to match (hot reload: enabling,
 * disabling or uninstalling takes effect without a restart). Loading starts only once the log has been caught up
 * ({@link #start}), so a restart loads each enabled plugin once, with its latest storage.
 *
 * <p><b>Replay never re-runs plugins</b>: folding the log only loads code and storage; hooks are called by live use
 * cases alone, and what a plugin did is in the log as its own events ({@link PluginActionEvent}).
 *
 * <p><b>No re-entry</b>: a hook that fires while a hook is running on the same thread (a plugin's action causing
 * another hook) calls no plugin, so plugins cannot call each other in a loop.
 *
 * <p>Figures ({@link PluginStatistics}) are per instance and in memory.
 */
@Named
public final class PluginRuntime implements PluginHooks, PluginStatistics, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(PluginRuntime.class.getName());
    /** Notifications waiting to run; past this they are skipped (and counted) rather than held. */
    static final int NOTIFICATION_QUEUE = 1_000;
    static final int MAX_GREETING_LINES = 20;
    static final int MAX_MENU_ITEMS = 9;
    static final int MAX_ANSWER_CHARS = 8_000;
    /** How often the scheduler looks at the clock: cron is to the minute, so a slot runs within this of its time. */
    static final Duration TICK = Duration.ofMillis(250);

    private final Sandbox sandbox;
    private final PluginPackageStore packages;
    private final PluginRecords records;
    private final Clock clock;
    private final PluginPosting posting;
    private final PluginReplying replying;
    private final PublicUsers users;
    private final Schedules schedules;
    /** When each running plugin's schedules are next due (key: version and schedule); read by the scheduler alone. */
    private final Map<ScheduleKey, Instant> nextDue = new HashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            task -> Thread.ofPlatform().name("plugin-scheduler").daemon(true).unstarted(task));
    private final ThreadLocal<Boolean> inHook = ThreadLocal.withInitial(() -> false);

    // what the log says (guarded by this)
    private final Map<PluginId, PluginSubmitted> submitted = new HashMap<>();
    private final Set<PluginId> enabled = new HashSet<>();
    private final Map<PluginName, Map<String, byte[]>> storage = new HashMap<>();
    private boolean started;

    // what runs here
    private final Map<PluginId, PluginSlot> slots = new ConcurrentHashMap<>();
    private volatile List<PluginSlot> running = List.of();                    // in plugin-name order
    /** {@link #running} by hook, made when it changes: every chat line and every append asks, plugins change rarely. */
    private volatile Map<Hook, List<PluginSlot>> servingByHook = Map.of();
    private final ExecutorService loader = Executors.newSingleThreadExecutor(
            task -> Thread.ofPlatform().name("plugin-loader").daemon(true).unstarted(task));
    private final AtomicBoolean reconcilePending = new AtomicBoolean();
    private final ThreadPoolExecutor behind;

    @Inject
    public PluginRuntime(Sandbox sandbox, PluginPackageStore packages, EventLog log, Clock clock, PluginPosting posting,
                         PluginReplying replying, PublicUsers users, AppendedHere appendedHere, Schedules schedules) {
        this.sandbox = sandbox;
        this.packages = packages;
        this.posting = posting;
        this.replying = replying;
        this.users = users;
        this.schedules = schedules;
        appendedHere.listen(this::recorded);
        this.records = new PluginRecords(log, clock);
        this.clock = clock;
        var count = new AtomicInteger();
        this.behind = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(NOTIFICATION_QUEUE),
                task -> Thread.ofPlatform().name("plugin-notify-" + count.incrementAndGet()).daemon(true).unstarted(task),
                new ThreadPoolExecutor.AbortPolicy());
    }

    // ---- following the log --------------------------------------------------------------------------------------

    /** Takes any event of the log: plugin lifecycle and plugin action events are folded, the others ignored. */
    public void feed(DomainEvent event) {
        boolean changed;
        synchronized (this) {
            changed = switch (event) {
                case PluginSubmitted e -> {
                    submitted.put(e.plugin(), e);
                    yield false;
                }
                case PluginEvent.PluginEnabled e -> enabled.add(e.plugin());
                case PluginEvent.PluginDisabled e -> enabled.remove(e.plugin());
                case PluginEvent.PluginUninstalled e -> enabled.remove(e.plugin());
                case PluginStorageWritten e -> {
                    var kept = storage.computeIfAbsent(e.plugin(), name -> new HashMap<>());
                    for (var write : e.writes()) {
                        write.base64().ifPresentOrElse(value -> kept.put(write.key(), Base64.getDecoder().decode(value)),
                                () -> kept.remove(write.key()));
                    }
                    yield false;
                }
                default -> false;
            };
        }
        if (changed) reconcileSoon();
    }

    /** Loads the enabled plugins, waiting for it, and from then on follows enabling and disabling. Call once caught up. */
    public void start() {
        synchronized (this) {
            started = true;
        }
        reconcile();
        scheduler.scheduleWithFixedDelay(this::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void reconcileSoon() {
        synchronized (this) {
            if (!started) return;
        }
        if (reconcilePending.compareAndSet(false, true)) {
            try {
                loader.execute(() -> {
                    reconcilePending.set(false);
                    reconcile();
                });
            } catch (RejectedExecutionException closed) {
                reconcilePending.set(false);
            }
        }
    }

    /** Stops what is no longer enabled and loads what is newly enabled. Runs on the loader, or at start. */
    private synchronized void reconcile() {
        Map<PluginId, PluginSubmitted> wanted = new LinkedHashMap<>();
        for (var id : enabled) {
            var plugin = submitted.get(id);
            if (plugin != null) wanted.put(id, plugin);
        }
        for (var slot : slots.values()) {
            if (!wanted.containsKey(slot.id) && slot.state() != PluginStats.RunState.STOPPED) slot.stop();
        }
        for (var entry : wanted.entrySet()) {
            var slot = slots.get(entry.getKey());
            if (slot != null && (slot.running() || slot.state() == PluginStats.RunState.REFUSED)) continue;
            var fresh = new PluginSlot(entry.getKey(), entry.getValue().manifest());
            slots.put(fresh.id, fresh);
            load(fresh, entry.getValue());
        }
        running = slots.values().stream().filter(PluginSlot::running)
                .sorted(Comparator.comparing(PluginSlot::name).thenComparing(s -> s.manifest.version()))
                .toList();
        var byHook = new EnumMap<Hook, List<PluginSlot>>(Hook.class);
        for (var hook : Hook.values()) byHook.put(hook, running.stream().filter(slot -> slot.serves(hook)).toList());
        servingByHook = byHook;
    }

    private void load(PluginSlot slot, PluginSubmitted plugin) {
        slot.loading();
        try {
            var content = packages.find(plugin.sha256());
            if (content.isEmpty()) {
                slot.refused("its package " + plugin.sha256() + " is not in the package store");
                return;
            }
            var kept = storage.getOrDefault(plugin.name(), Map.of());
            switch (sandbox.load(plugin.manifest(), content.get(), Map.copyOf(kept), host(plugin))) {
                case Sandbox.Load.Loaded loaded -> slot.loaded(loaded.plugin());
                case Sandbox.Load.Refused refused -> slot.refused(String.join("; ", refused.reasons()));
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not load plugin " + slot.name(), e);
            slot.refused("loading failed: " + e.getMessage());
        }
        if (slot.state() == PluginStats.RunState.REFUSED) {
            LOG.log(System.Logger.Level.WARNING, "plugin {0} {1} is enabled but not running: {2}", slot.name(),
                    slot.manifest.version(), slot.stats().problem().orElse(""));
        }
    }

    /** The BBS as {@code plugin} sees it from inside its calls: it posts and reads as itself. */
    private PluginHost host(PluginSubmitted plugin) {
        return new PluginHost() {
            @Override
            public PostOutcome postMessage(String room, String text) {
                return posting.post(new PluginPost(plugin.name(), plugin.plugin().value(), room, text));
            }

            @Override
            public PostOutcome replyInThread(java.util.UUID thread, String text) {
                return replying.reply(new PluginReply(plugin.name(), plugin.plugin().value(), thread, text));
            }

            @Override
            public Optional<PublicUser> readUser(Handle handle) {
                return users.find(handle);
            }
        };
    }

    // ---- hooks --------------------------------------------------------------------------------------------------

    @Override
    public ContentVerdict filterMessage(MessageDraft draft) {
        var filters = serving(Hook.FILTER_MESSAGE_CONTENT);
        if (filters.isEmpty()) return new ContentVerdict.Accepted(draft.text(), List.of());   // every chat line passes here
        var text = draft.text();
        var rewrittenBy = new ArrayList<String>();
        for (var slot : filters) {
            var call = call(slot, new HookInput.FilterContent(text));
            if (!(call instanceof HookCall.Answered answered)) continue;     // a broken filter lets the text through
            var seen = text;
            switch (answered.answer()) {
                case HookAnswer.Reject reject -> {
                    records.acted(slot, new PluginActionEvent.MessageRejected(slot.manifest.name(), slot.id, draft.place(),
                            draft.author(), draft.authorHandle(), reject.reason(), clock.instant()));
                    return new ContentVerdict.Rejected(slot.name(), reject.reason());
                }
                case HookAnswer.Rewrite rewrite when !rewrite.text().equals(seen) -> {
                    records.acted(slot, new PluginActionEvent.MessageRewritten(slot.manifest.name(), slot.id, draft.place(),
                            draft.author(), draft.authorHandle(), clock.instant()));
                    text = rewrite.text();
                    rewrittenBy.add(slot.name());
                }
                default -> { }
            }
        }
        return new ContentVerdict.Accepted(text, rewrittenBy);
    }

    @Override
    public void messagePosted(PostedMessage message) {
        notifyBehind(Hook.ON_MESSAGE_POST, new HookInput.MessagePosted(message));
    }

    @Override
    public List<String> userLoggedIn(LoginFacts login) {
        var lines = new ArrayList<String>();
        for (var slot : serving(Hook.ON_USER_LOGIN)) {
            if (call(slot, new HookInput.UserLogin(login)) instanceof HookCall.Answered answered
                    && answered.answer() instanceof HookAnswer.Text text) {
                text.text().lines().limit(MAX_GREETING_LINES).forEach(lines::add);
            }
        }
        return lines;
    }

    @Override
    public void sessionStarted(SessionFacts session) {
        notifyBehind(Hook.ON_SESSION_START, new HookInput.SessionStart(session));
    }

    @Override
    public void sessionEnded(SessionFacts session, String reason) {
        notifyBehind(Hook.ON_SESSION_END, new HookInput.SessionEnd(session, reason));
    }

    @Override
    public List<MenuItem> menuItems(MenuViewer viewer) {
        var items = new ArrayList<MenuItem>();
        for (var slot : serving(Hook.RENDER_MENU_ITEM)) {
            if (!slot.serves(Hook.HANDLE_COMMAND) || items.size() == MAX_MENU_ITEMS) continue;   // an item must lead somewhere
            if (call(slot, new HookInput.MenuItemFor(viewer)) instanceof HookCall.Answered answered
                    && answered.answer() instanceof HookAnswer.Text label && !label.text().isBlank()) {
                items.add(new MenuItem(slot.name(), label.text().strip()));
            }
        }
        return items;
    }

    @Override
    public List<String> commands() {
        return running.stream().filter(slot -> slot.serves(Hook.HANDLE_COMMAND)).map(PluginSlot::name).distinct().toList();
    }

    @Override
    public CommandAnswer runCommand(CommandRequest request) {
        var slot = running.stream().filter(s -> s.serves(Hook.HANDLE_COMMAND) && s.name().equals(request.plugin()))
                .findFirst();
        if (slot.isEmpty()) return new CommandAnswer.Unavailable("there is no command " + request.plugin() + " running");
        return switch (call(slot.get(), new HookInput.Command(request))) {
            case HookCall.Answered answered -> new CommandAnswer.Answered(switch (answered.answer()) {
                case HookAnswer.Text text -> clip(text.text());
                default -> "";
            });
            case HookCall.Failed failed -> new CommandAnswer.Failed(clip(failed.message()));
            case HookCall.Faulted faulted -> new CommandAnswer.Unavailable(request.plugin() + " broke ("
                    + faulted.kind().wireName() + ") and was stopped");
            case HookCall.NotRun notRun -> new CommandAnswer.Unavailable(request.plugin() + " did not run: " + notRun.why());
        };
    }

    private static String clip(String text) {
        return text.length() <= MAX_ANSWER_CHARS ? text : text.substring(0, MAX_ANSWER_CHARS) + "…";
    }

    /** The running plugins with this hook, in name order; none inside another hook's call on this thread. */
    private List<PluginSlot> serving(Hook hook) {
        if (inHook.get()) return List.of();
        return servingByHook.getOrDefault(hook, List.of());
    }

    private void notifyBehind(Hook hook, HookInput input) {
        notifyBehind(serving(hook), input);
    }

    private void notifyBehind(List<PluginSlot> slots, HookInput input) {
        if (slots.isEmpty()) return;
        try {
            behind.execute(() -> slots.forEach(slot -> call(slot, input)));
        } catch (RejectedExecutionException full) {
            slots.forEach(PluginSlot::skipped);                               // over the queue: dropped and counted
        }
    }

    /** One call: counted, its log kept, its storage writes and a fault recorded. */
    private HookCall call(PluginSlot slot, HookInput input) {
        var plugin = slot.plugin();
        if (plugin.isEmpty()) {
            slot.skipped();
            return new HookCall.NotRun("it is not running");
        }
        var deadline = slot.manifest.limits().deadline(input.hook());
        long started = System.nanoTime();
        // One call of a plugin at a time, its storage writes handed to the recorder before the next call starts: the
        // log then holds them in the order they were made, and a restart restores the latest values.
        try {
            if (!slot.calling.tryLock(deadline.toNanos(), TimeUnit.NANOSECONDS)) {
                slot.skipped();
                return new HookCall.NotRun("it was busy with another call until the deadline");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            slot.skipped();
            return new HookCall.NotRun("the caller was interrupted");
        }
        HookCall result;
        try {
            inHook.set(true);
            try {
                result = plugin.get().call(input, deadline.minusNanos(System.nanoTime() - started));
            } catch (RuntimeException e) {                                   // the port promises not to; a bug if it does
                LOG.log(System.Logger.Level.ERROR, "the sandbox threw calling " + slot.name(), e);
                result = new HookCall.Faulted(dev.scrollback.domain.plugins.FaultKind.TRAP,
                        "the sandbox failed: " + e.getClass().getSimpleName(), List.of(), List.of());
            } finally {
                inHook.set(false);
            }
            records.wrote(slot, result.writes());
        } finally {
            slot.calling.unlock();
        }
        slot.count(result, Duration.ofNanos(System.nanoTime() - started));
        if (result instanceof HookCall.Faulted faulted) records.faulted(slot, input.hook(), faulted.kind(), faulted.detail());
        return result;
    }

    // ---- triggers: events and schedules -------------------------------------------------------------------------

    /**
     * {@code on_event}, for the events this instance appended (so once per event, whichever instance made it, and never
     * in a replay). What a plugin did calls no plugin, as with hooks: an event whose actor is a plugin triggers nothing.
     */
    private void recorded(List<RecordedEvent> appended) {
        var listening = serving(Hook.ON_EVENT);
        if (listening.isEmpty()) return;
        for (var recorded : appended) {
            var actor = recorded.metadata().actor();
            if (actor.kind() == Actor.Kind.PLUGIN) continue;
            var type = recorded.type();
            var slots = listening.stream().filter(slot -> slot.manifest.triggers().events().stream()
                    .anyMatch(event -> event.value().equals(type))).toList();
            if (slots.isEmpty()) continue;
            notifyBehind(slots, new HookInput.EventRecorded(type, recorded.stream().value(), recorded.position(),
                    recorded.metadata().occurredAt(), actor.kind().wireName(), actor.handle()));
        }
    }

    private record ScheduleKey(PluginId plugin, CronSchedule schedule) {}

    /**
     * {@code on_schedule}: each running plugin's schedules whose time has come run once — the latest slot that is due;
     * slots passed while nothing ran are not made up — after this instance claimed the slot in the log (see
     * {@link PluginRecords#claim}), so that of several instances one runs it.
     */
    private void tick() {
        try {
            var now = clock.instant();
            var scheduled = serving(Hook.ON_SCHEDULE);
            var live = new HashSet<ScheduleKey>();
            for (var slot : scheduled) {
                for (var schedule : slot.manifest.triggers().schedules()) {
                    var key = new ScheduleKey(slot.id, schedule);
                    live.add(key);
                    var due = nextDue.computeIfAbsent(key, k -> schedules.nextAfter(schedule, now).orElse(Instant.MAX));
                    if (now.isBefore(due)) continue;
                    var slotTime = latestDue(schedule, due, now);
                    nextDue.put(key, schedules.nextAfter(schedule, slotTime).orElse(Instant.MAX));
                    if (records.claim(slot, schedule, slotTime)) {
                        notifyBehind(List.of(slot), new HookInput.ScheduleDue(schedule, slotTime));
                    }
                }
            }
            nextDue.keySet().retainAll(live);
        } catch (RuntimeException e) {                     // the scheduler goes on: the next tick tries again
            LOG.log(System.Logger.Level.WARNING, "the plugin scheduler failed a tick", e);
        }
    }

    /** The last time {@code schedule} gives at or before {@code now}, from {@code due} (which is). */
    private Instant latestDue(CronSchedule schedule, Instant due, Instant now) {
        var latest = due;
        for (int i = 0; i < 100_000; i++) {
            var next = schedules.nextAfter(schedule, latest);
            if (next.isEmpty() || next.get().isAfter(now)) break;
            latest = next.get();
        }
        return latest;
    }

    // ---- statistics -----------------------------------------------------------------------------------------------

    @Override
    public List<PluginStats> statistics(Caller caller) {
        AccessDenied.unlessAny(caller, Role.SYSOP);
        return slots.values().stream().map(PluginSlot::stats)
                .sorted(Comparator.comparing((PluginStats s) -> s.name().value()).thenComparing(PluginStats::version))
                .toList();
    }

    @Override
    public Optional<PluginStats> statistics(Caller caller, PluginId plugin) {
        AccessDenied.unlessAny(caller, Role.SYSOP);
        return Optional.ofNullable(slots.get(plugin)).map(PluginSlot::stats);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        loader.shutdownNow();
        behind.shutdown();
        try {
            behind.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        records.close();
        slots.values().forEach(PluginSlot::stop);
    }
}

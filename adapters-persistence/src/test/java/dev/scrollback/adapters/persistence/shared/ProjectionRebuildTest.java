package dev.scrollback.adapters.persistence.shared;

import static dev.scrollback.adapters.persistence.shared.SampleEvents.ACCOUNT;
import static dev.scrollback.adapters.persistence.shared.SampleEvents.ALICE;
import static dev.scrollback.adapters.persistence.shared.SampleEvents.T0;
import static dev.scrollback.adapters.persistence.shared.SampleEvents.metadata;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrollback.adapters.persistence.boards.LuceneMessageIndex;
import dev.scrollback.application.accounts.AccountDirectory;
import dev.scrollback.application.accounts.ApiKeyIndex;
import dev.scrollback.application.accounts.PasswordResetIndex;
import dev.scrollback.application.audit.AuditTrail;
import dev.scrollback.application.boards.Boards;
import dev.scrollback.application.boards.MessageSearchFeed;
import dev.scrollback.application.chat.ChatRooms;
import dev.scrollback.application.mail.Mailboxes;
import dev.scrollback.application.plugins.Plugins;
import dev.scrollback.application.presence.OnlineCallers;
import dev.scrollback.application.projections.RebuildProgress;
import dev.scrollback.application.projections.RebuildProgress.Outcome;
import dev.scrollback.application.projections.RebuildRejected;
import dev.scrollback.application.shared.ExpectedVersion;
import dev.scrollback.application.shared.ProjectionSnapshot;
import dev.scrollback.application.shared.ProjectionState;
import dev.scrollback.application.shared.Rebuildable;
import dev.scrollback.application.shared.RecordedEvent;
import dev.scrollback.application.shared.StreamAppend;
import dev.scrollback.domain.accounts.AccountEvent;
import dev.scrollback.domain.accounts.ApiKeyEvent;
import dev.scrollback.domain.accounts.PasswordHash;
import dev.scrollback.domain.boards.BoardsEvent;
import dev.scrollback.domain.boards.MessageEvent;
import dev.scrollback.domain.mail.PrivateMessageEvent;
import dev.scrollback.domain.plugins.PluginsEvent;
import dev.scrollback.domain.sessions.SessionEvent;
import dev.scrollback.domain.sessions.SessionEvent.SessionStarted;
import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.DomainEvent;
import dev.scrollback.domain.shared.SessionId;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rebuilding a projection beside its live state, on the embedded store: every projection rebuilt from a log with
 * every event type equals its live state; appends during a rebuild are neither lost nor applied twice across the swap;
 * a rebuild that fails leaves the live state serving; one rebuild at a time.
 */
class ProjectionRebuildTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    @TempDir
    Path dataDirectory;

    EventStore store;

    @BeforeEach
    void openStore() {
        store = EventStore.open(new StoreSettings.Embedded(dataDirectory));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void every_projection_rebuilt_from_a_log_of_every_event_type_is_identical_to_the_live_one() {
        for (int round = 0; round < 3; round++) append(SampleEvents.all());        // every type, some more than once
        for (int i = 0; i < 5; i++) append(started(new SessionId(UUID.randomUUID())));
        var index = new LuceneMessageIndex();
        var online = new OnlineCallers();
        var projected = List.<Projection<?>>of(
                Projection.rebuildable("presence", SessionEvent.class, online.rebuildable()),
                Projection.rebuildable("account-directory", AccountEvent.class, new AccountDirectory().rebuildable()),
                Projection.rebuildable("password-resets", AccountEvent.class, new PasswordResetIndex().rebuildable()),
                Projection.rebuildable("boards", BoardsEvent.class, new Boards().rebuildable()),
                Projection.rebuildable("message-search", MessageEvent.class, new MessageSearchFeed(index).rebuildable()),
                Projection.rebuildable("mailboxes", PrivateMessageEvent.class, new Mailboxes().rebuildable()),
                Projection.rebuildable("chat-rooms", DomainEvent.class, new ChatRooms().rebuildable()),
                Projection.rebuildable("api-keys", ApiKeyEvent.class, new ApiKeyIndex().rebuildable()),
                Projection.rebuildable("audit-trail", DomainEvent.class, new AuditTrail().rebuildable()),
                Projection.rebuildable("plugins", PluginsEvent.class, new Plugins().rebuildable()));
        try (var projections = Projections.start(store, projected, CLOCK)) {
            projections.awaitCaughtUp(Duration.ofSeconds(30));
            long head = store.eventLog().lastPosition();
            for (var projection : projected) {
                var before = projection.state().orElseThrow().live();
                var done = rebuild(projections, projection.name());
                assertThat(done.outcome()).as(projection.name()).isInstanceOf(Outcome.Identical.class);
                var identical = (Outcome.Identical) done.outcome();
                assertThat(identical.position()).as(projection.name() + " swapped at the last event it applied")
                        .isLessThanOrEqualTo(head).isPositive();
                assertThat(identical.lines()).as(projection.name() + " holds something to compare").isPositive();
                assertThat(done.reached()).as(projection.name() + " read the whole log").isEqualTo(head);
                assertThat(done.head()).isEqualTo(head);
                assertThat(done.startedAt()).isEqualTo(CLOCK.instant());
                assertThat(projection.state().orElseThrow().live()).as("swapped in").isNotSameAs(before);
                assertThat(projection.state().orElseThrow().live().snapshot().digest()).isEqualTo(identical.digest());
            }
            var listed = projections.projections();
            assertThat(listed).extracting(s -> s.name()).containsExactlyElementsOf(projected.stream().map(Projection::name).toList());
            assertThat(listed).allSatisfy(s -> {
                assertThat(s.head()).isEqualTo(head);
                assertThat(s.lastRebuild()).isPresent();
                assertThat(s.rebuildable()).isTrue();
            });
            // the swapped-in states go on following the log
            var later = new SessionId(UUID.randomUUID());
            append(started(later));
            projections.awaitCaughtUp(Duration.ofSeconds(30));
            assertThat(online.session(later)).as("read after the swap, into the rebuilt state").isPresent();
        }
    }

    @Test
    void a_state_changed_outside_the_log_is_reported_with_its_first_difference_and_replaced_by_the_log_answer() {
        append(SampleEvents.all());
        var resets = new PasswordResetIndex();
        try (var projections = Projections.start(store,
                List.of(Projection.rebuildable("password-resets", AccountEvent.class, resets.rebuildable())), CLOCK)) {
            projections.awaitCaughtUp(Duration.ofSeconds(30));
            var stray = new PasswordHash("$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$c3RyYXk");
            var stranger = new dev.scrollback.domain.shared.AccountId(UUID.randomUUID());
            resets.remember(stranger, stray);                                       // never appended
            assertThat(resets.accountOf(stray)).isPresent();

            var done = rebuild(projections, "password-resets");
            assertThat(done.outcome()).isInstanceOfSatisfying(Outcome.Differed.class, differed -> {
                assertThat(differed.firstDifference()).isEqualTo("code-of/" + stranger + ": only in the first, " + stray.value());
                assertThat(differed.liveDigest()).isNotEqualTo(differed.rebuiltDigest());
            });
            assertThat(resets.accountOf(stray)).as("the rebuilt state is the log's").isEmpty();
        }
    }

    @Test
    void appends_during_a_rebuild_are_neither_lost_nor_applied_twice_across_the_swap() throws Exception {
        for (int i = 0; i < 3_000; i++) append(started(new SessionId(UUID.randomUUID())));
        var halfway = new CountDownLatch(1);
        var writerAppended = new CountDownLatch(200);
        var rebuilds = new AtomicInteger();
        var state = new Rebuildable<Positions>(new Positions(event -> { }), () -> {
            rebuilds.incrementAndGet();
            return new Positions(event -> {                     // the rebuilt state waits halfway for the writer
                if (event.position() == 1_500) {
                    halfway.countDown();
                    await(writerAppended);
                }
            });
        });
        try (var projections = Projections.start(store,
                List.of(Projection.rebuildable("positions", SessionEvent.class, state)), CLOCK)) {
            projections.awaitCaughtUp(Duration.ofSeconds(30));
            var stop = new java.util.concurrent.atomic.AtomicBoolean();
            var appended = new AtomicLong();
            var writer = Thread.ofPlatform().name("writer").start(() -> {
                await(halfway);
                while (!stop.get()) {
                    append(started(new SessionId(UUID.randomUUID())));
                    appended.incrementAndGet();
                    writerAppended.countDown();
                }
            });
            var done = rebuild(projections, "positions");
            long duringRebuild = appended.get();
            for (int i = 0; i < 50; i++) append(started(new SessionId(UUID.randomUUID())));   // after the swap, too
            stop.set(true);
            writer.join();
            projections.awaitCaughtUp(Duration.ofSeconds(30));

            assertThat(rebuilds).hasValue(1);
            assertThat(duringRebuild).isGreaterThanOrEqualTo(200);
            assertThat(done.outcome()).isInstanceOf(Outcome.Identical.class);
            var every = new ArrayList<Long>();
            long at = 0;
            for (var page = store.eventLog().readAfter(at, 1_000); !page.isEmpty(); page = store.eventLog().readAfter(at, 1_000)) {
                for (var event : page) every.add(event.position());
                at = page.getLast().position();
            }
            assertThat(every).hasSize(3_000 + (int) appended.get() + 50);
            assertThat(state.live().seen).as("each event once, in log order").containsExactlyElementsOf(every);
        }
    }

    @Test
    void a_rebuild_that_cannot_apply_an_event_fails_there_and_the_live_state_keeps_serving() {
        for (int i = 0; i < 20; i++) append(started(new SessionId(UUID.randomUUID())));
        var live = new Positions(event -> { });
        var state = new Rebuildable<Positions>(live, () -> new Positions(event -> {
            if (event.position() == 7) throw new IllegalStateException("cannot read this one");
        }));
        try (var projections = Projections.start(store, List.of(Projection.rebuildable("positions", SessionEvent.class, state)), CLOCK)) {
            projections.awaitCaughtUp(Duration.ofSeconds(30));
            var done = rebuild(projections, "positions");
            assertThat(done.outcome()).isInstanceOfSatisfying(Outcome.Failed.class, failed -> {
                assertThat(failed.position()).isEqualTo(7);
                assertThat(failed.reason()).contains("cannot read this one");
            });
            assertThat(done.finishedAt()).contains(CLOCK.instant());
            assertThat(state.live()).as("still the live state").isSameAs(live);
            append(started(new SessionId(UUID.randomUUID())));
            projections.awaitCaughtUp(Duration.ofSeconds(30));
            assertThat(live.seen).hasSize(21).doesNotHaveDuplicates();
        }
    }

    @Test
    void one_rebuild_at_a_time_and_unknown_or_stateless_projections_are_refused() {
        for (int i = 0; i < 10; i++) append(started(new SessionId(UUID.randomUUID())));
        var release = new CountDownLatch(1);
        var state = new Rebuildable<Positions>(new Positions(event -> { }), () -> new Positions(event -> await(release)));
        var stateless = Projection.of("stateless", SessionEvent.class, event -> { });
        try (var projections = Projections.start(store,
                List.of(Projection.rebuildable("positions", SessionEvent.class, state), stateless), CLOCK)) {
            projections.awaitCaughtUp(Duration.ofSeconds(30));
            var started = projections.start("positions");
            assertThat(started.outcome()).isInstanceOf(Outcome.Running.class);
            assertThatThrownBy(() -> projections.start("positions")).isInstanceOfSatisfying(RebuildRejected.class,
                    e -> assertThat(e.reason()).isEqualTo(new RebuildRejected.Reason.AlreadyRebuilding("positions")));
            assertThatThrownBy(() -> projections.start("nope")).isInstanceOfSatisfying(RebuildRejected.class,
                    e -> assertThat(e.reason()).isEqualTo(
                            new RebuildRejected.Reason.UnknownProjection("nope", List.of("positions", "stateless"))));
            assertThatThrownBy(() -> projections.latest("nope")).isInstanceOf(RebuildRejected.class);
            assertThatThrownBy(() -> projections.start("stateless")).isInstanceOfSatisfying(RebuildRejected.class,
                    e -> assertThat(e.reason()).isEqualTo(new RebuildRejected.Reason.NotRebuildable("stateless")));
            assertThat(projections.latest("stateless")).isEmpty();
            release.countDown();
            var done = awaitFinished(projections, "positions");
            assertThat(done.outcome()).isInstanceOf(Outcome.Identical.class);
            assertThat(rebuild(projections, "positions").outcome()).as("a finished rebuild can be followed by another")
                    .isInstanceOf(Outcome.Identical.class);
        }
    }

    /** Remembers the position of every event it applied, in order; runs {@code before} first. */
    static final class Positions implements ProjectionState {
        final List<Long> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        private final Consumer<RecordedEvent> before;

        Positions(Consumer<RecordedEvent> before) {
            this.before = before;
        }

        @Override
        public void apply(RecordedEvent event) {
            before.accept(event);
            seen.add(event.position());
        }

        @Override
        public ProjectionSnapshot snapshot() {
            return ProjectionSnapshot.builder().put("positions", List.copyOf(seen)).build();
        }
    }

    private static RebuildProgress rebuild(Projections projections, String name) {
        projections.start(name);
        return awaitFinished(projections, name);
    }

    /** Polls the rebuild's progress as a sysop would; a rebuild always finishes, so no time limit is needed. */
    private static RebuildProgress awaitFinished(Projections projections, String name) {
        while (true) {
            var progress = projections.latest(name).orElseThrow();
            if (!(progress.outcome() instanceof Outcome.Running)) return progress;
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void append(DomainEvent... events) {
        append(List.of(events));
    }

    private void append(List<DomainEvent> events) {
        for (var event : events) {
            store.eventLog().append(new StreamAppend(SampleEvents.streamOf(event), ExpectedVersion.any(), List.of(event)), metadata());
        }
    }

    private static SessionStarted started(SessionId session) {
        return new SessionStarted(session, ACCOUNT, ALICE, Channel.TELNET, Optional.empty(), Optional.empty(), T0);
    }
}

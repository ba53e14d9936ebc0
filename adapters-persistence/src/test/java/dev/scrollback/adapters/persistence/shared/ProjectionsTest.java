package dev.scrollback.adapters.persistence.shared;

import static dev.scrollback.adapters.persistence.shared.SampleEvents.ACCOUNT;
import static dev.scrollback.adapters.persistence.shared.SampleEvents.ALICE;
import static dev.scrollback.adapters.persistence.shared.SampleEvents.T0;
import static dev.scrollback.adapters.persistence.shared.SampleEvents.metadata;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrollback.application.accounts.AccountDirectory;
import dev.scrollback.application.presence.OnlineCallers;
import dev.scrollback.application.shared.ExpectedVersion;
import dev.scrollback.application.shared.StreamAppend;
import dev.scrollback.domain.accounts.AccountEvent.AccountRegistered;
import dev.scrollback.domain.accounts.AccountEvent.RoleGranted;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.accounts.AccountEvent;
import dev.scrollback.domain.sessions.EndReason;
import dev.scrollback.domain.sessions.SessionEvent;
import dev.scrollback.domain.sessions.SessionEvent.SessionEnded;
import dev.scrollback.domain.sessions.SessionEvent.SessionStarted;
import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.DomainEvent;
import dev.scrollback.domain.shared.SessionId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectionsTest {
    @TempDir
    Path dataDirectory;

    EventStore store;
    final OnlineCallers online = new OnlineCallers();
    final AccountDirectory directory = new AccountDirectory();

    @BeforeEach
    void openStore() {
        store = EventStore.open(new StoreSettings.Embedded(dataDirectory));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void events_from_before_the_start_are_replayed_and_live_events_follow() {
        var first = new SessionId(UUID.randomUUID());
        var second = new SessionId(UUID.randomUUID());
        append(started(first), new SessionEnded(first, EndReason.GOODBYE, Duration.ofMinutes(1), T0.plusSeconds(60)));
        append(started(second));
        append(new AccountRegistered(ACCOUNT, ALICE, Optional.empty(), SampleEvents.HASH, T0));
        append(new RoleGranted(ACCOUNT, Role.SYSOP, T0));

        try (var projections = Projections.start(store, projected())) {
            projections.awaitCaughtUp(Duration.ofSeconds(30));
            assertThat(online.openSessions()).extracting(SessionStarted::session).containsExactly(second);
            assertThat(directory.handleOf(ACCOUNT)).contains(ALICE);
            assertThat(directory.anySysop()).contains(ALICE);
            eventually(projections::caughtUp);

            var third = new SessionId(UUID.randomUUID());
            append(started(third));
            eventually(() -> online.openSessions().size() == 2);
            projections.awaitCaughtUp(Duration.ofSeconds(30));
            assertThat(online.openSessions()).extracting(SessionStarted::session).containsExactlyInAnyOrder(second, third);
        }
    }

    @Test
    void projections_read_postgresql() throws Exception {
        try (var schema = new PostgresSchema(); var postgres = EventStore.open(schema.settings())) {
            var session = new SessionId(UUID.randomUUID());
            var started = started(session);
            postgres.eventLog().append(new StreamAppend(SampleEvents.streamOf(started), ExpectedVersion.noStream(), List.of(started)), metadata());
            try (var projections = Projections.start(postgres, projected())) {
                projections.awaitCaughtUp(Duration.ofSeconds(30));
                assertThat(online.openSessions()).extracting(SessionStarted::session).containsExactly(session);
                var ended = new SessionEnded(session, EndReason.DROPPED, Duration.ofSeconds(5), T0.plusSeconds(5));
                postgres.eventLog().append(new StreamAppend(SampleEvents.streamOf(ended), ExpectedVersion.exactly(0), List.of(ended)), metadata());
                eventually(() -> online.openSessions().isEmpty());
            }
        }
    }

    @Test
    void projections_see_appends_by_another_instance_sharing_the_database() throws Exception {
        try (var schema = new PostgresSchema(); var mine = EventStore.open(schema.settings());
             var theirs = EventStore.open(schema.settings()); var projections = Projections.start(mine, projected())) {
            projections.awaitCaughtUp(Duration.ofSeconds(30));
            var session = new SessionId(UUID.randomUUID());
            var started = started(session);
            theirs.eventLog().append(new StreamAppend(SampleEvents.streamOf(started), ExpectedVersion.noStream(), List.of(started)), metadata());
            projections.awaitCaughtUp(Duration.ofSeconds(30));     // waits for the position the other instance appended at
            assertThat(online.openSessions()).extracting(SessionStarted::session).containsExactly(session);
        }
    }

    @Test
    void an_empty_log_is_caught_up_at_once() {
        try (var projections = Projections.start(store, projected())) {
            projections.awaitCaughtUp(Duration.ofSeconds(30));
            eventually(projections::caughtUp);
            assertThat(online.openSessions()).isEmpty();
        }
    }

    @Test
    void waiting_too_long_says_where_the_processors_are() throws Exception {
        append(started(new SessionId(UUID.randomUUID())));
        var release = new CountDownLatch(1);
        var stuck = Projection.of("stuck", SessionEvent.class, event -> awaitQuietly(release));
        try (var projections = Projections.start(store, List.of(stuck))) {
            assertThatThrownBy(() -> projections.awaitCaughtUp(Duration.ofMillis(200)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("did not catch up with position 1")
                    .hasMessageContaining("stuck");
            release.countDown();
            projections.awaitCaughtUp(Duration.ofSeconds(30));
        }
    }

    @Test
    void a_recorded_projection_reads_each_event_in_its_envelope_from_before_the_start_and_live() {
        append(new AccountRegistered(ACCOUNT, ALICE, Optional.empty(), SampleEvents.HASH, T0));
        var seen = new java.util.concurrent.CopyOnWriteArrayList<dev.scrollback.application.shared.RecordedEvent>();
        var recorded = Projection.recorded("recorded", AccountEvent.class, seen::add);
        try (var projections = Projections.start(store, List.of(recorded))) {
            projections.awaitCaughtUp(Duration.ofSeconds(30));
            append(new RoleGranted(ACCOUNT, Role.SYSOP, T0));
            projections.awaitCaughtUp(Duration.ofSeconds(30));
            assertThat(seen).extracting(dev.scrollback.application.shared.RecordedEvent::position).containsExactly(1L, 2L);
            assertThat(seen).extracting(dev.scrollback.application.shared.RecordedEvent::type)
                    .containsExactly("AccountRegistered", "RoleGranted");
            assertThat(seen.getLast().metadata()).isEqualTo(store.eventLog().readAfter(1, 1).getFirst().metadata());
        }
    }

    @Test
    void two_projections_with_one_name_are_refused() {
        var twice = List.<Projection<?>>of(Projection.of("presence", SessionEvent.class, online::apply),
                Projection.of("presence", AccountEvent.class, directory::apply));
        assertThatThrownBy(() -> Projections.start(store, twice)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("share a name");
    }

    private List<Projection<?>> projected() {
        return List.of(Projection.of("presence", SessionEvent.class, online::apply),
                Projection.of("account-directory", AccountEvent.class, directory::apply));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void append(DomainEvent... events) {
        for (var event : events) {
            store.eventLog().append(new StreamAppend(SampleEvents.streamOf(event), ExpectedVersion.any(), List.of(event)), metadata());
        }
    }

    private static SessionStarted started(SessionId session) {
        return new SessionStarted(session, ACCOUNT, ALICE, Channel.TELNET, Optional.empty(), Optional.empty(), T0);
    }

    private static void eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("condition not met within 30 s");
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }
}

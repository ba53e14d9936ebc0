package dev.scrollback.application.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.application.shared.Actor;
import dev.scrollback.application.shared.ControlledClock;
import dev.scrollback.application.shared.EventMetadata;
import dev.scrollback.application.shared.ExpectedVersion;
import dev.scrollback.application.shared.InMemoryEventLog;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.RecordedEvent;
import dev.scrollback.application.shared.StreamAppend;
import dev.scrollback.domain.sessions.EndReason;
import dev.scrollback.domain.sessions.SessionEvent.SessionEnded;
import dev.scrollback.domain.sessions.SessionEvent.SessionStarted;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.SessionId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EndSessionServiceTest {
    static final Instant T0 = Instant.parse("2025-03-01T20:00:00Z");

    final InMemoryEventLog log = new InMemoryEventLog();
    final ControlledClock clock = new ControlledClock(T0);
    final SessionActivity activity = new SessionActivity(clock);
    final EndSession endSession = new EndSessionService(log, clock, activity);

    SessionId started() {
        var session = new SessionId(UUID.randomUUID());
        log.append(new StreamAppend(SessionStreams.session(session), ExpectedVersion.noStream(),
                        List.of(new SessionStarted(session, new AccountId(UUID.randomUUID()), new Handle("alice"), Channel.TELNET,
                                Optional.empty(), Optional.empty(), clock.instant()))),
                EventMetadata.of(Actor.system(), Origin.system(), clock.instant()));
        activity.touch(session);
        return session;
    }

    @Test
    void the_system_ends_a_session_with_its_reason_and_duration() {
        var session = started();
        clock.advance(Duration.ofMinutes(7));
        var origin = Origin.system();

        endSession.end(session, EndReason.DROPPED, origin);

        var last = log.recorded().getLast();
        assertThat(last.event()).isEqualTo(new SessionEnded(session, EndReason.DROPPED, Duration.ofMinutes(7), clock.instant()));
        assertThat(last.stream()).isEqualTo(SessionStreams.session(session));
        assertThat(last.metadata().actor()).isEqualTo(Actor.system());
        assertThat(last.metadata().origin()).isEqualTo(origin);
        assertThat(activity.lastSeen(session)).isEmpty();
    }

    @Test
    void ending_an_ended_session_writes_nothing() {
        var session = started();
        endSession.end(session, EndReason.IDLE, Origin.system());
        long after = log.lastPosition();

        endSession.end(session, EndReason.SHUTDOWN, Origin.system());

        assertThat(log.lastPosition()).isEqualTo(after);
        assertThat(((SessionEnded) log.recorded().getLast().event()).reason()).isEqualTo(EndReason.IDLE);
    }

    @Test
    void ending_an_unknown_session_is_harmless() {
        endSession.end(new SessionId(UUID.randomUUID()), EndReason.RESTART, Origin.system());
        assertThat(log.recorded()).isEmpty();
    }

    @Test
    void an_ender_that_loses_a_race_looks_again_and_finds_nothing_to_do() {
        var session = started();
        var rival = new SessionEnded(session, EndReason.GOODBYE, Duration.ZERO, clock.instant());
        log.beforeNextAppend(() -> log.append(new StreamAppend(SessionStreams.session(session), ExpectedVersion.exactly(0),
                List.of(rival)), EventMetadata.of(Actor.system(), Origin.system(), clock.instant())));

        endSession.end(session, EndReason.DROPPED, Origin.system());

        assertThat(log.events(SessionStreams.session(session))).hasSize(2).last().isEqualTo(rival);
    }

    @Test
    void many_enders_at_once_end_a_session_once() throws Exception {
        var session = started();
        var threads = new java.util.ArrayList<Thread>();
        for (int i = 0; i < 4; i++) {
            threads.add(Thread.ofPlatform().start(() -> endSession.end(session, EndReason.INSTANCE_LOST, Origin.system())));
        }
        for (var thread : threads) thread.join();
        assertThat(log.recorded()).extracting(RecordedEvent::event).filteredOn(SessionEnded.class::isInstance).hasSize(1);
    }
}

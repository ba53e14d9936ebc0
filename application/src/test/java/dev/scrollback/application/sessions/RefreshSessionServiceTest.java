package dev.scrollback.application.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.application.sessions.RefreshSession.Outcome.LifetimeOver;
import dev.scrollback.application.sessions.RefreshSession.Outcome.Refreshed;
import dev.scrollback.application.sessions.RefreshSession.Outcome.ReuseDetected;
import dev.scrollback.application.sessions.RefreshSession.Outcome.SessionOver;
import dev.scrollback.application.shared.Actor;
import dev.scrollback.application.shared.ControlledClock;
import dev.scrollback.application.shared.EventMetadata;
import dev.scrollback.application.shared.ExpectedVersion;
import dev.scrollback.application.shared.InMemoryEventLog;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.StreamAppend;
import dev.scrollback.domain.sessions.EndReason;
import dev.scrollback.domain.sessions.SessionDecider;
import dev.scrollback.domain.sessions.SessionEvent.SessionEnded;
import dev.scrollback.domain.sessions.SessionEvent.SessionRefreshed;
import dev.scrollback.domain.sessions.SessionEvent.SessionStarted;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.RemoteAddress;
import dev.scrollback.domain.shared.SessionId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RefreshSessionServiceTest {
    static final Instant T0 = Instant.parse("2025-03-01T20:00:00Z");
    static final Handle ALICE = new Handle("alice");

    final InMemoryEventLog log = new InMemoryEventLog();
    final ControlledClock clock = new ControlledClock(T0);
    final SessionActivity activity = new SessionActivity(clock);
    final dev.scrollback.application.shared.CountingRateLimiter limiter = new dev.scrollback.application.shared.CountingRateLimiter(clock);
    final RefreshSession refreshSession = new RefreshSessionService(log, clock, activity, limiter);
    final AccountId account = new AccountId(UUID.randomUUID());
    final Origin origin = Origin.of(Channel.WEB, new RemoteAddress("192.0.2.7"));

    SessionId started() {
        var session = new SessionId(UUID.randomUUID());
        log.append(new StreamAppend(SessionStreams.session(session), ExpectedVersion.noStream(),
                        List.of(new SessionStarted(session, account, ALICE, Channel.WEB, Optional.empty(), Optional.empty(),
                                clock.instant()))),
                EventMetadata.of(Actor.user(account, ALICE), origin, clock.instant()));
        activity.touch(session);
        return session;
    }

    @Test
    void each_refresh_rotates_to_the_next_generation_with_the_owner_as_actor() {
        var session = started();
        clock.advance(Duration.ofMinutes(20));

        assertThat(refreshSession.refresh(session, account, 0, origin.inSession(session))).isEqualTo(new Refreshed(1));
        assertThat(refreshSession.refresh(session, account, 1, origin.inSession(session))).isEqualTo(new Refreshed(2));

        var last = log.recorded().getLast();
        assertThat(last.event()).isEqualTo(new SessionRefreshed(session, 2, clock.instant()));
        assertThat(last.stream()).isEqualTo(SessionStreams.session(session));
        assertThat(last.metadata().actor()).isEqualTo(Actor.user(account, ALICE));
        assertThat(last.metadata().origin().session()).contains(session);
    }

    @Test
    void a_reused_generation_ends_the_session_as_the_system() {
        var session = started();
        refreshSession.refresh(session, account, 0, origin);
        clock.advance(Duration.ofMinutes(3));

        assertThat(refreshSession.refresh(session, account, 0, origin)).isEqualTo(new ReuseDetected());

        var last = log.recorded().getLast();
        assertThat(last.event()).isEqualTo(new SessionEnded(session, EndReason.TOKEN_REUSE, Duration.ofMinutes(3), clock.instant()));
        assertThat(last.metadata().actor()).isEqualTo(Actor.system());
        assertThat(activity.lastSeen(session)).isEmpty();
        assertThat(refreshSession.refresh(session, account, 1, origin)).as("the newest token dies too").isEqualTo(new SessionOver());
    }

    @Test
    void an_ended_unknown_or_foreign_session_does_not_refresh_and_writes_nothing() {
        var session = started();
        long before = log.lastPosition();

        assertThat(refreshSession.refresh(new SessionId(UUID.randomUUID()), account, 0, origin)).isEqualTo(new SessionOver());
        assertThat(refreshSession.refresh(session, new AccountId(UUID.randomUUID()), 0, origin)).isEqualTo(new SessionOver());
        assertThat(log.lastPosition()).isEqualTo(before);

        new EndSessionService(log, clock, activity).end(session, EndReason.IDLE, Origin.system());
        assertThat(refreshSession.refresh(session, account, 0, origin)).isEqualTo(new SessionOver());
    }

    @Test
    void past_the_absolute_lifetime_a_refresh_is_refused_and_the_session_left_to_idle_out() {
        var session = started();
        clock.advance(SessionDecider.REFRESH_LIFETIME.plusSeconds(1));
        long before = log.lastPosition();

        assertThat(refreshSession.refresh(session, account, 0, origin)).isEqualTo(new LifetimeOver(T0.plus(SessionDecider.REFRESH_LIFETIME)));
        assertThat(log.lastPosition()).isEqualTo(before);
    }

    @Test
    void two_refreshes_racing_with_one_token_count_as_reuse() {
        var session = started();
        log.beforeNextAppend(() -> refreshSession.refresh(session, account, 0, origin));     // the rival wins

        assertThat(refreshSession.refresh(session, account, 0, origin)).isEqualTo(new ReuseDetected());
        assertThat(log.events(SessionStreams.session(session))).last().isInstanceOf(SessionEnded.class);
    }

    @Test
    void one_session_refreshing_in_a_loop_is_cut_off() {
        var session = started();
        long generation = 0;
        for (int i = 0; i < RefreshSessionService.PER_SESSION.permits(); i++) {
            var outcome = refreshSession.refresh(session, account, generation, origin);
            generation = ((RefreshSession.Outcome.Refreshed) outcome).generation();
        }
        long last = generation;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> refreshSession.refresh(session, account, last, origin))
                .isInstanceOf(dev.scrollback.application.shared.RateLimited.class);
    }
}

package dev.scrollback.domain.sessions;

import dev.scrollback.domain.sessions.RefreshRefused.LifetimeOver;
import dev.scrollback.domain.sessions.RefreshRefused.SessionOver;
import dev.scrollback.domain.sessions.SessionCommand.End;
import dev.scrollback.domain.sessions.SessionCommand.Refresh;
import dev.scrollback.domain.sessions.SessionCommand.Start;
import dev.scrollback.domain.sessions.SessionEvent.SessionEnded;
import dev.scrollback.domain.sessions.SessionEvent.SessionRefreshed;
import dev.scrollback.domain.sessions.SessionEvent.SessionStarted;
import dev.scrollback.domain.sessions.SessionRejected.AlreadyStarted;
import dev.scrollback.domain.sessions.SessionRejected.NoSuchSession;
import dev.scrollback.domain.sessions.SessionState.Ended;
import dev.scrollback.domain.sessions.SessionState.Open;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.DeciderSpec;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.RemoteAddress;
import dev.scrollback.domain.shared.SessionId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SessionDeciderTest {
    static final SessionId SESSION = new SessionId(UUID.fromString("0195f0a0-0000-7000-8000-0000000000aa"));
    static final AccountId ACCOUNT = new AccountId(UUID.fromString("0195f0a0-0000-7000-8000-000000000001"));
    static final Handle ALICE = new Handle("alice");
    static final Instant T0 = Instant.parse("2025-03-01T20:00:00Z");
    static final Optional<RemoteAddress> ADDRESS = Optional.of(new RemoteAddress("192.0.2.7"));
    static final Optional<Terminal> VT100 = Optional.of(new Terminal("VT100", 80, 24));

    static final Start START = new Start(ACCOUNT, ALICE, Channel.TELNET, ADDRESS, VT100, T0);
    static final SessionStarted STARTED = new SessionStarted(SESSION, ACCOUNT, ALICE, Channel.TELNET, ADDRESS, VT100, T0);

    final DeciderSpec<SessionCommand, SessionState, SessionEvent> spec = new DeciderSpec<>(new SessionDecider(SESSION));

    @Test
    void a_session_starts() {
        spec.given()
                .when(START)
                .then(STARTED)
                .thenState(new Open(STARTED));
    }

    @Test
    void a_session_starts_only_once() {
        spec.given(STARTED)
                .when(START)
                .thenRejectedWith(new AlreadyStarted());
    }

    @Test
    void an_ended_session_does_not_start_again() {
        spec.given(STARTED, new SessionEnded(SESSION, EndReason.GOODBYE, Duration.ofMinutes(5), T0.plusSeconds(300)))
                .when(START)
                .thenRejectedWith(new AlreadyStarted());
    }

    @Test
    void ending_a_session_records_how_long_it_lasted() {
        var at = T0.plus(Duration.ofMinutes(42));
        spec.given(STARTED)
                .when(new End(EndReason.GOODBYE, at))
                .then(new SessionEnded(SESSION, EndReason.GOODBYE, Duration.ofMinutes(42), at))
                .thenState(new Ended(STARTED, EndReason.GOODBYE));
    }

    @Test
    void ending_an_ended_session_changes_nothing() {
        spec.given(STARTED, new SessionEnded(SESSION, EndReason.DROPPED, Duration.ofMinutes(1), T0.plusSeconds(60)))
                .when(new End(EndReason.IDLE, T0.plusSeconds(120)))
                .thenNothing()
                .thenState(new Ended(STARTED, EndReason.DROPPED));
    }

    @Test
    void a_session_that_never_started_cannot_end() {
        spec.given()
                .when(new End(EndReason.GOODBYE, T0))
                .thenRejectedWith(new NoSuchSession());
    }

    @Test
    void an_end_stamped_before_the_start_lasts_zero_rather_than_a_negative_time() {
        var skewed = T0.minusSeconds(5);                       // clocks of two instances disagree
        spec.given(STARTED)
                .when(new End(EndReason.INSTANCE_LOST, skewed))
                .then(new SessionEnded(SESSION, EndReason.INSTANCE_LOST, Duration.ZERO, skewed));
    }

    @Test
    void a_refresh_rotates_to_the_next_generation() {
        var at = T0.plus(Duration.ofMinutes(20));
        spec.given(STARTED)
                .when(new Refresh(0, at))
                .then(new SessionRefreshed(SESSION, 1, at))
                .thenState(new Open(STARTED, 1));
    }

    @Test
    void only_the_newest_generation_rotates_again() {
        var at = T0.plus(Duration.ofMinutes(40));
        spec.given(STARTED, new SessionRefreshed(SESSION, 1, T0.plusSeconds(1200)))
                .when(new Refresh(1, at))
                .then(new SessionRefreshed(SESSION, 2, at));
    }

    @Test
    void a_reused_refresh_token_ends_the_whole_session() {
        var at = T0.plus(Duration.ofMinutes(40));
        spec.given(STARTED, new SessionRefreshed(SESSION, 1, T0.plusSeconds(1200)))
                .when(new Refresh(0, at))
                .then(new SessionEnded(SESSION, EndReason.TOKEN_REUSE, Duration.ofMinutes(40), at))
                .thenState(new Ended(STARTED, EndReason.TOKEN_REUSE));
    }

    @Test
    void a_generation_never_issued_ends_the_session_too() {
        spec.given(STARTED)
                .when(new Refresh(7, T0.plusSeconds(60)))
                .then(new SessionEnded(SESSION, EndReason.TOKEN_REUSE, Duration.ofMinutes(1), T0.plusSeconds(60)));
    }

    @Test
    void an_ended_session_refuses_to_refresh() {
        spec.given(STARTED, new SessionEnded(SESSION, EndReason.GOODBYE, Duration.ofMinutes(5), T0.plusSeconds(300)))
                .when(new Refresh(0, T0.plusSeconds(400)))
                .thenRejectedWith(new SessionOver(EndReason.GOODBYE));
    }

    @Test
    void a_session_that_never_started_cannot_refresh() {
        spec.given()
                .when(new Refresh(0, T0))
                .thenRejectedWith(new NoSuchSession());
    }

    @Test
    void refreshing_stops_at_the_absolute_lifetime_however_often_it_rotated() {
        var limit = T0.plus(SessionDecider.REFRESH_LIFETIME);
        spec.given(STARTED, new SessionRefreshed(SESSION, 1, limit.minusSeconds(60)))
                .when(new Refresh(1, limit))
                .then(new SessionRefreshed(SESSION, 2, limit));
        spec.given(STARTED, new SessionRefreshed(SESSION, 1, limit.minusSeconds(60)))
                .when(new Refresh(1, limit.plusSeconds(1)))
                .thenRejectedWith(new LifetimeOver(limit));
    }

    @Test
    void a_reuse_past_the_lifetime_still_ends_the_session() {
        var late = T0.plus(SessionDecider.REFRESH_LIFETIME).plusSeconds(1);
        spec.given(STARTED, new SessionRefreshed(SESSION, 1, T0.plusSeconds(60)))
                .when(new Refresh(0, late))
                .then(new SessionEnded(SESSION, EndReason.TOKEN_REUSE, Duration.between(T0, late), late));
    }
}

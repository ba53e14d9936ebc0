package dev.scrollback.application.presence;

import dev.scrollback.application.sessions.SessionActivity;
import dev.scrollback.application.sessions.SessionStreams;
import dev.scrollback.application.sessions.SessionTerminations;
import dev.scrollback.application.shared.Actor;
import dev.scrollback.application.shared.Decision;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.EventMetadata;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.sessions.EndReason;
import dev.scrollback.domain.sessions.SessionCommand;
import dev.scrollback.domain.sessions.SessionDecider;
import dev.scrollback.domain.sessions.SessionEvent;
import dev.scrollback.domain.sessions.SessionRejected;
import dev.scrollback.domain.sessions.SessionState;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.SessionId;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * An account's open sessions, and ending one of them on someone's behalf: decided on the session's own stream (so
 * ownership is exact, whatever the projection says), then its activity forgotten and its live connection told.
 * Shared by the caller's own session list, the sysop's kick and anything else that ends sessions for an account.
 */
@Named
public final class OwnedSessions {
    private final OnlineCallers online;
    private final EventLog log;
    private final Clock clock;
    private final SessionActivity activity;
    private final SessionTerminations terminations;

    @Inject
    public OwnedSessions(OnlineCallers online, EventLog log, Clock clock, SessionActivity activity,
                         SessionTerminations terminations) {
        this.online = online;
        this.log = log;
        this.clock = clock;
        this.activity = activity;
        this.terminations = terminations;
    }

    /** The account's open sessions, oldest first; {@code current} marks the asking session. */
    public List<MySession> of(AccountId account, SessionId asking) {
        return of(account, Optional.of(asking));
    }

    /** As {@link #of(AccountId, SessionId)}, for an asker who may have no session (an API key). */
    public List<MySession> of(AccountId account, Optional<SessionId> asking) {
        return online.openSessions().stream()
                .filter(s -> s.account().equals(account))
                .map(s -> new MySession(s.session(), s.channel(), s.address(), s.at(), asking.filter(s.session()::equals).isPresent()))
                .toList();
    }

    /**
     * Ends the account's session {@code session}; one of another account, or not open, is {@code NoSuchSession}.
     * The connection, if it is live here, hears {@code notice} and closes.
     */
    public void end(AccountId account, SessionId session, EndReason reason, Actor actor, Origin origin, String notice) {
        var at = clock.instant();
        var decision = Decision.make(log, SessionStreams.session(session), new SessionDecider(session), SessionEvent.class,
                new SessionCommand.End(reason, at));
        if (!(decision.before() instanceof SessionState.Open open) || !open.started().account().equals(account)) {
            throw new SessionRejected(new SessionRejected.NoSuchSession());
        }
        log.append(decision.toAppend(), EventMetadata.of(actor, origin, at));
        activity.forget(session);
        terminations.ended(session, notice);
    }

    /**
     * Ends every open session of the account (those that end meanwhile on their own are skipped), each connection
     * told {@code notice}; returns how many this ended.
     */
    public int endAll(AccountId account, EndReason reason, Actor actor, Origin origin, String notice) {
        int ended = 0;
        for (var open : online.openSessions()) {
            if (!open.account().equals(account)) continue;
            try {
                end(account, open.session(), reason, actor, origin, notice);
                ended++;
            } catch (SessionRejected endedMeanwhile) {
                // it ended on its own between the listing and now
            }
        }
        return ended;
    }
}

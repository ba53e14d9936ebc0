package dev.scrollback.application.presence;

import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.accounts.UserSummary;
import dev.scrollback.application.shared.Actor;
import dev.scrollback.domain.accounts.AccountEvent.LockCause;
import dev.scrollback.domain.accounts.AccountEvent.LoginFailure;
import dev.scrollback.domain.accounts.AccountEvent.UnlockReason;
import dev.scrollback.domain.accounts.EmailAddress;
import dev.scrollback.domain.accounts.LockNote;
import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.RemoteAddress;
import dev.scrollback.domain.shared.SessionId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * In-port: a sysop looks at one account: what the list shows, its email address, its latest login history and its
 * open sessions. Only sysops may ({@code AccessDenied} otherwise); an unknown handle is {@code UnknownAccount}. The
 * account is read from its own stream (no lag); the sessions from who's online. Addresses and email are personal data.
 */
public interface ShowUser {
    /** How many login facts are shown, newest first. */
    int HISTORY = 50;

    UserDetails show(Caller sysop, Handle handle);

    record UserDetails(UserSummary summary, Optional<EmailAddress> email, List<LoginRecord> logins,
                       List<OpenSession> sessions) {
        public UserDetails {
            logins = List.copyOf(logins);
            sessions = List.copyOf(sessions);
        }
    }

    /** One login fact with its envelope: when, from which channel and address, and who did it (SPEC §3). */
    record LoginRecord(Instant at, Channel channel, Optional<RemoteAddress> address, Actor actor, LoginFact fact) {}

    /** What happened at the door. */
    sealed interface LoginFact {
        record Succeeded(SessionId session) implements LoginFact {}

        record Failed(LoginFailure reason) implements LoginFact {}

        /** {@code until} empty: until a sysop unlocks it. */
        record Locked(LockCause cause, Optional<Instant> until, Optional<LockNote> note) implements LoginFact {}

        record Unlocked(UnlockReason reason) implements LoginFact {}
    }

    record OpenSession(SessionId session, Channel channel, Optional<RemoteAddress> address, Instant since) {}
}

package dev.scrollback.application.audit;

import dev.scrollback.application.shared.Actor;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.RemoteAddress;
import dev.scrollback.domain.shared.SessionId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of the audit log: a security-relevant or admin event at {@code position} of the log, when it happened, who
 * acted, from where ({@code address} is personal data, SPEC §3), a one-line summary, and the account it concerns
 * ({@code subject}), when there is one: for a failed login the actor is anonymous and the subject names the handle tried.
 */
public record AuditEntry(long position, Instant at, String type, Actor actor, Channel channel, Optional<RemoteAddress> address,
                         Optional<SessionId> session, String summary, Optional<AccountId> subject, Optional<Handle> subjectHandle) {
    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(summary, "summary");
    }
}

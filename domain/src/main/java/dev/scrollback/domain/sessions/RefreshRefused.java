package dev.scrollback.domain.sessions;

import dev.scrollback.domain.shared.Rejection;
import java.time.Instant;

/** A refresh the session will not grant. A reused token is no refusal: it ends the session (see {@link SessionDecider}). */
public final class RefreshRefused extends Rejection {
    public sealed interface Reason {}

    /** The session has ended (for {@code reason}); its tokens are dead. */
    public record SessionOver(EndReason reason) implements Reason {}

    /** The session is older than {@link SessionDecider#REFRESH_LIFETIME}: its owner logs in again. */
    public record LifetimeOver(Instant since) implements Reason {}

    private final Reason reason;

    public RefreshRefused(Reason reason) {
        super(reason);
        this.reason = reason;
    }

    @Override
    public Reason reason() {
        return reason;
    }
}

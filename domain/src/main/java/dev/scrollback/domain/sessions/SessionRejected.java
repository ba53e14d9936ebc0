package dev.scrollback.domain.sessions;

import dev.scrollback.domain.shared.Rejection;

public final class SessionRejected extends Rejection {
    public sealed interface Reason {}

    public record AlreadyStarted() implements Reason {}

    public record NoSuchSession() implements Reason {}

    private final Reason reason;

    public SessionRejected(Reason reason) {
        super(reason);
        this.reason = reason;
    }

    @Override
    public Reason reason() {
        return reason;
    }
}

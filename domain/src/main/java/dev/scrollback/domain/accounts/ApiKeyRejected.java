package dev.scrollback.domain.accounts;

import dev.scrollback.domain.shared.Rejection;

/** An API key command was refused; {@link #reason()} says why. */
public final class ApiKeyRejected extends Rejection {
    public sealed interface Reason {}

    /** No key by that id, or (to its owner's eyes) one of another account: told apart by nobody. */
    public record NoSuchKey(ApiKeyId key) implements Reason {}

    /** Ids are fresh per key; a second issue on one stream is a bug or a replay. */
    public record AlreadyIssued(ApiKeyId key) implements Reason {}

    /** An account holds at most {@code max} live keys; revoke one first. */
    public record TooManyKeys(int max) implements Reason {}

    /** The expiry must lie after the moment of issue. */
    public record ExpiryInThePast() implements Reason {}

    private final Reason reason;

    public ApiKeyRejected(Reason reason) {
        super(reason);
        this.reason = reason;
    }

    @Override
    public Reason reason() {
        return reason;
    }
}

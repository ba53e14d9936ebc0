package dev.scrollback.domain.mail;

import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.Rejection;

/** A mail command was refused; {@link #reason()} says why. */
public final class MailRejected extends Rejection {
    public sealed interface Reason {}

    /**
     * No message by that id that the caller may see: none at all, one between others, or one they deleted. Told apart
     * by nobody, so ids leak nothing.
     */
    public record NoSuchMessage(PrivateMessageId message) implements Reason {}

    /** A reply names a message the sender cannot see (as {@link NoSuchMessage}, but about the input). */
    public record UnknownOriginal(PrivateMessageId message) implements Reason {}

    /** No member goes by that handle: no account, or one that has not verified its address yet. */
    public record UnknownRecipient(Handle handle) implements Reason {}

    /** Mail to oneself is refused: a note to self has no second party, and "delete for me" would delete it for both. */
    public record CannotMailYourself() implements Reason {}

    /** Ids are fresh per message; a second send on one stream is a bug or a replay. */
    public record AlreadySent(PrivateMessageId message) implements Reason {}

    private final Reason reason;

    public MailRejected(Reason reason) {
        super(reason);
        this.reason = reason;
    }

    @Override
    public Reason reason() {
        return reason;
    }
}

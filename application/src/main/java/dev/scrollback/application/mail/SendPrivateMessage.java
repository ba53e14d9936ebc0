package dev.scrollback.application.mail;

import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.mail.MailBody;
import dev.scrollback.domain.mail.MailSubject;
import dev.scrollback.domain.mail.PrivateMessageId;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.InvalidValue;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * In-port: a member writes to another member, by handle. Only members and sysops, only from an interactive login
 * (private mail is personal: an API key is refused, {@code CredentialDenied}). At most {@link #PER_HOUR} messages an
 * hour per account ({@code RateLimited}). A handle nobody holds, or whose account has not verified its address, is
 * {@code UnknownRecipient} (an unverified account cannot read mail, and it would make sign-ups a spam target);
 * writing to oneself is {@code CannotMailYourself}.
 *
 * <p>A reply names the message it answers ({@code inReplyTo}, which the sender must be able to read, else {@code
 * UnknownOriginal}); then {@code to} defaults to the other party and {@code subject} to "Re: " and the original's.
 */
public interface SendPrivateMessage {
    int PER_HOUR = 30;
    Duration WINDOW = Duration.ofHours(1);

    Sent send(Caller caller, Command command, Origin origin);

    record Command(Optional<Handle> to, Optional<MailSubject> subject, MailBody body, Optional<PrivateMessageId> inReplyTo) {
        public Command {
            if (inReplyTo.isEmpty() && to.isEmpty()) throw new InvalidValue("to", "is required");
            if (inReplyTo.isEmpty() && subject.isEmpty()) throw new InvalidValue("subject", "is required");
        }

        /** A new message (not a reply). */
        public static Command to(Handle to, MailSubject subject, MailBody body) {
            return new Command(Optional.of(to), Optional.of(subject), body, Optional.empty());
        }

        /** A reply to the other party of {@code original}, under "Re: " and its subject. */
        public static Command replyTo(PrivateMessageId original, MailBody body) {
            return new Command(Optional.empty(), Optional.empty(), body, Optional.of(original));
        }
    }

    record Sent(PrivateMessageId id, Handle to, MailSubject subject, Instant sentAt, Optional<PrivateMessageId> inReplyTo) {}
}

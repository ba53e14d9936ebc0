package dev.scrollback.domain.mail;

import dev.scrollback.domain.mail.MailRejected.AlreadySent;
import dev.scrollback.domain.mail.MailRejected.CannotMailYourself;
import dev.scrollback.domain.mail.MailRejected.NoSuchMessage;
import dev.scrollback.domain.mail.PrivateMessageCommand.DeleteForMe;
import dev.scrollback.domain.mail.PrivateMessageCommand.Open;
import dev.scrollback.domain.mail.PrivateMessageCommand.Send;
import dev.scrollback.domain.mail.PrivateMessageEvent.MailboxSide;
import dev.scrollback.domain.mail.PrivateMessageEvent.PrivateMessageDeleted;
import dev.scrollback.domain.mail.PrivateMessageEvent.PrivateMessageRead;
import dev.scrollback.domain.mail.PrivateMessageEvent.PrivateMessageSent;
import dev.scrollback.domain.mail.PrivateMessageState.Sent;
import dev.scrollback.domain.mail.PrivateMessageState.Unsent;
import dev.scrollback.domain.shared.Decider;
import java.util.List;
import java.util.Optional;

/**
 * One private message on its own stream: sent once; opened by its parties, the recipient's first opening recorded as
 * the read receipt (opening again records nothing); deleted once per side, each party for themselves. To anyone who
 * is not a party, or who deleted their copy, there is no such message.
 */
public final class PrivateMessageDecider implements Decider<PrivateMessageCommand, PrivateMessageState, PrivateMessageEvent> {
    private final PrivateMessageId message;

    public PrivateMessageDecider(PrivateMessageId message) {
        this.message = message;
    }

    @Override
    public PrivateMessageState initialState() {
        return new Unsent();
    }

    @Override
    public List<PrivateMessageEvent> decide(PrivateMessageCommand command, PrivateMessageState state) {
        return switch (command) {
            case Send s when !(state instanceof Unsent) -> throw new MailRejected(new AlreadySent(message));
            case Send s when s.sender().equals(s.recipient()) -> throw new MailRejected(new CannotMailYourself());
            case Send s -> List.of(new PrivateMessageSent(message, s.sender(), s.senderHandle(), s.recipient(),
                    s.recipientHandle(), s.subject(), s.body(), s.inReplyTo(), s.at()));
            case Open o -> {
                var side = visibleSide(state, o.reader());
                var sent = (Sent) state;
                yield side == MailboxSide.RECIPIENT && sent.readAt().isEmpty()
                        ? List.of(new PrivateMessageRead(message, o.reader(), o.at()))
                        : List.of();
            }
            case DeleteForMe d -> switch (state) {
                // deleted before: nothing to record, so a retried DELETE is harmless
                case Sent s when isParty(s, d.owner()) && s.sideOf(d.owner()).isEmpty() -> List.of();
                default -> List.of(new PrivateMessageDeleted(message, d.owner(), visibleSide(state, d.owner()), d.at()));
            };
        };
    }

    private static boolean isParty(Sent sent, dev.scrollback.domain.shared.AccountId account) {
        return account.equals(sent.sent().sender()) || account.equals(sent.sent().recipient());
    }

    /** The copy {@code account} holds, or no such message. */
    private MailboxSide visibleSide(PrivateMessageState state, dev.scrollback.domain.shared.AccountId account) {
        Optional<MailboxSide> side = state instanceof Sent s ? s.sideOf(account) : Optional.empty();
        return side.orElseThrow(() -> new MailRejected(new NoSuchMessage(message)));
    }

    @Override
    public PrivateMessageState evolve(PrivateMessageState state, PrivateMessageEvent event) {
        return switch (event) {
            case PrivateMessageSent e -> state instanceof Unsent ? new Sent(e, Optional.empty(), false, false) : state;
            case PrivateMessageRead e -> state instanceof Sent s ? s.read(e.at()) : state;
            case PrivateMessageDeleted e -> state instanceof Sent s ? s.deletedFor(e.side()) : state;
        };
    }
}

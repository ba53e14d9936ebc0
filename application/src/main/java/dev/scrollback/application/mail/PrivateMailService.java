package dev.scrollback.application.mail;

import dev.scrollback.application.accounts.AccessDenied;
import dev.scrollback.application.accounts.AccountStreams;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.accounts.HandleLookup;
import dev.scrollback.application.shared.Decision;
import dev.scrollback.application.shared.Decision.Loaded;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.EventMetadata;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.RateLimiter;
import dev.scrollback.application.shared.Retried;
import dev.scrollback.application.shared.UuidV7;
import dev.scrollback.domain.accounts.AccountDecider;
import dev.scrollback.domain.accounts.AccountEvent;
import dev.scrollback.domain.accounts.AccountState;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.mail.MailRejected;
import dev.scrollback.domain.mail.MailRejected.UnknownOriginal;
import dev.scrollback.domain.mail.MailRejected.UnknownRecipient;
import dev.scrollback.domain.mail.PrivateMessageCommand;
import dev.scrollback.domain.mail.PrivateMessageDecider;
import dev.scrollback.domain.mail.PrivateMessageEvent;
import dev.scrollback.domain.mail.PrivateMessageId;
import dev.scrollback.domain.mail.PrivateMessageState;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Handle;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.util.Optional;

/**
 * Private mail: send, list, open, delete for me. Every operation needs a member's (or sysop's) interactive login:
 * {@link Caller#session()} refuses an API key (private mail is personal; no script reads it), and the role check
 * refuses guests who have not verified their address.
 */
@Named
final class PrivateMailService implements SendPrivateMessage, ReadInbox, ReadSentMail, ReadPrivateMessage, DeletePrivateMessage {
    static final RateLimiter.Limit SENDS_PER_ACCOUNT = new RateLimiter.Limit("mail-sends-per-account", PER_HOUR, WINDOW);
    private static final int ATTEMPTS = 3;

    private final EventLog log;
    private final Clock clock;
    private final Mailboxes mailboxes;
    private final RateLimiter limiter;

    @Inject
    PrivateMailService(EventLog log, Clock clock, Mailboxes mailboxes, RateLimiter limiter) {
        this.log = log;
        this.clock = clock;
        this.mailboxes = mailboxes;
        this.limiter = limiter;
    }

    @Override
    public SendPrivateMessage.Sent send(Caller caller, Command command, Origin origin) {
        var inSession = member(caller, origin);
        // Taken before any lookup, so probing handles costs permits like sending does.
        limiter.acquire(SENDS_PER_ACCOUNT, caller.account().toString()).orThrow();
        var original = command.inReplyTo().map(id -> original(caller.account(), id));
        var toHandle = command.to().or(() -> original.map(o -> otherParty(o, caller.account()))).orElseThrow();
        var subject = command.subject().or(() -> original.map(o -> o.sent().subject().reply())).orElseThrow();
        var recipient = memberBehind(toHandle);
        var at = clock.instant();
        var id = new PrivateMessageId(UuidV7.next());
        var decision = Decision.make(log, MailStreams.message(id), new PrivateMessageDecider(id), PrivateMessageEvent.class,
                new PrivateMessageCommand.Send(caller.account(), caller.handle(), recipient.account(), recipient.handle(),
                        subject, command.body(), command.inReplyTo(), at));
        log.append(decision.toAppend(), EventMetadata.of(caller.actor(), inSession, at));
        decision.events().forEach(mailboxes::apply);
        return new SendPrivateMessage.Sent(id, recipient.handle(), subject, at, command.inReplyTo());
    }

    @Override
    public MailPage inbox(Caller caller, Optional<PrivateMessageId> after, int limit) {
        requireMember(caller);
        return mailboxes.inbox(caller.account(), after, limit);
    }

    @Override
    public MailPage sent(Caller caller, Optional<PrivateMessageId> after, int limit) {
        requireMember(caller);
        return mailboxes.sent(caller.account(), after, limit);
    }

    @Override
    public OpenedMessage read(Caller caller, PrivateMessageId id, Origin origin) {
        var inSession = member(caller, origin);
        return Retried.onConflict(ATTEMPTS, () -> {
            var at = clock.instant();
            var decision = Decision.make(log, MailStreams.message(id), new PrivateMessageDecider(id), PrivateMessageEvent.class,
                    new PrivateMessageCommand.Open(caller.account(), at));
            var state = (PrivateMessageState.Sent) decision.before();                  // the decider refused anything but a sent message
            if (!decision.isEmpty()) {
                log.append(decision.toAppend(), EventMetadata.of(caller.actor(), inSession, at));
                decision.events().forEach(mailboxes::apply);
            }
            var readAt = state.readAt().or(() -> decision.isEmpty() ? Optional.empty() : Optional.of(at));
            var sent = state.sent();
            return new OpenedMessage(id, sent.senderHandle(), sent.recipientHandle(), sent.subject(), sent.body(), sent.at(),
                    readAt, sent.inReplyTo(), state.sideOf(caller.account()).orElseThrow());
        });
    }

    @Override
    public void delete(Caller caller, PrivateMessageId id, Origin origin) {
        var inSession = member(caller, origin);
        Retried.onConflict(ATTEMPTS, () -> {
            var at = clock.instant();
            var decision = Decision.make(log, MailStreams.message(id), new PrivateMessageDecider(id), PrivateMessageEvent.class,
                    new PrivateMessageCommand.DeleteForMe(caller.account(), at));
            if (decision.isEmpty()) return;                       // deleted before: nothing to record
            log.append(decision.toAppend(), EventMetadata.of(caller.actor(), inSession, at));
            decision.events().forEach(mailboxes::apply);
        });
    }

    /** Refuses API keys and non-members; the origin in the caller's session. */
    private static Origin member(Caller caller, Origin origin) {
        requireMember(caller);
        return origin.inSession(caller.session());
    }

    private static void requireMember(Caller caller) {
        caller.session();                                           // refuses an API key
        AccessDenied.unlessAny(caller, Role.MEMBER, Role.SYSOP);
    }

    /** The message a reply answers, which the sender must be able to read. */
    private PrivateMessageState.Sent original(AccountId sender, PrivateMessageId id) {
        var loaded = Loaded.load(log, MailStreams.message(id), new PrivateMessageDecider(id), PrivateMessageEvent.class);
        if (loaded.state() instanceof PrivateMessageState.Sent s && s.sideOf(sender).isPresent()) return s;
        throw new MailRejected(new UnknownOriginal(id));
    }

    private static Handle otherParty(PrivateMessageState.Sent original, AccountId me) {
        return original.sent().sender().equals(me) ? original.sent().recipientHandle() : original.sent().senderHandle();
    }

    private record Recipient(AccountId account, Handle handle) {}

    /** The verified account behind {@code handle}, with the handle as it chose to spell it. */
    private Recipient memberBehind(Handle handle) {
        var account = HandleLookup.accountOf(log, handle)
                .orElseThrow(() -> new MailRejected(new UnknownRecipient(handle)));
        var state = Loaded.load(log, AccountStreams.account(account), new AccountDecider(), AccountEvent.class).state();
        if (state instanceof AccountState.Registered r
                && (r.effectiveRoles().contains(Role.MEMBER) || r.effectiveRoles().contains(Role.SYSOP))) {
            return new Recipient(account, r.handle());
        }
        throw new MailRejected(new UnknownRecipient(handle));
    }

}

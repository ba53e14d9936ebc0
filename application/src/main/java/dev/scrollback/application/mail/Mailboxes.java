package dev.scrollback.application.mail;

import dev.scrollback.application.shared.ProjectionSnapshot;
import dev.scrollback.application.shared.ProjectionState;
import dev.scrollback.application.shared.Rebuildable;
import dev.scrollback.application.shared.RecordedEvent;
import dev.scrollback.domain.mail.MailSubject;
import dev.scrollback.domain.accounts.AccountEvent;
import dev.scrollback.domain.shared.DomainEvent;
import dev.scrollback.domain.mail.PrivateMessageEvent;
import dev.scrollback.domain.mail.PrivateMessageEvent.MailboxSide;
import dev.scrollback.domain.mail.PrivateMessageEvent.PrivateMessageDeleted;
import dev.scrollback.domain.mail.PrivateMessageEvent.PrivateMessageRead;
import dev.scrollback.domain.mail.PrivateMessageEvent.PrivateMessageSent;
import dev.scrollback.domain.mail.PrivateMessageId;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.InvalidValue;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Projection: every account's inbox and sent mail (subjects and flags, never bodies: reading a message loads its
 * stream), for listings and unread counts. Fed from the log and rebuilt at every start; the use cases also apply what
 * they append, so the caller sees their own change at once. Applying is idempotent (a message is added once, a read
 * time is kept once, a deletion is final), so the processor applying the same events again changes nothing.
 */
@Named
public final class Mailboxes {
    /** Newest first; the id breaks ties within one instant. */
    private static final Comparator<Entry> NEWEST_FIRST =
            Comparator.comparing((Entry e) -> e.sentAt).thenComparing(e -> e.id.value()).reversed();

    /** One message as the listings see it; the key fields never change, the flags only once each. */
    private static final class Entry {
        final PrivateMessageId id;
        final AccountId sender;
        final Handle senderHandle;
        final AccountId recipient;
        final Handle recipientHandle;
        /** Replaced by the erased subject when the sender is erased. */
        MailSubject subject;
        final Instant sentAt;
        final Optional<PrivateMessageId> inReplyTo;
        boolean read;
        boolean deletedBySender;
        boolean deletedByRecipient;

        Entry(PrivateMessageSent e) {
            id = e.message();
            sender = e.sender();
            senderHandle = e.senderHandle();
            recipient = e.recipient();
            recipientHandle = e.recipientHandle();
            subject = e.subject();
            sentAt = e.at();
            inReplyTo = e.inReplyTo();
        }

        MailSummary summary() {
            return new MailSummary(id, senderHandle, recipientHandle, subject, sentAt, read, inReplyTo);
        }
    }

    private final Rebuildable<State> state = new Rebuildable<>(State::new);

    /** Every mailbox, swapped whole when rebuilt; guarded by its own lock. */
    static final class State implements ProjectionState {
        private final Map<PrivateMessageId, Entry> messages = new HashMap<>();
        private final Map<AccountId, NavigableSet<Entry>> inboxes = new HashMap<>();
        private final Map<AccountId, NavigableSet<Entry>> sentMail = new HashMap<>();

        synchronized void apply(PrivateMessageEvent event) {
            switch (event) {
                case PrivateMessageSent e -> {
                    if (messages.containsKey(e.message())) return;
                    var entry = new Entry(e);
                    messages.put(e.message(), entry);
                    inboxes.computeIfAbsent(e.recipient(), a -> new TreeSet<>(NEWEST_FIRST)).add(entry);
                    sentMail.computeIfAbsent(e.sender(), a -> new TreeSet<>(NEWEST_FIRST)).add(entry);
                }
                case PrivateMessageRead e -> {
                    var entry = messages.get(e.message());
                    if (entry != null) entry.read = true;
                }
                case PrivateMessageDeleted e -> {
                    var entry = messages.get(e.message());
                    if (entry == null) return;
                    if (e.side() == MailboxSide.SENDER) entry.deletedBySender = true;
                    else entry.deletedByRecipient = true;
                }
            }
        }

        /** Who sent {@code message}, if this projection has seen it (for read receipts on live connections). */
        synchronized Optional<AccountId> senderOf(PrivateMessageId message) {
            return Optional.ofNullable(messages.get(message)).map(entry -> entry.sender);
        }

        /** The account's inbox after {@code after}, newest first, at most {@code limit}. */
        synchronized MailPage inbox(AccountId account, Optional<PrivateMessageId> after, int limit) {
            return page(inboxes.get(account), after, limit, e -> !e.deletedByRecipient, unreadOf(account));
        }

        /** What the account sent after {@code after}, newest first, at most {@code limit}. */
        synchronized MailPage sent(AccountId account, Optional<PrivateMessageId> after, int limit) {
            return page(sentMail.get(account), after, limit, e -> !e.deletedBySender, unreadOf(account));
        }

        /** Messages in the account's inbox they have not opened (nor deleted). */
        synchronized int unread(AccountId account) {
            return unreadOf(account);
        }

        private int unreadOf(AccountId account) {
            var inbox = inboxes.get(account);
            if (inbox == null) return 0;
            int count = 0;
            for (var entry : inbox) if (!entry.read && !entry.deletedByRecipient) count++;
            return count;
        }

        private MailPage page(NavigableSet<Entry> box, Optional<PrivateMessageId> after, int limit, Predicate<Entry> shown, int unread) {
            if (limit < 1 || limit > MailPage.MAX_LIMIT) {
                throw new InvalidValue("limit", "must be a whole number from 1 to " + MailPage.MAX_LIMIT);
            }
            NavigableSet<Entry> from = box == null ? new TreeSet<>(NEWEST_FIRST) : box;
            if (after.isPresent()) {
                // Only a message of this very listing is a cursor (a deleted one still is, so deleting while paging works);
                // anyone else's id says nothing, not even that it exists.
                var cursor = messages.get(after.get());
                if (cursor == null || box == null || !box.contains(cursor)) {
                    throw new InvalidValue("cursor", "is not a position in this mailbox");
                }
                from = box.tailSet(cursor, false);
            }
            var found = new ArrayList<MailSummary>();
            Optional<PrivateMessageId> next = Optional.empty();
            for (var entry : from) {
                if (!shown.test(entry)) continue;
                if (found.size() == limit) {
                    next = Optional.of(found.getLast().id());
                    break;
                }
                found.add(entry.summary());
            }
            return new MailPage(found, unread, next);
        }

        @Override
        public void apply(RecordedEvent recorded) {
            feed(recorded.event());
        }

        /** Takes any event of the log, in log order: mail is applied, a sender's erasure masks their subjects. */
        void feed(DomainEvent event) {
            switch (event) {
                case PrivateMessageEvent e -> apply(e);
                case AccountEvent.AccountErased e -> forgetSubjectsOf(e.account());
                default -> { }                                          // not this projection's business
            }
        }

        /**
         * The subjects an erased caller wrote read back erased from the log (decision 0021: mail is sealed under its
         * sender's key); the listings held here show the same at once, rather than after a restart.
         */
        private synchronized void forgetSubjectsOf(AccountId sender) {
            var sent = sentMail.get(sender);
            if (sent != null) for (var entry : sent) entry.subject = MailSubject.ERASED;
        }

        @Override
        public synchronized ProjectionSnapshot snapshot() {
            var snapshot = ProjectionSnapshot.builder();
            messages.forEach((id, e) -> snapshot.put("message/" + id, List.of(e.sender, e.senderHandle, e.recipient,
                    e.recipientHandle, e.subject, e.sentAt, e.inReplyTo, e.read, e.deletedBySender, e.deletedByRecipient)));
            inboxes.forEach((account, box) -> snapshot.put("inbox/" + account, box.stream().map(e -> e.id).toList()));
            sentMail.forEach((account, box) -> snapshot.put("sent/" + account, box.stream().map(e -> e.id).toList()));
            return snapshot.build();
        }
    }

    public void apply(PrivateMessageEvent event) {
        state.live().apply(event);
    }

    /** The mailboxes' state, for rebuilding them (the persistence adapter's processors feed {@code live()}). */
    public Rebuildable<?> rebuildable() {
        return state;
    }

    /** Who sent {@code message}, if this projection has seen it (for read receipts on live connections). */
    public Optional<AccountId> senderOf(PrivateMessageId message) {
        return state.live().senderOf(message);
    }

    /** The account's inbox after {@code after}, newest first, at most {@code limit}. */
    public MailPage inbox(AccountId account, Optional<PrivateMessageId> after, int limit) {
        return state.live().inbox(account, after, limit);
    }

    /** What the account sent after {@code after}, newest first, at most {@code limit}. */
    public MailPage sent(AccountId account, Optional<PrivateMessageId> after, int limit) {
        return state.live().sent(account, after, limit);
    }

    /** Messages in the account's inbox they have not opened (nor deleted). */
    public int unread(AccountId account) {
        return state.live().unread(account);
    }
}

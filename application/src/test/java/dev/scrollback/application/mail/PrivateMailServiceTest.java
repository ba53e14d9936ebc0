package dev.scrollback.application.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.scrollback.application.accounts.AccessDenied;
import dev.scrollback.application.accounts.AccountStreams;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.accounts.CredentialDenied;
import dev.scrollback.application.shared.Actor;
import dev.scrollback.application.shared.ControlledClock;
import dev.scrollback.application.shared.CountingRateLimiter;
import dev.scrollback.application.shared.EventMetadata;
import dev.scrollback.application.shared.ExpectedVersion;
import dev.scrollback.application.shared.InMemoryEventLog;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.RateLimited;
import dev.scrollback.application.shared.RecordedEvent;
import dev.scrollback.application.shared.StreamAppend;
import dev.scrollback.domain.accounts.AccountEvent.AccountRegistered;
import dev.scrollback.domain.accounts.AccountEvent.EmailVerified;
import dev.scrollback.domain.accounts.ApiKeyId;
import dev.scrollback.domain.accounts.HandleEvent.HandleClaimed;
import dev.scrollback.domain.accounts.PasswordHash;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.accounts.Scope;
import dev.scrollback.domain.mail.MailBody;
import dev.scrollback.domain.mail.MailRejected;
import dev.scrollback.domain.mail.MailRejected.CannotMailYourself;
import dev.scrollback.domain.mail.MailRejected.NoSuchMessage;
import dev.scrollback.domain.mail.MailRejected.UnknownOriginal;
import dev.scrollback.domain.mail.MailRejected.UnknownRecipient;
import dev.scrollback.domain.mail.MailSubject;
import dev.scrollback.domain.mail.PrivateMessageEvent.MailboxSide;
import dev.scrollback.domain.mail.PrivateMessageEvent.PrivateMessageDeleted;
import dev.scrollback.domain.mail.PrivateMessageEvent.PrivateMessageRead;
import dev.scrollback.domain.mail.PrivateMessageEvent.PrivateMessageSent;
import dev.scrollback.domain.mail.PrivateMessageId;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.InvalidValue;
import dev.scrollback.domain.shared.RemoteAddress;
import dev.scrollback.domain.shared.SessionId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PrivateMailServiceTest {
    static final Instant T0 = Instant.parse("2025-03-01T20:00:00Z");
    static final Origin WEB = Origin.of(Channel.WEB, new RemoteAddress("192.0.2.7"));

    final InMemoryEventLog log = new InMemoryEventLog();
    final ControlledClock clock = new ControlledClock(T0);
    final Mailboxes mailboxes = new Mailboxes();
    final PrivateMailService mail = new PrivateMailService(log, clock, mailboxes, new CountingRateLimiter(clock));

    /** An account on the log as the accounts capability leaves it: handle claimed, registered, verified if a member. */
    Caller account(String handle, boolean verified) {
        var account = new AccountId(UUID.randomUUID());
        var name = new Handle(handle);
        var meta = EventMetadata.of(Actor.system(), Origin.system(), clock.instant());
        log.append(new StreamAppend(AccountStreams.handle(name), ExpectedVersion.noStream(),
                List.of(new HandleClaimed(name, account, T0))), meta);
        var events = verified
                ? List.of(new AccountRegistered(account, name, Optional.empty(), new PasswordHash("$x$hash"), T0), new EmailVerified(account, T0))
                : List.of(new AccountRegistered(account, name, Optional.empty(), new PasswordHash("$x$hash"), T0));
        log.append(new StreamAppend(AccountStreams.account(account), ExpectedVersion.noStream(), events), meta);
        return new Caller(account, name, new SessionId(UUID.randomUUID()), Set.of(verified ? Role.MEMBER : Role.GUEST));
    }

    Caller member(String handle) {
        return account(handle, true);
    }

    SendPrivateMessage.Sent send(Caller from, String to, String subject) {
        return mail.send(from, SendPrivateMessage.Command.to(new Handle(to), new MailSubject(subject), new MailBody("Hello " + to)), WEB);
    }

    List<RecordedEvent> since(long position) {
        return log.readAfter(position, 10_000);
    }

    @Test
    void a_member_writes_to_a_handle_and_the_recipient_sees_it_unread_in_their_inbox() {
        var alice = member("Alice");
        var bob = member("Bob");
        long before = log.lastPosition();

        var sent = send(alice, "bob", "Lunch?");

        assertThat(sent.to().value()).as("the recipient's own spelling").isEqualTo("Bob");
        var recorded = since(before);
        assertThat(recorded).hasSize(1);
        assertThat(recorded.getFirst().stream()).isEqualTo(MailStreams.message(sent.id()));
        assertThat(recorded.getFirst().stream().value()).startsWith("mail-");
        assertThat(recorded.getFirst().metadata().actor()).isEqualTo(alice.actor());
        assertThat(recorded.getFirst().metadata().origin()).isEqualTo(WEB.inSession(alice.session()));
        var fact = (PrivateMessageSent) recorded.getFirst().event();
        assertThat(fact.sender()).isEqualTo(alice.account());
        assertThat(fact.recipient()).isEqualTo(bob.account());

        var inbox = mail.inbox(bob, Optional.empty(), 20);
        assertThat(inbox.unread()).isEqualTo(1);
        assertThat(inbox.messages()).singleElement().satisfies(m -> {
            assertThat(m.from().value()).isEqualTo("Alice");
            assertThat(m.subject().value()).isEqualTo("Lunch?");
            assertThat(m.read()).isFalse();
        });
        assertThat(mail.inbox(alice, Optional.empty(), 20).messages()).isEmpty();
        assertThat(mail.sent(alice, Optional.empty(), 20).messages()).extracting(MailSummary::id).containsExactly(sent.id());
    }

    @Test
    void the_recipients_first_reading_is_recorded_once_and_the_sender_sees_the_receipt() {
        var alice = member("Alice");
        var bob = member("Bob");
        var sent = send(alice, "Bob", "Lunch?");
        clock.advance(Duration.ofMinutes(3));
        long before = log.lastPosition();

        var opened = mail.read(bob, sent.id(), WEB);
        mail.read(bob, sent.id(), WEB);
        mail.read(alice, sent.id(), WEB);

        assertThat(opened.body().value()).isEqualTo("Hello Bob");
        assertThat(opened.side()).isEqualTo(MailboxSide.RECIPIENT);
        assertThat(opened.readAt()).contains(clock.instant());
        var recorded = since(before);
        assertThat(recorded).singleElement().satisfies(r -> {
            assertThat(r.event()).isEqualTo(new PrivateMessageRead(sent.id(), bob.account(), clock.instant()));
            assertThat(r.metadata().actor()).isEqualTo(bob.actor());
            assertThat(r.metadata().origin()).isEqualTo(WEB.inSession(bob.session()));
        });
        assertThat(mail.inbox(bob, Optional.empty(), 20).unread()).isZero();
        assertThat(mail.sent(alice, Optional.empty(), 20).messages().getFirst().read()).isTrue();
    }

    @Test
    void nobody_else_reads_or_deletes_a_message_and_they_learn_nothing_about_it() {
        var alice = member("Alice");
        member("Bob");
        var mallory = member("Mallory");
        var sent = send(alice, "Bob", "Secret");
        long before = log.lastPosition();

        for (var attempt : List.<Runnable>of(() -> mail.read(mallory, sent.id(), WEB), () -> mail.delete(mallory, sent.id(), WEB),
                () -> mail.read(mallory, new PrivateMessageId(UUID.randomUUID()), WEB))) {
            assertThat(catchThrowableOfType(MailRejected.class, attempt::run).reason()).isInstanceOf(NoSuchMessage.class);
        }
        var cursor = catchThrowableOfType(InvalidValue.class, () -> mail.inbox(mallory, Optional.of(sent.id()), 20));
        assertThat(cursor.field()).isEqualTo("cursor");
        assertThat(since(before)).isEmpty();
    }

    @Test
    void deleting_for_me_hides_only_my_copy_once() {
        var alice = member("Alice");
        var bob = member("Bob");
        var sent = send(alice, "Bob", "Lunch?");
        long before = log.lastPosition();

        mail.delete(bob, sent.id(), WEB);
        mail.delete(bob, sent.id(), WEB);

        assertThat(since(before)).extracting(RecordedEvent::event)
                .containsExactly(new PrivateMessageDeleted(sent.id(), bob.account(), MailboxSide.RECIPIENT, T0));
        assertThat(mail.inbox(bob, Optional.empty(), 20).messages()).isEmpty();
        assertThat(mail.inbox(bob, Optional.empty(), 20).unread()).isZero();
        assertThat(catchThrowableOfType(MailRejected.class, () -> mail.read(bob, sent.id(), WEB)).reason())
                .isEqualTo(new NoSuchMessage(sent.id()));
        assertThat(mail.sent(alice, Optional.empty(), 20).messages()).hasSize(1);
        assertThat(mail.read(alice, sent.id(), WEB).side()).isEqualTo(MailboxSide.SENDER);
    }

    @Test
    void a_reply_goes_to_the_other_party_under_re_and_names_the_original() {
        var alice = member("Alice");
        var bob = member("Bob");
        var sent = send(alice, "Bob", "Lunch?");

        var reply = mail.send(bob, SendPrivateMessage.Command.replyTo(sent.id(), new MailBody("Sure.")), WEB);
        var again = mail.send(alice, SendPrivateMessage.Command.replyTo(reply.id(), new MailBody("Great.")), WEB);

        assertThat(reply.to().value()).isEqualTo("Alice");
        assertThat(reply.subject().value()).isEqualTo("Re: Lunch?");
        assertThat(reply.inReplyTo()).contains(sent.id());
        assertThat(again.to().value()).isEqualTo("Bob");
        assertThat(again.subject().value()).isEqualTo("Re: Lunch?");
        assertThat(mail.inbox(alice, Optional.empty(), 20).messages().getFirst().inReplyTo()).contains(sent.id());
    }

    @Test
    void a_reply_to_a_message_the_sender_cannot_read_is_refused() {
        var alice = member("Alice");
        member("Bob");
        var mallory = member("Mallory");
        var sent = send(alice, "Bob", "Lunch?");

        var refused = catchThrowableOfType(MailRejected.class,
                () -> mail.send(mallory, SendPrivateMessage.Command.replyTo(sent.id(), new MailBody("Hi")), WEB));
        assertThat(refused.reason()).isEqualTo(new UnknownOriginal(sent.id()));
    }

    @Test
    void an_unknown_handle_an_unverified_account_and_oneself_are_refused() {
        var alice = member("Alice");
        account("Newbie", false);

        assertThat(catchThrowableOfType(MailRejected.class, () -> send(alice, "Nobody", "Hi")).reason())
                .isEqualTo(new UnknownRecipient(new Handle("Nobody")));
        assertThat(catchThrowableOfType(MailRejected.class, () -> send(alice, "Newbie", "Hi")).reason())
                .isEqualTo(new UnknownRecipient(new Handle("Newbie")));
        assertThat(catchThrowableOfType(MailRejected.class, () -> send(alice, "alice", "Hi")).reason())
                .isEqualTo(new CannotMailYourself());
    }

    @Test
    void guests_and_api_keys_have_no_mail() {
        member("Bob");
        var guest = account("Newbie", false);
        var member = member("Alice");
        var withKey = Caller.withApiKey(member.account(), member.handle(), new ApiKeyId(UUID.randomUUID()),
                Set.of(Scope.BOARDS_WRITE, Scope.EVENTS_READ), Set.of(Role.MEMBER));

        assertThat(catchThrowableOfType(AccessDenied.class, () -> send(guest, "Bob", "Hi"))).isNotNull();
        assertThat(catchThrowableOfType(AccessDenied.class, () -> mail.inbox(guest, Optional.empty(), 20))).isNotNull();
        for (var attempt : List.<Runnable>of(() -> send(withKey, "Bob", "Hi"), () -> mail.inbox(withKey, Optional.empty(), 20),
                () -> mail.sent(withKey, Optional.empty(), 20), () -> mail.read(withKey, new PrivateMessageId(UUID.randomUUID()), WEB),
                () -> mail.delete(withKey, new PrivateMessageId(UUID.randomUUID()), WEB))) {
            assertThat(catchThrowableOfType(CredentialDenied.class, attempt::run)).isNotNull();
        }
    }

    @Test
    void sending_is_limited_per_account() {
        var alice = member("Alice");
        var carol = member("Carol");
        member("Bob");
        for (int i = 0; i < SendPrivateMessage.PER_HOUR; i++) send(alice, "Bob", "Spam " + i);

        assertThat(catchThrowableOfType(RateLimited.class, () -> send(alice, "Bob", "One more"))).isNotNull();
        assertThat(send(carol, "Bob", "Hi").id()).as("others are not held up").isNotNull();
        clock.advance(SendPrivateMessage.WINDOW);
        assertThat(send(alice, "Bob", "Later").id()).isNotNull();
    }

    @Test
    void the_inbox_pages_newest_first_with_a_cursor_and_counts_all_unread() {
        var alice = member("Alice");
        var bob = member("Bob");
        var ids = new java.util.ArrayList<PrivateMessageId>();
        for (int i = 0; i < 5; i++) {
            ids.add(send(alice, "Bob", "Message " + i).id());
            clock.advance(Duration.ofSeconds(1));
        }

        var first = mail.inbox(bob, Optional.empty(), 2);
        var second = mail.inbox(bob, first.next(), 2);
        var third = mail.inbox(bob, second.next(), 2);

        assertThat(first.messages()).extracting(MailSummary::id).containsExactly(ids.get(4), ids.get(3));
        assertThat(second.messages()).extracting(MailSummary::id).containsExactly(ids.get(2), ids.get(1));
        assertThat(third.messages()).extracting(MailSummary::id).containsExactly(ids.get(0));
        assertThat(third.next()).isEmpty();
        assertThat(first.unread()).isEqualTo(5);
        for (int bad : new int[] {0, -1, MailPage.MAX_LIMIT + 1}) {
            assertThat(catchThrowableOfType(InvalidValue.class, () -> mail.inbox(bob, Optional.empty(), bad)).field()).isEqualTo("limit");
        }
    }

    @Test
    void the_projection_fed_from_the_log_agrees_with_what_the_use_cases_applied() {
        var alice = member("Alice");
        var bob = member("Bob");
        var sent = send(alice, "Bob", "Lunch?");
        mail.read(bob, sent.id(), WEB);
        send(bob, "Alice", "Other");
        mail.delete(alice, sent.id(), WEB);

        var rebuilt = new Mailboxes();
        for (var event : log.readAfter(0, 10_000)) {
            if (event.event() instanceof dev.scrollback.domain.mail.PrivateMessageEvent e) {
                rebuilt.apply(e);
                rebuilt.apply(e);                                   // applying twice changes nothing
            }
        }
        for (var who : List.of(alice, bob)) {
            assertThat(rebuilt.inbox(who.account(), Optional.empty(), 20)).isEqualTo(mailboxes.inbox(who.account(), Optional.empty(), 20));
            assertThat(rebuilt.sent(who.account(), Optional.empty(), 20)).isEqualTo(mailboxes.sent(who.account(), Optional.empty(), 20));
        }
        assertThat(rebuilt.unread(alice.account())).isEqualTo(1);
        assertThat(rebuilt.sent(alice.account(), Optional.empty(), 20).messages()).isEmpty();
    }
}

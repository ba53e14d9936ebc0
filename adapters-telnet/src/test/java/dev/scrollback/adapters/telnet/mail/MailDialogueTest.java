package dev.scrollback.adapters.telnet.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.telnet.MemoryConnection;
import dev.scrollback.adapters.telnet.editor.Composer;
import dev.scrollback.adapters.telnet.shared.CallerConsole;
import dev.scrollback.adapters.telnet.shared.ScreenSize;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.mail.MailPage;
import dev.scrollback.application.mail.MailSummary;
import dev.scrollback.application.mail.ReadPrivateMessage.OpenedMessage;
import dev.scrollback.application.mail.SendPrivateMessage;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.mail.MailBody;
import dev.scrollback.domain.mail.MailRejected;
import dev.scrollback.domain.mail.MailSubject;
import dev.scrollback.domain.mail.PrivateMessageEvent.MailboxSide;
import dev.scrollback.domain.mail.PrivateMessageId;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.SessionId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The mail screen driven through the console: listing, reading, replying, deleting, writing; use cases faked. Input is
 * all there at once, so an Enter right after a hotkey is swallowed (as a line-mode client's would be).
 */
class MailDialogueTest {
    static final Instant T0 = Instant.parse("2025-03-01T20:00:00Z");
    static final Caller BOB = new Caller(new AccountId(UUID.randomUUID()), new Handle("Bob"), new SessionId(UUID.randomUUID()),
            Set.of(Role.MEMBER));

    /** A message in Bob's inbox, as the fake keeps it. */
    static final class Held {
        final PrivateMessageId id = new PrivateMessageId(UUID.randomUUID());
        final String from;
        final String subject;
        final String body;
        final Instant at;
        boolean read;
        boolean deleted;

        Held(String from, String subject, String body, Instant at) {
            this.from = from;
            this.subject = subject;
            this.body = body;
            this.at = at;
        }

        MailSummary summary() {
            return new MailSummary(id, new Handle(from), BOB.handle(), new MailSubject(subject), at, read, Optional.empty());
        }
    }

    final List<Held> inbox = new CopyOnWriteArrayList<>();
    final List<SendPrivateMessage.Command> sent = new CopyOnWriteArrayList<>();
    int height = 24;

    MailScreen screen() {
        return new MailScreen(
                (caller, command, origin) -> {
                    if (command.to().filter(h -> h.value().equals("Nobody")).isPresent()) {
                        throw new MailRejected(new MailRejected.UnknownRecipient(command.to().get()));
                    }
                    sent.add(command);
                    return new SendPrivateMessage.Sent(new PrivateMessageId(UUID.randomUUID()), command.to().orElse(new Handle("Alice")),
                            command.subject().orElse(new MailSubject("Re: x")), T0, command.inReplyTo());
                },
                (caller, after, limit) -> page(after, limit),
                (caller, after, limit) -> new MailPage(List.of(), unread(), Optional.empty()),
                (caller, id, origin) -> {
                    var held = find(id);
                    held.read = true;
                    return new OpenedMessage(id, new Handle(held.from), BOB.handle(), new MailSubject(held.subject),
                            new MailBody(held.body), held.at, Optional.of(T0), Optional.empty(), MailboxSide.RECIPIENT);
                },
                (caller, id, origin) -> find(id).deleted = true,
                Composer.lineEditorFirst());
    }

    Held find(PrivateMessageId id) {
        return inbox.stream().filter(h -> h.id.equals(id) && !h.deleted).findFirst()
                .orElseThrow(() -> new MailRejected(new MailRejected.NoSuchMessage(id)));
    }

    int unread() {
        return (int) inbox.stream().filter(h -> !h.read && !h.deleted).count();
    }

    /** Newest first: the list is kept newest first. */
    MailPage page(Optional<PrivateMessageId> after, int limit) {
        var shown = inbox.stream().filter(h -> !h.deleted).toList();
        int from = after.map(id -> {
            for (int i = 0; i < shown.size(); i++) if (shown.get(i).id.equals(id)) return i + 1;
            return shown.size();
        }).orElse(0);
        var slice = shown.subList(from, Math.min(shown.size(), from + limit));
        var next = from + limit < shown.size() ? Optional.of(slice.getLast().id) : Optional.<PrivateMessageId>empty();
        return new MailPage(slice.stream().map(Held::summary).toList(), unread(), next);
    }

    String dialogue(String typed) {
        var connection = new MemoryConnection(typed);
        try (var console = CallerConsole.open(connection.input(), connection.output(), () -> new ScreenSize(80, height),
                connection::close, "mail-dialogue-test")) {
            screen().run(console, BOB, connection.origin());
        }
        return connection.written();
    }

    @Test
    void the_inbox_marks_unread_mail_and_reading_shows_the_whole_message() {
        inbox.add(new Held("Alice", "Lunch?", "Noon?\n\tAt the usual place.", T0));

        var screen = dialogue("i1\rqq\rq");

        assertThat(screen).contains("Mail: 1 unread").contains("Inbox (1 unread in your inbox)")
                .containsPattern("1 \\*  Alice\\s+2025-03-01 20:00  Lunch\\?")
                .contains("From:    Alice").contains("Subject: Lunch?").contains("Noon?\r\n    At the usual place.")
                .contains("[N] Next  [P] Previous  [R] Reply  [D] Delete  [Q] Quit");
        assertThat(inbox.getFirst().read).isTrue();
    }

    @Test
    void the_reader_moves_next_and_previous_and_deletes_for_me() {
        inbox.add(new Held("Alice", "Second", "two", T0.plusSeconds(60)));
        inbox.add(new Held("Carol", "First", "one", T0));

        var screen = dialogue("i1\rnpdyqq\rq");

        assertThat(screen).contains("Message 1 of 2").contains("Message 2 of 2").contains("Deleted.");
        assertThat(inbox.get(0).deleted).isTrue();
        assertThat(inbox.get(1).deleted).isFalse();
    }

    @Test
    void a_reply_starts_from_the_quote_and_goes_to_the_original() {
        inbox.add(new Held("Alice", "Lunch?", "Noon?", T0));

        var screen = dialogue("i1\rr/d 1\rSure.\r\tSee you.\r/s\rqq\rq");

        assertThat(screen).contains("Reply to Alice, subject: Re: Lunch?").contains("  1: > Noon?")
                .contains("Line 1 deleted.").contains("Sent to Alice.");
        assertThat(sent).singleElement().satisfies(c -> {
            assertThat(c.inReplyTo()).contains(inbox.getFirst().id);
            assertThat(c.body().value()).isEqualTo("Sure.\nSee you.");
        });
    }

    @Test
    void writing_asks_for_the_recipient_and_subject_and_abort_sends_nothing() {
        var screen = dialogue("wCarol\rHello there\rLine one\r\rLine three\r/s\r"
                + "wCarol\rNever mind\rdraft\r/a\r"
                + "wNobody\rHi\rhello\r/s\r"
                + "w \rq");

        assertThat(sent).singleElement().satisfies(c -> {
            assertThat(c.to()).contains(new Handle("Carol"));
            assertThat(c.subject()).contains(new MailSubject("Hello there"));
            assertThat(c.body().value()).isEqualTo("Line one\n\nLine three");
        });
        assertThat(screen).contains("Sent to Carol.").contains("Discarded.")
                .contains("No member goes by the handle Nobody").contains("Nothing was sent.");
    }

    @Test
    void an_empty_message_or_a_bad_handle_sends_nothing() {
        var screen = dialogue("wCarol\rHi\r/s\r/a\r" + "wnot a handle!\r" + "q");

        assertThat(sent).isEmpty();
        assertThat(screen).contains("The message is required. Still editing").contains("Nothing was sent.").contains("No member goes by that handle.");
    }

    @Test
    void a_long_inbox_is_paged_to_the_window_height() {
        height = 10;                                                   // five messages a page
        for (int i = 12; i >= 1; i--) inbox.add(new Held("Alice", "Message " + i, "body " + i, T0.plusSeconds(i)));

        var screen = dialogue("in\rn\rn\rp\rq\rq");

        assertThat(screen).contains("Message 12").contains("Message 8").contains(", page 2").contains("Message 3")
                .contains(", page 3").contains("This is the last page.");
        var firstPage = screen.substring(0, screen.indexOf(", page 2"));
        assertThat(firstPage).contains("Message 8").doesNotContain("Message 7");
    }

    @Test
    void members_and_sysops_are_offered_mail_with_the_unread_count_and_guests_are_not() {
        var guest = new Caller(new AccountId(UUID.randomUUID()), new Handle("Newbie"), new SessionId(UUID.randomUUID()), Set.of(Role.GUEST));
        var sysop = new Caller(new AccountId(UUID.randomUUID()), new Handle("Keeper"), new SessionId(UUID.randomUUID()), Set.of(Role.SYSOP));

        assertThat(screen().offeredTo(BOB)).isTrue();
        assertThat(screen().offeredTo(sysop)).isTrue();
        assertThat(screen().offeredTo(guest)).isFalse();
        assertThat(screen().label(BOB)).isEqualTo("Mail");
        inbox.add(new Held("Alice", "Lunch?", "Noon?", T0));
        inbox.add(new Held("Alice", "Dinner?", "Eight?", T0));
        assertThat(screen().label(BOB)).isEqualTo("Mail (2 unread)");
    }

    @Test
    void an_empty_inbox_says_so() {
        assertThat(dialogue("iq")).contains("Your inbox is empty.");
    }

    @Test
    void rows_fit_the_window_and_long_subjects_are_cut() {
        assertThat(MailScreen.fit("a very long subject indeed", 10)).isEqualTo("a very lo~");
        assertThat(MailScreen.fit("short", 8)).isEqualTo("short   ");
        var lines = new ArrayList<>(MailScreen.show(new OpenedMessage(new PrivateMessageId(UUID.randomUUID()), new Handle("Alice"),
                BOB.handle(), new MailSubject("Hi"), new MailBody("x"), T0, Optional.empty(), Optional.empty(), MailboxSide.SENDER), 1, 1));
        assertThat(lines).contains("Read:    not yet");
    }
}

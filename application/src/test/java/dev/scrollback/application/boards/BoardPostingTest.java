package dev.scrollback.application.boards;

import static dev.scrollback.application.boards.BoardsFixture.WEB;
import static dev.scrollback.application.boards.BoardsFixture.member;
import static dev.scrollback.application.boards.BoardsFixture.moderator;
import static dev.scrollback.application.boards.BoardsFixture.sysop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.scrollback.application.accounts.AccessDenied;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.shared.RateLimited;
import dev.scrollback.application.shared.RecordedEvent;
import dev.scrollback.domain.boards.BoardAccess;
import dev.scrollback.domain.boards.BoardId;
import dev.scrollback.domain.boards.BoardRejected;
import dev.scrollback.domain.boards.BoardRejected.EditWindowClosed;
import dev.scrollback.domain.boards.BoardRejected.MessageWasDeleted;
import dev.scrollback.domain.boards.BoardRejected.NoSuchMessage;
import dev.scrollback.domain.boards.BoardRejected.NoSuchThread;
import dev.scrollback.domain.boards.BoardRejected.NotTheAuthor;
import dev.scrollback.domain.boards.BoardRejected.ThreadIsLocked;
import dev.scrollback.domain.boards.MessageBody;
import dev.scrollback.domain.boards.MessageEvent.MessageDeleted;
import dev.scrollback.domain.boards.MessageEvent.MessageEdited;
import dev.scrollback.domain.boards.MessageEvent.MessagePosted;
import dev.scrollback.domain.boards.MessageEvent.ThreadLocked;
import dev.scrollback.domain.boards.MessageId;
import dev.scrollback.domain.boards.Subject;
import dev.scrollback.domain.boards.ThreadDecider;
import dev.scrollback.domain.boards.ThreadId;
import dev.scrollback.domain.shared.InvalidValue;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Threads and replies, edits within the window, and what moderators do. */
class BoardPostingTest {
    final BoardsFixture f = new BoardsFixture();
    final Caller root = sysop("Keeper");
    final Caller alice = member("Alice");
    final Caller bob = member("Bob");
    final Caller mod = moderator("Mod");
    final BoardId lobby = f.board(root, "General", "Lobby", BoardAccess.members());

    @Test
    void a_member_starts_a_thread_and_it_is_listed_and_read_with_its_number() {
        long before = f.log.lastPosition();

        var posted = f.start(alice, lobby, "Hello", "Hi all\r\nGlad to be here\n\n");

        assertThat(f.since(before)).singleElement().satisfies(r -> {
            assertThat(r.stream()).isEqualTo(BoardStreams.thread(posted.thread()));
            assertThat(r.metadata().actor()).isEqualTo(alice.actor());
            assertThat(r.metadata().origin()).isEqualTo(WEB.inSession(alice.session()));
            assertThat(r.event()).isEqualTo(new MessagePosted(posted.message(), posted.thread(), lobby, alice.account(),
                    alice.handle(), new Subject("Hello"), new MessageBody("Hi all\nGlad to be here"), Optional.empty(), BoardsFixture.T0));
        });
        var page = f.listThreads.list(bob, lobby, 0, 20);
        assertThat(page.total()).isEqualTo(1);
        assertThat(page.threads()).singleElement().satisfies(t -> {
            assertThat(t.subject().value()).isEqualTo("Hello");
            assertThat(t.startedBy()).isEqualTo(alice.handle());
            assertThat(t.messages()).isEqualTo(1);
            assertThat(t.locked()).isFalse();
        });
        var thread = f.readThread.read(bob, posted.thread());
        assertThat(thread.board().name().value()).isEqualTo("Lobby");
        assertThat(thread.mayModerate()).isFalse();
        assertThat(thread.messages()).singleElement().satisfies(m -> {
            assertThat(m.number()).isEqualTo(1);
            assertThat(m.body()).contains(new MessageBody("Hi all\nGlad to be here"));
        });
        var summary = f.listBoards.list(bob).getFirst();
        assertThat(summary.threads()).isEqualTo(1);
        assertThat(summary.messages()).isEqualTo(1);
        assertThat(summary.unread()).isEqualTo(1);
        assertThat(summary.mayPost()).isTrue();
        assertThat(summary.lastPostAt()).contains(BoardsFixture.T0);
    }

    @Test
    void a_reply_quotes_and_names_the_message_it_answers_under_re() {
        var hello = f.start(alice, lobby, "Hello", "Hi all\n\nAnyone here?");
        f.clock.advance(Duration.ofMinutes(1));
        var original = f.readThread.read(bob, hello.thread()).messages().getFirst().body().orElseThrow();

        var reply = f.reply(bob, hello.thread(), Optional.of(hello.message()), original.quoted() + "\nI am!");
        var own = f.postMessage.reply(alice, hello.thread(), Optional.empty(), Optional.of(new Subject("Welcome")),
                new MessageBody("Good"), WEB);
        f.catchUp();

        var thread = f.readThread.read(alice, hello.thread());
        assertThat(thread.messages()).extracting(ReadThread.MessageView::message)
                .containsExactly(hello.message(), reply.message(), own.message());
        var answer = thread.messages().get(1);
        assertThat(answer.subject().value()).isEqualTo("Re: Hello");
        assertThat(answer.inReplyTo()).contains(hello.message());
        assertThat(answer.body().orElseThrow().value()).isEqualTo("> Hi all\n>\n> Anyone here?\n\nI am!");
        assertThat(answer.number()).isEqualTo(2);
        assertThat(thread.messages().get(2).subject().value()).isEqualTo("Welcome");
        assertThat(thread.messages().get(2).inReplyTo()).isEmpty();
        var listed = f.listThreads.list(alice, lobby, 0, 20).threads().getFirst();
        assertThat(listed.messages()).isEqualTo(3);
        assertThat(listed.lastPostAt()).isEqualTo(BoardsFixture.T0.plus(Duration.ofMinutes(1)));
    }

    @Test
    void a_reply_to_a_message_of_another_thread_or_to_no_thread_is_refused() {
        var one = f.start(alice, lobby, "One", "1");
        var two = f.start(alice, lobby, "Two", "2");
        long before = f.log.lastPosition();

        assertThat(catchThrowableOfType(BoardRejected.class, () -> f.reply(bob, two.thread(), Optional.of(one.message()), "x"))
                .reason()).isEqualTo(new NoSuchMessage());
        assertThat(catchThrowableOfType(BoardRejected.class, () -> f.reply(bob, new ThreadId(UUID.randomUUID()), Optional.empty(), "x"))
                .reason()).isEqualTo(new NoSuchThread());
        assertThat(f.since(before)).isEmpty();
    }

    @Test
    void the_author_edits_within_the_window_and_not_after_and_nobody_else_ever() {
        var hello = f.start(alice, lobby, "Hello", "Hi al");
        f.clock.advance(Duration.ofMinutes(14));
        long before = f.log.lastPosition();

        f.editMessage.edit(alice, hello.thread(), hello.message(), new MessageBody("Hi all"), WEB);

        assertThat(f.since(before)).singleElement().satisfies(r -> {
            assertThat(r.event()).isEqualTo(new MessageEdited(hello.message(), hello.thread(), lobby, new MessageBody("Hi all"),
                    f.clock.instant()));
            assertThat(r.metadata().actor()).isEqualTo(alice.actor());
        });
        var shown = f.readThread.read(bob, hello.thread()).messages().getFirst();
        assertThat(shown.body()).contains(new MessageBody("Hi all"));
        assertThat(shown.editedAt()).contains(f.clock.instant());
        assertThat(catchThrowableOfType(BoardRejected.class, () -> f.editMessage.edit(bob, hello.thread(), hello.message(),
                new MessageBody("Mine now"), WEB)).reason()).isEqualTo(new NotTheAuthor());
        assertThat(catchThrowableOfType(BoardRejected.class, () -> f.editMessage.edit(mod, hello.thread(), hello.message(),
                new MessageBody("Moderated"), WEB)).reason()).as("moderators delete; they do not rewrite").isEqualTo(new NotTheAuthor());

        f.clock.advance(Duration.ofMinutes(1));
        var late = catchThrowableOfType(BoardRejected.class, () -> f.editMessage.edit(alice, hello.thread(), hello.message(),
                new MessageBody("Hi everyone"), WEB));

        assertThat(late.reason()).isEqualTo(new EditWindowClosed(BoardsFixture.T0.plus(ThreadDecider.EDIT_WINDOW)));
        assertThat(f.since(before)).hasSize(1);
    }

    @Test
    void a_moderator_deletes_with_a_reason_and_the_message_keeps_its_place_without_its_body() {
        var hello = f.start(alice, lobby, "Hello", "Hi all");
        var spam = f.reply(bob, hello.thread(), Optional.empty(), "BUY NOW");
        var after = f.reply(alice, hello.thread(), Optional.of(spam.message()), "Please stop");
        long before = f.log.lastPosition();

        assertThat(catchThrowableOfType(AccessDenied.class, () -> f.moderateThread.delete(alice, hello.thread(), spam.message(),
                "spam", WEB))).isNotNull();
        assertThat(catchThrowableOfType(InvalidValue.class, () -> f.moderateThread.delete(mod, hello.thread(), spam.message(),
                " ", WEB)).field()).isEqualTo("reason");
        f.moderateThread.delete(mod, hello.thread(), spam.message(), "Advertising", WEB);
        f.catchUp();

        assertThat(f.since(before)).singleElement().satisfies(r -> {
            assertThat(r.event()).isEqualTo(new MessageDeleted(spam.message(), hello.thread(), lobby, "Advertising", BoardsFixture.T0));
            assertThat(r.metadata().actor()).isEqualTo(mod.actor());
        });
        var thread = f.readThread.read(bob, hello.thread());
        assertThat(thread.messages()).extracting(ReadThread.MessageView::message)
                .containsExactly(hello.message(), spam.message(), after.message());
        var gone = thread.messages().get(1);
        assertThat(gone.body()).isEmpty();
        assertThat(gone.deletedBecause()).contains("Advertising");
        assertThat(gone.number()).isEqualTo(2);
        assertThat(gone.author()).isEqualTo(bob.handle().value());
        assertThat(catchThrowableOfType(BoardRejected.class, () -> f.moderateThread.delete(root, hello.thread(), spam.message(),
                "again", WEB)).reason()).isEqualTo(new MessageWasDeleted());
        assertThat(catchThrowableOfType(BoardRejected.class, () -> f.editMessage.edit(bob, hello.thread(), spam.message(),
                new MessageBody("sorry"), WEB)).reason()).isEqualTo(new MessageWasDeleted());
        assertThat(catchThrowableOfType(BoardRejected.class, () -> f.moderateThread.delete(mod, hello.thread(),
                new MessageId(UUID.randomUUID()), "who?", WEB)).reason()).isEqualTo(new NoSuchMessage());
        assertThat(f.listBoards.list(root).getFirst().unread()).as("a deleted message is nothing new to read").isEqualTo(2);
        assertThat(f.listBoards.list(alice).getFirst().unread()).as("nor are one's own").isZero();
    }

    @Test
    void a_locked_thread_takes_no_reply_and_no_edit_and_locking_again_records_nothing() {
        var hello = f.start(alice, lobby, "Hello", "Hi all");
        long before = f.log.lastPosition();

        assertThat(catchThrowableOfType(AccessDenied.class, () -> f.moderateThread.lock(bob, hello.thread(), "", WEB))).isNotNull();
        assertThat(f.moderateThread.lock(mod, hello.thread(), "Off topic", WEB)).isTrue();
        assertThat(f.moderateThread.lock(root, hello.thread(), "", WEB)).isFalse();
        f.catchUp();

        assertThat(f.since(before)).extracting(RecordedEvent::event)
                .containsExactly(new ThreadLocked(hello.thread(), lobby, "Off topic", BoardsFixture.T0));
        assertThat(catchThrowableOfType(BoardRejected.class, () -> f.reply(bob, hello.thread(), Optional.empty(), "But!"))
                .reason()).isEqualTo(new ThreadIsLocked());
        assertThat(catchThrowableOfType(BoardRejected.class, () -> f.editMessage.edit(alice, hello.thread(), hello.message(),
                new MessageBody("Hi everyone"), WEB)).reason()).isEqualTo(new ThreadIsLocked());
        var thread = f.readThread.read(alice, hello.thread());
        assertThat(thread.locked()).isTrue();
        assertThat(thread.mayReply()).isFalse();
        assertThat(f.readThread.read(mod, hello.thread()).mayModerate()).isTrue();
        assertThat(f.listThreads.list(alice, lobby, 0, 20).threads().getFirst().locked()).isTrue();
        assertThat(f.since(before)).hasSize(1);
    }

    @Test
    void threads_are_listed_most_recently_active_first_in_bounded_pages() {
        var first = f.start(alice, lobby, "First", "1");
        f.clock.advance(Duration.ofMinutes(1));
        var second = f.start(alice, lobby, "Second", "2");
        f.clock.advance(Duration.ofMinutes(1));
        var third = f.start(alice, lobby, "Third", "3");
        f.clock.advance(Duration.ofMinutes(1));
        f.reply(bob, first.thread(), Optional.empty(), "bump");

        assertThat(f.listThreads.list(bob, lobby, 0, 2).threads()).extracting(Boards.Thread::thread)
                .containsExactly(first.thread(), third.thread());
        assertThat(f.listThreads.list(bob, lobby, 2, 2).threads()).extracting(Boards.Thread::thread).containsExactly(second.thread());
        assertThat(f.listThreads.list(bob, lobby, 9, 2).threads()).isEmpty();
        assertThat(f.listThreads.list(bob, lobby, 9, 2).total()).isEqualTo(3);
        for (int[] bad : new int[][] {{-1, 2}, {0, 0}, {0, BoardQueries.MAX_PAGE + 1}}) {
            assertThat(catchThrowableOfType(InvalidValue.class, () -> f.listThreads.list(bob, lobby, bad[0], bad[1]))).isNotNull();
        }
    }

    @Test
    void posting_is_limited_per_account() {
        int permits = BoardPosting.POSTS_PER_ACCOUNT.permits();
        var hello = f.start(alice, lobby, "Hello", "Hi all");
        for (int i = 1; i < permits; i++) f.reply(alice, hello.thread(), Optional.empty(), "post " + i);
        long before = f.log.lastPosition();

        var limited = catchThrowableOfType(RateLimited.class, () -> f.reply(alice, hello.thread(), Optional.empty(), "one too many"));
        assertThat(catchThrowableOfType(RateLimited.class, () -> f.start(alice, lobby, "New", "also too many"))).isNotNull();

        assertThat(limited.retryAfter()).isPositive().isLessThanOrEqualTo(BoardPosting.POSTS_PER_ACCOUNT.window());
        assertThat(f.since(before)).isEmpty();
        f.reply(bob, hello.thread(), Optional.empty(), "others still post");
        f.clock.advance(BoardPosting.POSTS_PER_ACCOUNT.window());
        f.reply(alice, hello.thread(), Optional.empty(), "and after the window, so does she");
        assertThat(f.since(before)).hasSize(2);
    }
}

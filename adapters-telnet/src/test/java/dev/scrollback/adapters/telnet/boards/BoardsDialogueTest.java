package dev.scrollback.adapters.telnet.boards;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.telnet.MemoryConnection;
import dev.scrollback.adapters.telnet.editor.Composer;
import dev.scrollback.adapters.telnet.shared.CallerConsole;
import dev.scrollback.adapters.telnet.shared.CallerGone;
import dev.scrollback.adapters.telnet.shared.ScreenSize;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.boards.BoardId;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.SessionId;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The telnet boards driven key by key over in-memory consoles, with the in-ports faked (FakeBoards). */
class BoardsDialogueTest {
    static final Caller ALICE = caller("alice", Role.MEMBER);
    static final Caller BOB = caller("bob", Role.MEMBER);
    static final Caller MODERATOR = caller("mo", Role.MEMBER, Role.MODERATOR);

    final FakeBoards fake = new FakeBoards();
    Supplier<ScreenSize> size = () -> new ScreenSize(80, 24);
    BoardId chat;
    BoardId c64;

    static Caller caller(String handle, Role... roles) {
        return new Caller(new AccountId(UUID.randomUUID()), new Handle(handle), new SessionId(UUID.randomUUID()), Set.of(roles));
    }

    @BeforeEach
    void two_conferences() {
        chat = fake.board("General", "Chat");
        c64 = fake.board("Retro computing", "C64");
    }

    String dialogue(Caller who, String typed, BiConsumer<BoardsScreen.Visit, CallerConsole> what) {
        return dialogue(who, typed.getBytes(StandardCharsets.UTF_8), what);
    }

    String dialogue(Caller who, byte[] typed, BiConsumer<BoardsScreen.Visit, CallerConsole> what) {
        var connection = new MemoryConnection(typed);
        var visit = new BoardsScreen(fake, fake, fake, fake, fake, fake, fake, Composer.lineEditorFirst(),
                        Clock.fixed(FakeBoards.NOW, ZoneOffset.UTC))
                .forCaller(who, connection.origin());
        try (var console = CallerConsole.open(connection.input(), connection.output(), () -> size.get(), connection::close,
                "boards-dialogue-test")) {
            what.accept(visit, console);
        } catch (CallerGone gone) {
            throw new AssertionError("the dialogue did not end where expected; the caller saw:\n" + connection.written(), gone);
        }
        return connection.written();
    }

    String boards(Caller who, String typed) {
        return dialogue(who, typed, BoardsScreen.Visit::boards);
    }

    @Test
    void boards_are_listed_by_conference_with_what_is_new_and_a_thread_is_posted_from_the_line_editor() {
        fake.thread(c64, "bob", "SID tunes", "Which is your favourite?", "Monty on the Run");

        var screen = boards(ALICE, "1\rp\rHello all\rFirst line\rSecond line\r/s\rq\rq\r");

        assertThat(screen).contains("General\r\n", "Retro computing\r\n").contains("  1  Chat\r\n")
                .containsPattern("2  C64 +2 new\\r\\n").contains("Your thread is posted.");
        assertThat(screen.indexOf("General")).isLessThan(screen.indexOf("Retro computing"));
        var posted = fake.only("Hello all");
        assertThat(posted.body.value()).isEqualTo("First line\nSecond line");
        assertThat(posted.author).isEqualTo(ALICE.handle());
        assertThat(screen).contains("General / Chat: threads 1-1 of 1").contains("Hello all");
    }

    @Test
    void a_reply_starts_with_the_message_quoted_and_keeps_the_quote_when_the_caller_does() {
        var thread = fake.thread(chat, "bob", "Old news", "Line one\nLine two");

        var screen = boards(ALICE, "1\r1\rrI agree\r/s\rqq\rq\r");

        var reply = fake.messages(thread).get(1);
        assertThat(reply.body.value()).isEqualTo("> Line one\n> Line two\nI agree");
        assertThat(reply.subject.value()).isEqualTo("Re: Old news");
        assertThat(reply.inReplyTo).contains(fake.messages(thread).getFirst().id);
        assertThat(screen).contains("Reply to bob: Re: Old news", "  1: > Line one", "  2: > Line two", "Your reply is posted.");
    }

    @Test
    void the_caller_may_drop_the_quote_list_the_text_and_see_the_quote_again() {
        var thread = fake.thread(chat, "bob", "Old news", "Line one\nLine two");

        var screen = boards(ALICE, "1\r1\rr/d 1-2\rMy own words\r/l\r/q\r/s\rqq\rq\r");

        assertThat(fake.messages(thread).get(1).body.value()).isEqualTo("My own words");
        assertThat(screen).contains("Lines 1 to 2 deleted.", "  1: My own words");
        assertThat(screen.substring(screen.indexOf("  1: My own words"))).contains("> Line one");
    }

    @Test
    void the_editor_explains_an_empty_body_bad_commands_and_abort_posts_nothing() {
        var screen = boards(ALICE, "1\rp\rQuiet\r/s\r/d 9\r/x\r/l\r/a\rq\rq\r");

        assertThat(screen).contains("Body is empty. Still editing: change it, or /a to abort.")
                .contains("Nothing written yet.").contains("Unknown command.").contains("Discarded.").contains("Nothing posted.");
        assertThat(fake.threads).isEmpty();
    }

    @Test
    void the_reader_shows_one_message_at_a_time_with_its_header_and_steps_next_and_previous() {
        fake.thread(chat, "bob", "Three parts", "part one", "part two", "part three");

        var screen = boards(ALICE, "1\r1\rnpnnnq\rq\r");

        assertThat(screen).contains("General / Chat", "Subject: Three parts", "From: bob  Date: 2025-03-01 19:00 UTC  Msg 1/3",
                "Msg 2/3", "Msg 3/3", "Subject: Re: Three parts", "End of the thread.");
        assertThat(screen.indexOf("part two")).isLessThan(screen.lastIndexOf("part one"));
        assertThat(screen).doesNotContain("[D] Delete").doesNotContain("[L] Lock").doesNotContain("[E] Edit");
    }

    @Test
    void a_plugins_reply_shows_the_plugins_name_in_brackets_and_cannot_be_edited() {
        var thread = fake.thread(chat, "alice", "Bots", "!ping");
        fake.pluginReply(thread, "pinger", "pong");

        var screen = boards(ALICE, "1\r1\rnq\rq\rq\r");

        assertThat(screen).contains("From: [pinger]", "Msg 2/2", "pong");
        assertThat(screen.substring(screen.indexOf("From: [pinger]"))).doesNotContain("[E] Edit");
    }

    @Test
    void a_long_body_is_wrapped_to_the_window_and_paged_with_a_more_prompt() {
        size = () -> new ScreenSize(40, 12);
        var paragraph = "the quick brown fox jumps over the lazy dog ".repeat(30).strip();
        fake.thread(chat, "bob", "Long", paragraph);

        var screen = boards(ALICE, "1\r1\rmmmmq\rq\rq\r");

        var body = screen.substring(screen.indexOf("the quick"), screen.lastIndexOf("lazy dog") + "lazy dog".length());
        assertThat(body.split("\r\n")).allSatisfy(line -> assertThat(line.replaceAll("\\[M\\] More  \\[Q\\] Quit: M?", ""))
                .hasSizeLessThanOrEqualTo(39));
        assertThat(screen).contains("[M] More  [Q] Quit");
    }

    @Test
    void a_window_resized_mid_session_gets_the_new_layout_at_the_next_screen() {
        var paragraph = "word ".repeat(60).strip();
        fake.thread(chat, "bob", "Resize me", paragraph, paragraph);
        var reads = new int[1];
        size = () -> new ScreenSize(reads[0]++ < 40 ? 100 : 30, 200);  // every screen asks; later ones are narrow

        var screen = boards(ALICE, "1\r1\r" + "p".repeat(20) + "q\rq\rq\r");

        var widths = screen.lines().filter(l -> l.startsWith("word")).mapToInt(String::length).boxed().toList();
        assertThat(widths).anyMatch(w -> w > 60).anyMatch(w -> w <= 29);
    }

    @Test
    void moderators_delete_with_a_reason_and_lock_and_readers_see_why() {
        var thread = fake.thread(chat, "bob", "Buy now", "cheap watches");

        var screen = boards(MODERATOR, "1\r1\rd \rdspam\rlspam thread\rqq\rq\r");

        assertThat(screen).contains("[D] Delete", "[L] Lock", "Nothing removed.", "The message is removed.",
                "[Removed by a moderator: spam]", "The thread is locked.", "(locked)");
        assertThat(fake.messages(thread).getFirst().deletedBecause).contains("spam");
        assertThat(fake.locks).containsEntry(thread, "spam thread");

        var member = boards(ALICE, "1\r1\rqq\rq\r");
        assertThat(member).contains("[Removed by a moderator: spam]", "locked").doesNotContain("[R] Reply")
                .doesNotContain("cheap watches");
    }

    @Test
    void refusals_are_one_clear_line_and_the_caller_carries_on() {
        fake.postsAllowed = 0;
        var screen = boards(ALICE, "1\rp\rToo fast\rhello\r/s\rq\rq\r");
        assertThat(screen).contains("You are posting too fast: try again in 30 seconds.").doesNotContain("Exception");

        var bad = boards(ALICE, "1\rp\r" + "x".repeat(130) + "\rq\rq\r");
        assertThat(bad).contains("Subject is longer than 120 characters.");
    }

    @Test
    void the_author_edits_within_the_window_and_is_told_when_it_has_closed() {
        fake.postsAllowed = 10;
        var posted = fake.startThread(ALICE, chat, new dev.scrollback.domain.boards.Subject("Typo"),
                new dev.scrollback.domain.boards.MessageBody("teh text"), null);

        var screen = boards(ALICE, "1\r1\re/d 1\rthe text\r/s\rq\rq\rq\r");
        assertThat(screen).contains("[E] Edit", "Your message is changed.", "Edited: 2025-03-01 20:00 UTC");
        assertThat(fake.messages(posted.thread()).getFirst().body.value()).isEqualTo("the text");

        fake.now = FakeBoards.NOW.plus(Duration.ofMinutes(20));               // the service's clock has moved on
        var late = boards(ALICE, "1\r1\re/s\rq\rq\rq\r");
        assertThat(late).contains("A message may be edited for 15 minutes after posting; this one could be until "
                + "2025-03-01 20:15 UTC.");
        assertThat(boards(BOB, "1\r1\rq\rq\rq\r")).doesNotContain("[E] Edit");
    }

    @Test
    void new_scan_walks_new_messages_across_boards_marks_them_read_skips_a_board_and_resumes_where_it_stopped() {
        fake.thread(chat, "bob", "Chat one", "c1", "c2", "c3");
        fake.thread(c64, "bob", "Sixty four", "s1", "s2");

        var first = dialogue(ALICE, "nsq", BoardsScreen.Visit::newScan);
        assertThat(first).contains("Msg 1/5", "Msg 2/5", "[S] Skip board", "Marked Chat read.", "Msg 4/5",
                "New-scan stopped; it resumes here next time.").doesNotContain("Msg 3/5");
        assertThat(fake.mark(ALICE, chat)).isEqualTo(3);
        assertThat(fake.mark(ALICE, c64)).isEqualTo(1);

        var second = dialogue(ALICE, "n", BoardsScreen.Visit::newScan);
        assertThat(second).contains("Msg 1/1", "s2", "That is everything new (1 read).");
        assertThat(fake.mark(ALICE, c64)).isEqualTo(2);

        assertThat(dialogue(ALICE, "", BoardsScreen.Visit::newScan)).contains("Nothing new since you last read.");
    }

    @Test
    void new_scan_goes_on_batch_after_batch() {
        var bodies = new String[NewScanWalk.BATCH + 5];
        for (int i = 0; i < bodies.length; i++) bodies[i] = "message " + (i + 1);
        fake.thread(chat, "bob", "Many", bodies);

        var screen = dialogue(ALICE, "n".repeat(bodies.length), BoardsScreen.Visit::newScan);

        assertThat(screen).contains("Msg 1/" + NewScanWalk.BATCH + "+", "Msg 5/5", "message " + bodies.length,
                "That is everything new (" + bodies.length + " read).");
        assertThat(fake.mark(ALICE, chat)).isEqualTo(bodies.length);
    }

    @Test
    void the_board_list_is_paged_to_the_window_height() {
        for (int i = 0; i < 30; i++) fake.board("Many", "Board %02d".formatted(i));
        size = () -> new ScreenSize(80, 12);

        var screen = boards(ALICE, "mq" + "q\r");

        assertThat(screen).contains("[M] More  [Q] Quit", "Board 00").doesNotContain("Board 29");
    }

    @Test
    void a_hostile_line_and_control_bytes_in_the_editor_do_not_break_the_session() {
        var typed = new ByteArrayOutputStream();
        typed.writeBytes("1\rp\rHostile\r".getBytes(StandardCharsets.UTF_8));
        typed.writeBytes(("y".repeat(10_000) + "\r").getBytes(StandardCharsets.UTF_8));
        typed.writeBytes(new byte[] {'a', 0x01, 'b', 0x07, 0x00, 'c', 0x1b, '[', '2', 'J', 'd', (byte) 0xff, 'e', '\r'});
        typed.writeBytes("/s\rq\rq\r".getBytes(StandardCharsets.UTF_8));

        var screen = dialogue(ALICE, typed.toByteArray(), BoardsScreen.Visit::boards);

        assertThat(screen).contains("That is too long: at most " + CallerConsole.MAX_LINE + " characters, please.",
                "Your thread is posted.");
        assertThat(fake.only("Hostile").body.value()).isEqualTo("abcde");
        assertThat(fake.threads).hasSize(1);
    }
}

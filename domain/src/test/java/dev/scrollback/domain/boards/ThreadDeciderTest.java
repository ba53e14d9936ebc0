package dev.scrollback.domain.boards;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.domain.boards.BoardRejected.EditWindowClosed;
import dev.scrollback.domain.boards.BoardRejected.MessageWasDeleted;
import dev.scrollback.domain.boards.BoardRejected.NoSuchMessage;
import dev.scrollback.domain.boards.BoardRejected.NoSuchThread;
import dev.scrollback.domain.boards.BoardRejected.NotTheAuthor;
import dev.scrollback.domain.boards.BoardRejected.ThreadExists;
import dev.scrollback.domain.boards.BoardRejected.ThreadIsLocked;
import dev.scrollback.domain.boards.MessageEvent.MessageDeleted;
import dev.scrollback.domain.boards.MessageEvent.MessageEdited;
import dev.scrollback.domain.boards.MessageEvent.MessagePosted;
import dev.scrollback.domain.boards.MessageEvent.PluginReplyPosted;
import dev.scrollback.domain.boards.MessageEvent.ThreadLocked;
import dev.scrollback.domain.boards.ThreadDecider.PluginReply;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.shared.PluginName;
import java.util.Set;
import dev.scrollback.domain.boards.ThreadDecider.Delete;
import dev.scrollback.domain.boards.ThreadDecider.Edit;
import dev.scrollback.domain.boards.ThreadDecider.Lock;
import dev.scrollback.domain.boards.ThreadDecider.Reply;
import dev.scrollback.domain.boards.ThreadDecider.Start;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.DeciderSpec;
import dev.scrollback.domain.shared.Handle;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ThreadDeciderTest {
    static final Instant T0 = Instant.parse("2031-05-01T12:00:00Z");
    static final ThreadId THREAD = new ThreadId(UUID.fromString("0195f0a0-0000-7000-8000-000000000001"));
    static final BoardId BOARD = new BoardId(UUID.fromString("0195f0a0-0000-7000-8000-000000000002"));
    static final MessageId FIRST = new MessageId(UUID.fromString("0195f0a0-0000-7000-8000-000000000003"));
    static final MessageId SECOND = new MessageId(UUID.fromString("0195f0a0-0000-7000-8000-000000000004"));
    static final AccountId ALICE = new AccountId(UUID.fromString("0195f0a0-0000-7000-8000-00000000000a"));
    static final AccountId BOB = new AccountId(UUID.fromString("0195f0a0-0000-7000-8000-00000000000b"));
    static final Subject SUBJECT = new Subject("Modems of old");
    static final MessageBody BODY = new MessageBody("Who still has a 14.4?");
    static final MessagePosted STARTED = new MessagePosted(FIRST, THREAD, BOARD, ALICE, new Handle("alice"), SUBJECT, BODY,
            Optional.empty(), T0);
    static final MessagePosted REPLIED = new MessagePosted(SECOND, THREAD, BOARD, BOB, new Handle("bob"),
            new Subject("Re: Modems of old"), new MessageBody("> Who still has a 14.4?\nI do."), Optional.of(FIRST), T0.plusSeconds(60));

    final DeciderSpec<ThreadDecider.Command, ThreadDecider.State, MessageEvent> spec = new DeciderSpec<>(new ThreadDecider(THREAD));

    @Test
    void the_first_message_starts_the_thread_and_a_second_start_is_refused() {
        spec.given().when(new Start(THREAD, BOARD, FIRST, ALICE, new Handle("alice"), SUBJECT, BODY, T0)).then(STARTED);
        spec.given(STARTED).when(new Start(THREAD, BOARD, SECOND, ALICE, new Handle("alice"), SUBJECT, BODY, T0))
                .thenRejectedWith(new ThreadExists());
    }

    @Test
    void a_reply_takes_re_and_the_threads_subject_and_may_quote_a_message_of_the_thread() {
        spec.given(STARTED).when(new Reply(SECOND, BOB, new Handle("bob"), Optional.empty(),
                        new MessageBody("> Who still has a 14.4?\nI do."), Optional.of(FIRST), T0.plusSeconds(60)))
                .then(REPLIED);
        spec.given(STARTED).when(new Reply(SECOND, BOB, new Handle("bob"), Optional.empty(), BODY,
                Optional.of(new MessageId(UUID.randomUUID())), T0)).thenRejectedWith(new NoSuchMessage());
        spec.given().when(new Reply(SECOND, BOB, new Handle("bob"), Optional.empty(), BODY, Optional.empty(), T0))
                .thenRejectedWith(new NoSuchThread());
    }

    @Test
    void only_the_author_edits_and_only_within_the_window() {
        var edit = new MessageBody("Who still has a 14.4 modem?");
        spec.given(STARTED).when(new Edit(FIRST, ALICE, edit, T0.plusSeconds(60)))
                .then(new MessageEdited(FIRST, THREAD, BOARD, edit, T0.plusSeconds(60)));
        spec.given(STARTED).when(new Edit(FIRST, BOB, edit, T0.plusSeconds(60))).thenRejectedWith(new NotTheAuthor());
        var closes = T0.plus(ThreadDecider.EDIT_WINDOW);
        spec.given(STARTED).when(new Edit(FIRST, ALICE, edit, closes)).thenRejectedWith(new EditWindowClosed(closes));
    }

    @Test
    void a_deleted_message_keeps_its_place_but_cannot_be_edited_or_deleted_again() {
        var deleted = new MessageDeleted(SECOND, THREAD, BOARD, "off topic", T0.plusSeconds(120));
        spec.given(STARTED, REPLIED).when(new Delete(SECOND, "off topic", T0.plusSeconds(120))).then(deleted);
        spec.given(STARTED, REPLIED, deleted).when(new Delete(SECOND, "again", T0.plusSeconds(130)))
                .thenRejectedWith(new MessageWasDeleted());
        spec.given(STARTED, REPLIED, deleted).when(new Edit(SECOND, BOB, BODY, T0.plusSeconds(130)))
                .thenRejectedWith(new MessageWasDeleted());
        spec.given(STARTED).when(new Delete(SECOND, "nope", T0)).thenRejectedWith(new NoSuchMessage());
    }

    @Test
    void a_locked_thread_takes_no_replies_and_locking_twice_records_nothing() {
        var locked = new ThreadLocked(THREAD, BOARD, "settled", T0.plusSeconds(300));
        spec.given(STARTED).when(new Lock("settled", T0.plusSeconds(300))).then(locked)
                .thenStateSatisfies(s -> assertThat(((ThreadDecider.Started) s).locked()).isTrue());
        spec.given(STARTED, locked).when(new Reply(SECOND, BOB, new Handle("bob"), Optional.empty(), BODY, Optional.empty(),
                T0.plusSeconds(301))).thenRejectedWith(new ThreadIsLocked());
        spec.given(STARTED, locked).when(new Lock("again", T0.plusSeconds(302))).then();
    }

    @Test
    void a_plugin_replies_as_itself_on_a_board_any_member_may_read_and_post_on() {
        var bot = new PluginName("auto-responder");
        var pong = new MessageBody("pong");
        var replied = new PluginReplyPosted(SECOND, THREAD, BOARD, bot, SUBJECT.reply(), pong, T0.plusSeconds(5));
        spec.given(STARTED).when(new PluginReply(SECOND, bot, pong, BoardAccess.members(), T0.plusSeconds(5))).then(replied);
        // a moderator removes it like any message
        spec.given(STARTED, replied).when(new Delete(SECOND, "noise", T0.plusSeconds(9)))
                .then(new MessageDeleted(SECOND, THREAD, BOARD, "noise", T0.plusSeconds(9)));
        // no caller can edit it: it has no author
        spec.given(STARTED, replied).when(new Edit(SECOND, ALICE, BODY, T0.plusSeconds(9))).thenRejectedWith(new NotTheAuthor());
    }

    @Test
    void a_plugin_is_refused_a_missing_or_locked_thread_and_one_on_a_board_members_may_not_post_on() {
        var bot = new PluginName("auto-responder");
        var pong = new MessageBody("pong");
        spec.given().when(new PluginReply(SECOND, bot, pong, BoardAccess.members(), T0)).thenRejectedWith(new NoSuchThread());
        spec.given(STARTED, new ThreadLocked(THREAD, BOARD, "", T0.plusSeconds(1)))
                .when(new PluginReply(SECOND, bot, pong, BoardAccess.members(), T0.plusSeconds(2)))
                .thenRejectedWith(new ThreadIsLocked());
        var announcements = new BoardAccess(Set.of(Role.MEMBER), Set.of(Role.MODERATOR));
        spec.given(STARTED).when(new PluginReply(SECOND, bot, pong, announcements, T0)).thenRejectedWith(new NoSuchThread());
        var staffOnly = new BoardAccess(Set.of(Role.MODERATOR), Set.of(Role.MODERATOR));
        spec.given(STARTED).when(new PluginReply(SECOND, bot, pong, staffOnly, T0)).thenRejectedWith(new NoSuchThread());
    }
}

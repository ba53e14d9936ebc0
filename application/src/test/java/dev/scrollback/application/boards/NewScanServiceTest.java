package dev.scrollback.application.boards;

import static dev.scrollback.application.boards.BoardsFixture.WEB;
import static dev.scrollback.application.boards.BoardsFixture.access;
import static dev.scrollback.application.boards.BoardsFixture.member;
import static dev.scrollback.application.boards.BoardsFixture.sysop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.shared.RecordedEvent;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.boards.BoardAccess;
import dev.scrollback.domain.boards.BoardId;
import dev.scrollback.domain.boards.ReadMarkEvent.BoardReadUpTo;
import dev.scrollback.domain.shared.InvalidValue;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What is new for a caller, across boards in list order, resuming where they stopped. */
class NewScanServiceTest {
    final BoardsFixture f = new BoardsFixture();
    final Caller root = sysop("Keeper");
    final Caller alice = member("Alice");
    final Caller bob = member("Bob");
    // Listed by conference, then name: "Apple" (conference A), then "Zebra" and "Mango" in conference B by name.
    final BoardId zebra = f.board(root, "B", "Zebra", BoardAccess.members());
    final BoardId mango = f.board(root, "B", "Mango", BoardAccess.members());
    final BoardId apple = f.board(root, "A", "Apple", BoardAccess.members());
    final BoardId staff = f.board(root, "A", "Staff", access(Set.of(Role.MODERATOR), Set.of(Role.MODERATOR)));

    static String subjects(NewScan.Scan scan) {
        return String.join(",", scan.messages().stream().map(m -> m.entry().subject().value()).toList());
    }

    @Test
    void new_messages_come_board_by_board_in_list_order_oldest_first_and_only_from_readable_boards() {
        f.start(alice, zebra, "z1", "z");
        f.clock.advance(Duration.ofSeconds(1));
        var m1 = f.start(alice, mango, "m1", "m");
        f.start(alice, apple, "a1", "a");
        f.reply(bob, m1.thread(), Optional.empty(), "m");
        f.start(root, staff, "s1", "s");

        var scan = f.newScan.scan(bob, 10);

        assertThat(subjects(scan)).as("bob's own reply is no news to him").isEqualTo("a1,m1,z1");
        assertThat(scan.more()).isFalse();
        assertThat(scan.messages()).extracting(m -> m.board().name().value()).containsExactly("Apple", "Mango", "Zebra");
        assertThat(scan.messages()).extracting(m -> m.entry().number()).containsExactly(1L, 1L, 1L);
        assertThat(subjects(f.newScan.scan(alice, 10))).isEqualTo("Re: m1");
        assertThat(subjects(f.newScan.scan(root, 10))).as("root's own s1 is not news").isEqualTo("a1,m1,Re: m1,z1");
    }

    @Test
    void a_limited_scan_says_more_waits_and_resumes_after_the_marks_made_while_reading() {
        var a = f.start(alice, apple, "a1", "a");
        f.reply(alice, a.thread(), Optional.empty(), "a");
        f.start(alice, mango, "m1", "m");
        long before = f.log.lastPosition();

        var first = f.newScan.scan(bob, 2);
        assertThat(subjects(first)).isEqualTo("a1,Re: a1");
        assertThat(first.more()).isTrue();
        var last = first.messages().getLast();
        f.newScan.markRead(bob, last.board().board(), last.entry().number(), WEB);

        // The projection has not seen the mark yet: the scan reads the caller's marks from their stream.
        var second = f.newScan.scan(bob, 2);
        assertThat(subjects(second)).isEqualTo("m1");
        assertThat(second.more()).isFalse();
        assertThat(f.since(before)).singleElement().satisfies(r -> {
            assertThat(r.event()).isEqualTo(new BoardReadUpTo(bob.account(), apple, 2, BoardsFixture.T0));
            assertThat(r.stream()).isEqualTo(BoardStreams.readMarks(bob.account()));
            assertThat(r.metadata().actor()).isEqualTo(bob.actor());
        });
        f.catchUp();
        assertThat(f.listBoards.list(bob)).extracting(ListBoards.BoardSummary::unread).containsExactly(0, 1, 0);
        assertThat(subjects(f.newScan.scan(root, 10))).as("marks are each caller's own").isEqualTo("a1,Re: a1,m1");
    }

    @Test
    void exactly_limit_new_messages_is_not_more() {
        f.start(alice, apple, "a1", "a");
        f.start(alice, apple, "a2", "a");
        var scan = f.newScan.scan(bob, 2);
        assertThat(subjects(scan)).isEqualTo("a1,a2");
        assertThat(scan.more()).isFalse();
        f.start(alice, zebra, "z1", "z");
        assertThat(f.newScan.scan(bob, 2).more()).isTrue();
    }

    @Test
    void marks_never_move_back_and_a_mark_past_the_newest_message_stops_at_it() {
        f.start(alice, apple, "a1", "a");
        f.start(alice, apple, "a2", "a");
        f.start(alice, apple, "a3", "a");
        long before = f.log.lastPosition();

        f.newScan.markRead(bob, apple, 2, WEB);
        f.newScan.markRead(bob, apple, 1, WEB);
        f.newScan.markRead(bob, apple, 2, WEB);
        f.newScan.markRead(bob, apple, 99, WEB);
        f.newScan.markRead(bob, apple, 500, WEB);

        assertThat(f.since(before)).extracting(RecordedEvent::event).containsExactly(
                new BoardReadUpTo(bob.account(), apple, 2, BoardsFixture.T0),
                new BoardReadUpTo(bob.account(), apple, 3, BoardsFixture.T0));
        assertThat(f.newScan.scan(bob, 10).messages()).isEmpty();
        f.start(alice, apple, "a4", "a");
        assertThat(subjects(f.newScan.scan(bob, 10))).as("a mark past the end does not swallow later messages").isEqualTo("a4");
        assertThat(catchThrowableOfType(InvalidValue.class, () -> f.newScan.markRead(bob, apple, -1, WEB)).field()).isEqualTo("upTo");
    }

    @Test
    void mark_all_read_moves_every_readable_board_to_its_newest_message_and_only_those_with_news() {
        f.start(alice, apple, "a1", "a");
        f.start(alice, zebra, "z1", "z");
        f.start(alice, zebra, "z2", "z");
        f.start(root, staff, "s1", "s");
        long before = f.log.lastPosition();

        f.newScan.markAllRead(bob, WEB);
        f.newScan.markAllRead(bob, WEB);

        assertThat(f.since(before)).extracting(RecordedEvent::event).containsExactly(
                new BoardReadUpTo(bob.account(), apple, 1, BoardsFixture.T0),
                new BoardReadUpTo(bob.account(), zebra, 2, BoardsFixture.T0));
        assertThat(f.newScan.scan(bob, 10).messages()).isEmpty();
        f.start(alice, mango, "m1", "m");
        assertThat(subjects(f.newScan.scan(bob, 10))).isEqualTo("m1");
    }

    @Test
    void deleted_messages_are_not_news_and_the_limit_is_bounded() {
        var a = f.start(alice, apple, "a1", "a");
        var spam = f.reply(bob, a.thread(), Optional.empty(), "spam");
        f.moderateThread.delete(root, a.thread(), spam.message(), "spam", WEB);
        f.catchUp();

        assertThat(subjects(f.newScan.scan(root, 10))).isEqualTo("a1");
        assertThat(f.newScan.scan(alice, 10).messages()).as("her own post, and the deleted reply").isEmpty();
        for (int bad : new int[] {0, -1, NewScanService.MAX_SCAN + 1}) {
            assertThat(catchThrowableOfType(InvalidValue.class, () -> f.newScan.scan(alice, bad)).field()).isEqualTo("limit");
        }
    }
}

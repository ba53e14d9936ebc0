package dev.scrollback.application.boards;

import static dev.scrollback.application.boards.BoardsFixture.WEB;
import static dev.scrollback.application.boards.BoardsFixture.access;
import static dev.scrollback.application.boards.BoardsFixture.guest;
import static dev.scrollback.application.boards.BoardsFixture.member;
import static dev.scrollback.application.boards.BoardsFixture.moderator;
import static dev.scrollback.application.boards.BoardsFixture.sysop;
import static dev.scrollback.application.boards.BoardsFixture.withKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.scrollback.application.accounts.AccessDenied;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.accounts.CredentialDenied;
import dev.scrollback.application.shared.RecordedEvent;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.accounts.Scope;
import dev.scrollback.domain.boards.BoardAccess;
import dev.scrollback.domain.boards.BoardEvent.BoardCreated;
import dev.scrollback.domain.boards.BoardName;
import dev.scrollback.domain.boards.BoardRejected;
import dev.scrollback.domain.boards.BoardRejected.BoardExists;
import dev.scrollback.domain.boards.BoardRejected.NoSuchBoard;
import dev.scrollback.domain.boards.BoardRejected.NoSuchThread;
import dev.scrollback.domain.boards.BoardRejected.NotAllowed;
import dev.scrollback.domain.boards.ConferenceName;
import dev.scrollback.domain.boards.MessageBody;
import dev.scrollback.domain.boards.MessageEvent.MessagePosted;
import dev.scrollback.domain.boards.Subject;
import dev.scrollback.domain.shared.InvalidValue;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who may open boards, and who may see and post on each, by role and by credential. */
class BoardAccessTest {
    final BoardsFixture f = new BoardsFixture();
    final Caller root = sysop("Keeper");

    @Test
    void only_a_sysop_opens_a_board_and_it_is_recorded_with_the_sysop_as_actor() {
        var alice = member("Alice");
        var mod = moderator("Mod");
        for (var nobody : new Caller[] {alice, mod}) {
            assertThat(catchThrowableOfType(AccessDenied.class, () -> f.createBoard.create(nobody, new ConferenceName("General"),
                    new BoardName("Lobby"), "", BoardAccess.members(), WEB)).reason().anyOf()).containsExactly(Role.SYSOP);
        }
        assertThat(f.log.recorded()).isEmpty();

        var lobby = f.createBoard.create(root, new ConferenceName("General"), new BoardName("Lobby"), "  Say hello  ",
                BoardAccess.members(), WEB);

        assertThat(f.log.recorded()).extracting(r -> r.stream().category()).containsExactly("boardname", "board");
        assertThat(f.log.recorded()).filteredOn(r -> r.event() instanceof BoardCreated).singleElement().satisfies(r -> {
            assertThat(r.stream()).isEqualTo(BoardStreams.board(lobby));
            assertThat(r.stream().value()).startsWith("board-");
            assertThat(r.metadata().actor()).isEqualTo(root.actor());
            assertThat(r.metadata().origin()).isEqualTo(WEB.inSession(root.session()));
            var created = (BoardCreated) r.event();
            assertThat(created.name().value()).isEqualTo("Lobby");
            assertThat(created.description()).isEqualTo("Say hello");
            assertThat(created.at()).isEqualTo(BoardsFixture.T0);
        });
    }

    @Test
    void a_board_name_is_taken_once_whatever_its_case_and_conference() {
        f.board(root, "General", "Lobby", BoardAccess.members());
        long before = f.log.lastPosition();

        var again = catchThrowableOfType(BoardRejected.class, () -> f.createBoard.create(root,
                new ConferenceName("Other"), new BoardName("  LOBBY "), "", BoardAccess.members(), WEB));

        assertThat(again.reason()).isEqualTo(new BoardExists());
        assertThat(f.since(before)).isEmpty();
    }

    @Test
    void names_and_access_are_checked_before_anything_is_recorded() {
        assertThat(catchThrowableOfType(InvalidValue.class, () -> new BoardName("x".repeat(41))).field()).isEqualTo("name");
        assertThat(catchThrowableOfType(InvalidValue.class, () -> new ConferenceName("a\u0007b")).field()).isEqualTo("conference");
        assertThat(catchThrowableOfType(InvalidValue.class, () -> access(Set.of(), Set.of(Role.MEMBER))).field()).isEqualTo("readers");
        assertThat(catchThrowableOfType(InvalidValue.class, () -> f.createBoard.create(root, new ConferenceName("General"),
                new BoardName("Lobby"), "two\nlines", BoardAccess.members(), WEB)).field()).isEqualTo("description");
        assertThat(f.log.recorded()).isEmpty();
    }

    @Test
    void a_guest_readable_board_is_read_by_guests_and_posted_on_by_members_only() {
        var lobby = f.board(root, "General", "Lobby", access(Set.of(Role.GUEST, Role.MEMBER), Set.of(Role.MEMBER)));
        var members = f.board(root, "General", "Members", BoardAccess.members());
        var alice = member("Alice");
        var newbie = guest("Newbie");
        var hello = f.start(alice, lobby, "Hello", "Hi all");

        assertThat(f.listBoards.list(newbie)).extracting(s -> s.board().board()).containsExactly(lobby);
        assertThat(f.listBoards.list(newbie).getFirst().mayPost()).isFalse();
        assertThat(f.listThreads.list(newbie, lobby, 0, 20).threads()).extracting(Boards.Thread::thread).containsExactly(hello.thread());
        assertThat(f.readThread.read(newbie, hello.thread()).mayReply()).isFalse();
        assertThat(f.readThread.read(alice, hello.thread()).mayReply()).isTrue();

        assertThat(catchThrowableOfType(BoardRejected.class, () -> f.postMessage.startThread(newbie, lobby, new Subject("Me too"),
                new MessageBody("Hi"), WEB)).reason()).isInstanceOf(NotAllowed.class);
        assertThat(catchThrowableOfType(BoardRejected.class, () -> f.reply(newbie, hello.thread(), Optional.empty(), "Hi"))
                .reason()).isInstanceOf(NotAllowed.class);
        assertThat(catchThrowableOfType(BoardRejected.class, () -> f.listThreads.list(newbie, members, 0, 20)).reason())
                .isEqualTo(new NoSuchBoard());
    }

    @Test
    void a_moderators_only_board_is_invisible_to_members_as_if_it_did_not_exist() {
        var backroom = f.board(root, "Staff", "Backroom", access(Set.of(Role.MODERATOR), Set.of(Role.MODERATOR)));
        var mod = moderator("Mod");
        var alice = member("Alice");
        var plan = f.start(mod, backroom, "Plans", "Secret plans");
        long before = f.log.lastPosition();

        assertThat(f.listBoards.list(alice)).isEmpty();
        assertThat(f.listBoards.list(mod)).extracting(s -> s.board().name().value()).containsExactly("Backroom");
        assertThat(f.listBoards.list(root)).as("a sysop sees every board").hasSize(1);
        var unknown = new NoSuchBoard();
        assertThat(catchThrowableOfType(BoardRejected.class, () -> f.listThreads.list(alice, backroom, 0, 20)).reason())
                .isEqualTo(unknown);
        assertThat(catchThrowableOfType(BoardRejected.class, () -> f.postMessage.startThread(alice, backroom, new Subject("Hi"),
                new MessageBody("Let me in"), WEB)).reason()).isEqualTo(unknown);
        assertThat(catchThrowableOfType(BoardRejected.class, () -> f.newScan.markRead(alice, backroom, 1, WEB)).reason())
                .isEqualTo(unknown);
        for (Runnable attempt : new Runnable[] {
                () -> f.readThread.read(alice, plan.thread()),
                () -> f.reply(alice, plan.thread(), Optional.empty(), "Hi"),
                () -> f.editMessage.edit(alice, plan.thread(), plan.message(), new MessageBody("x"), WEB)}) {
            assertThat(catchThrowableOfType(BoardRejected.class, attempt::run).reason()).as("a thread on a hidden board")
                    .isEqualTo(new NoSuchThread());
        }
        assertThat(f.newScan.scan(alice, 10).messages()).isEmpty();
        assertThat(f.since(before)).isEmpty();
    }

    @Test
    void an_api_key_without_boards_write_cannot_post_and_one_with_it_can() {
        var lobby = f.board(root, "General", "Lobby", BoardAccess.members());
        var alice = member("Alice");
        var readOnly = withKey(alice, Scope.EVENTS_READ);
        var writer = withKey(alice, Scope.BOARDS_WRITE);
        var thread = f.start(alice, lobby, "Hello", "Hi all");

        var denied = catchThrowableOfType(CredentialDenied.class, () -> f.postMessage.startThread(readOnly, lobby,
                new Subject("Bot"), new MessageBody("beep"), WEB));
        assertThat(denied.reason()).isEqualTo(new CredentialDenied.NeedsScope(Scope.BOARDS_WRITE));
        assertThat(catchThrowableOfType(CredentialDenied.class, () -> f.reply(readOnly, thread.thread(), Optional.empty(), "beep")))
                .isNotNull();

        long before = f.log.lastPosition();
        var posted = f.start(writer, lobby, "Bot", "beep");
        f.reply(writer, thread.thread(), Optional.of(thread.message()), "boop");

        assertThat(f.since(before)).hasSize(2).allSatisfy(r -> {
            assertThat(r.metadata().actor()).isEqualTo(alice.actor());
            assertThat(r.metadata().origin()).as("a key acts outside any session").isEqualTo(WEB);
            assertThat(((MessagePosted) r.event()).author()).isEqualTo(alice.account());
        });
        assertThat(f.listThreads.list(writer, lobby, 0, 20).threads()).extracting(Boards.Thread::thread)
                .contains(posted.thread());
    }

    @Test
    void a_boards_write_key_of_a_sysop_opens_no_board() {
        var key = withKey(root, Scope.BOARDS_WRITE);
        assertThat(catchThrowableOfType(AccessDenied.class, () -> f.createBoard.create(key, new ConferenceName("General"),
                new BoardName("Lobby"), "", BoardAccess.members(), WEB))).isNotNull();
        assertThat(f.log.recorded()).extracting(RecordedEvent::event).isEmpty();
    }

    @Test
    void a_name_is_claimed_on_its_own_stream_so_two_quick_creates_cannot_share_it() {
        f.createBoard.create(root, new ConferenceName("General"), new BoardName("Lobby"), "", BoardAccess.members(), WEB);
        // The projection has not seen the first board: the claim on the name's stream still refuses the second.
        assertThat(catchThrowableOfType(dev.scrollback.domain.boards.BoardRejected.class, () -> f.createBoard.create(root,
                new ConferenceName("Other"), new BoardName("  LOBBY "), "", BoardAccess.members(), WEB)).reason())
                .isEqualTo(new dev.scrollback.domain.boards.BoardRejected.BoardExists());
    }
}

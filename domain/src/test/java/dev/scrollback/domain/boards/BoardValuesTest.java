package dev.scrollback.domain.boards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.boards.BoardEvent.BoardCreated;
import dev.scrollback.domain.shared.DeciderSpec;
import dev.scrollback.domain.shared.InvalidValue;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BoardValuesTest {
    @Test
    void bodies_normalise_line_ends_and_refuse_hostile_text() {
        assertThat(new MessageBody("one\r\ntwo\rthree\n\n\n").value()).isEqualTo("one\ntwo\nthree");
        assertThat(new MessageBody("tab\tkept").value()).isEqualTo("tab\tkept");
        for (var hostile : new String[] {"", " \n\t ", "bell\u0007", "esc\u001b[2J", "nul\u0000", "x".repeat(20_001),
                "line\u2028separator", "\n".repeat(5) + "x".repeat(50_000)}) {
            assertThatThrownBy(() -> new MessageBody(hostile)).as(hostile.length() > 40 ? "long" : hostile).isInstanceOf(InvalidValue.class);
        }
        assertThatThrownBy(() -> new MessageBody("a\n".repeat(MessageBody.MAX_LINES) + "a")).isInstanceOf(InvalidValue.class);
        assertThat(new MessageBody("hello\n\nworld").quoted()).isEqualTo("> hello\n>\n> world\n");
    }

    @Test
    void one_line_names_are_bounded_and_stripped() {
        assertThat(new Subject("  Hi  ").value()).isEqualTo("Hi");
        assertThatThrownBy(() -> new Subject("two\nlines")).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> new Subject("x".repeat(121))).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> new BoardName(null)).isInstanceOf(InvalidValue.class);
        assertThat(new Subject("Modems").reply()).isEqualTo(new Subject("Re: Modems"));
        assertThat(new Subject("RE: Modems").reply()).isEqualTo(new Subject("RE: Modems"));
        assertThat(new Subject("x".repeat(120)).reply().value()).hasSize(120).startsWith("Re: ");
    }

    @Test
    void sysops_always_read_and_post_and_posters_may_read() {
        var access = new BoardAccess(Set.of(Role.MODERATOR), Set.of(Role.AUDITOR));
        assertThat(access.mayRead(Set.of(Role.AUDITOR))).isTrue();
        assertThat(access.mayPost(Set.of(Role.MODERATOR))).isFalse();
        assertThat(access.mayRead(Set.of(Role.MEMBER))).isFalse();
        assertThat(access.mayPost(Set.of(Role.SYSOP))).isTrue();
        assertThatThrownBy(() -> new BoardAccess(Set.of(), Set.of(Role.MEMBER))).isInstanceOf(InvalidValue.class);
    }

    @Test
    void a_board_is_created_once() {
        var spec = new DeciderSpec<>(new BoardDecider());
        var board = new BoardId(UUID.randomUUID());
        var at = Instant.parse("2031-05-01T12:00:00Z");
        var created = new BoardCreated(board, new ConferenceName("General"), new BoardName("Chatter"), "Anything goes",
                BoardAccess.members(), at);
        spec.given().when(new BoardDecider.Create(board, new ConferenceName("General"), new BoardName("Chatter"),
                "Anything goes", BoardAccess.members(), at)).then(created);
        spec.given(created).when(new BoardDecider.Create(board, new ConferenceName("General"), new BoardName("Chatter"), "",
                BoardAccess.members(), at)).thenRejectedWith(new BoardRejected.BoardExists());
    }

    @Test
    void read_marks_only_move_forward() {
        var account = new dev.scrollback.domain.shared.AccountId(UUID.randomUUID());
        var spec = new DeciderSpec<>(new ReadMarkDecider(account));
        var board = new BoardId(UUID.randomUUID());
        var at = Instant.parse("2031-05-01T12:00:00Z");
        var read = new ReadMarkEvent.BoardReadUpTo(account, board, 7, at);
        spec.given().when(new ReadMarkDecider.MarkRead(board, 7, at)).then(read);
        spec.given(read).when(new ReadMarkDecider.MarkRead(board, 5, at)).then();
        spec.given(read).when(new ReadMarkDecider.MarkRead(board, 9, at))
                .then(new ReadMarkEvent.BoardReadUpTo(account, board, 9, at));
        assertThatThrownBy(() -> new ReadMarkDecider.MarkRead(board, -1, at)).isInstanceOf(InvalidValue.class);
    }
}

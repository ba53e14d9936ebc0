package dev.scrollback.adapters.persistence.boards;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.application.boards.MessageIndex.BoardScope;
import dev.scrollback.application.boards.MessageIndex.Hit;
import dev.scrollback.application.boards.MessageIndex.Indexed;
import dev.scrollback.application.boards.SearchText;
import dev.scrollback.domain.boards.BoardId;
import dev.scrollback.domain.boards.MessageBody;
import dev.scrollback.domain.boards.MessageId;
import dev.scrollback.domain.boards.Subject;
import dev.scrollback.domain.boards.ThreadId;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LuceneMessageIndexTest {
    static final Instant T0 = Instant.parse("2031-05-01T12:00:00Z");
    final BoardId retro = new BoardId(UUID.randomUUID());
    final BoardId secret = new BoardId(UUID.randomUUID());
    final LuceneMessageIndex index = new LuceneMessageIndex();

    @AfterEach
    void close() {
        index.close();
    }

    MessageId post(BoardId board, String subject, String body) {
        var id = new MessageId(UUID.randomUUID());
        index.add(new Indexed(id, new ThreadId(UUID.randomUUID()), board, "alice", new Subject(subject),
                new MessageBody(body), T0));
        return id;
    }

    List<MessageId> find(String text, BoardId... boards) {
        return index.search(new SearchText(text), new BoardScope.Only(Set.of(boards)), 10).stream().map(Hit::message).toList();
    }

    @Test
    void every_word_must_match_in_subject_or_body_and_subjects_weigh_more() {
        var modems = post(retro, "Modems of old", "The US Robotics Courier was fast.");
        var bodyOnly = post(retro, "Hardware", "My old modem still dials; modems are fun.");
        post(retro, "Floppies", "Five and a quarter inches.");
        assertThat(find("modems", retro)).containsExactly(modems, bodyOnly);
        assertThat(find("robotics courier", retro)).containsExactly(modems);
        assertThat(find("robotics floppies", retro)).isEmpty();
        assertThat(find("\"courier was fast\"", retro)).containsExactly(modems);
        assertThat(find("mod*", retro)).contains(modems, bodyOnly);
        assertThat(find("modems -courier", retro)).containsExactly(bodyOnly);
    }

    @Test
    void only_the_boards_asked_for_are_searched() {
        var open = post(retro, "Modems", "fast");
        post(secret, "Modems", "hidden");
        assertThat(find("modems", retro)).containsExactly(open);
        assertThat(index.search(new SearchText("modems"), new BoardScope.Only(Set.of()), 10)).isEmpty();
        assertThat(index.search(new SearchText("modems"), new BoardScope.All(), 10)).hasSize(2);
    }

    @Test
    void an_edit_is_found_by_its_new_text_and_a_deleted_message_not_at_all() {
        var id = post(retro, "Modems", "The old text");
        index.edit(id, new MessageBody("The brand new wording"));
        assertThat(find("old", retro)).isEmpty();
        assertThat(find("wording", retro)).containsExactly(id);
        assertThat(index.search(new SearchText("wording"), new BoardScope.Only(Set.of(retro)), 1).getFirst().subject()).isEqualTo(new Subject("Modems"));
        index.remove(id);
        assertThat(find("wording", retro)).isEmpty();
        index.edit(id, new MessageBody("ignored"));                        // an unknown message: nothing happens
        assertThat(find("ignored", retro)).isEmpty();
    }

    @Test
    void hostile_queries_are_words_not_errors() {
        post(retro, "Modems", "fast (really) \"quoted\"");
        for (var hostile : List.of("\"", "(((", ")", "*", "-", "+", "~", "\\", "modems\"", "a AND OR NOT", "the", "~~~***",
                "x".repeat(200), "(" .repeat(100), "\"\"\"\"")) {
            assertThat(index.search(new SearchText(hostile), new BoardScope.Only(Set.of(retro)), 10)).as(hostile).isNotNull();
        }
        assertThat(find("(really", retro)).hasSize(1);
    }

    @Test
    void a_snippet_shows_the_body_around_the_first_word_found_on_one_line() {
        var body = "Intro line.\n" + "filler ".repeat(40) + "the COURIER modem\nmore text";
        var snippet = LuceneMessageIndex.snippet(body, new SearchText("courier"));
        assertThat(snippet).contains("COURIER").doesNotContain("\n").startsWith("…");
        assertThat(LuceneMessageIndex.snippet("short body", new SearchText("absent"))).isEqualTo("short body");
    }
}

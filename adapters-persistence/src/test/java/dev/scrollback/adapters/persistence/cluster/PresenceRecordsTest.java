package dev.scrollback.adapters.persistence.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.application.shared.Activity;
import dev.scrollback.application.shared.Presence;
import dev.scrollback.domain.shared.SessionId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PresenceRecordsTest {
    static final Instant T0 = Instant.parse("2031-06-01T09:00:00.123Z");

    static Presence presence(String activity) {
        return new Presence(new SessionId(UUID.randomUUID()), T0, new Activity(activity));
    }

    @Test
    void what_is_written_reads_back_the_same() {
        var sessions = List.of(presence("reading General / Chat"), presence("in chat: Lobby\u00a0☕"), presence("on the web"));
        var read = PresenceRecords.read(PresenceRecords.write(sessions, true), false, 100);
        assertThat(read.sessions()).containsExactlyElementsOf(sessions);
        assertThat(read.complete()).isTrue();
        assertThat(PresenceRecords.read(PresenceRecords.write(sessions, false), false, 100).complete()).isFalse();
    }

    @Test
    void lines_that_do_not_parse_are_skipped_and_a_foreign_value_reads_as_nothing_known() {
        var good = presence("at the main menu");
        var text = PresenceRecords.COMPLETE + "\nnot a line\n" + good.session() + "\t" + T0.toEpochMilli() + "\tat the main menu\n"
                + "1-2-3-4-5\t1\tx\n" + UUID.randomUUID() + "\tsoon\tx\n" + UUID.randomUUID() + "\t1\t\n";
        var read = PresenceRecords.read(text.getBytes(StandardCharsets.UTF_8), false, 100);
        assertThat(read.sessions()).containsExactly(good);

        var foreign = PresenceRecords.read("{\"sessions\":[]}".getBytes(StandardCharsets.UTF_8), false, 100);
        assertThat(foreign.sessions()).isEmpty();
        assertThat(foreign.complete()).as("an instance whose sessions we cannot read may serve any").isFalse();
    }

    @Test
    void reading_stops_at_the_limit_and_a_cut_value_loses_its_last_line_and_is_partial() {
        var sessions = List.of(presence("a"), presence("b"), presence("c"));
        var bytes = PresenceRecords.write(sessions, true);
        var limited = PresenceRecords.read(bytes, false, 2);
        assertThat(limited.sessions()).containsExactly(sessions.get(0), sessions.get(1));
        assertThat(limited.complete()).isFalse();

        var cut = PresenceRecords.read(java.util.Arrays.copyOf(bytes, bytes.length - 5), true, 100);
        assertThat(cut.sessions()).containsExactly(sessions.get(0), sessions.get(1));
        assertThat(cut.complete()).isFalse();
    }
}

package dev.scrollback.application.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrollback.domain.accounts.AccountEvent.EmailVerified;
import dev.scrollback.domain.shared.AccountId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@link EventLog#readAfter(StreamId, long)} in memory, as the persistence contract asks of the real stores. */
class InMemoryEventLogTailTest {
    static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");
    static final AccountId ACCOUNT = new AccountId(UUID.randomUUID());
    static final EventMetadata META = EventMetadata.of(Actor.system(), Origin.system(), T0);

    final InMemoryEventLog log = new InMemoryEventLog();
    final StreamId stream = StreamId.of("account", UUID.randomUUID());

    static EmailVerified verified(int n) {
        return new EmailVerified(ACCOUNT, T0.plusMillis(n));
    }

    @Test
    void a_stream_reads_after_a_version_only_its_own_later_events() {
        var a = log.append(new StreamAppend(stream, ExpectedVersion.noStream(), List.of(verified(1), verified(2))), META);
        var other = log.append(new StreamAppend(StreamId.of("account", UUID.randomUUID()), ExpectedVersion.noStream(),
                List.of(verified(0))), META);
        var b = log.append(new StreamAppend(stream, ExpectedVersion.exactly(1), List.of(verified(3))), META);

        assertThat(log.readAfter(stream, -1)).containsExactlyElementsOf(log.read(stream).events())
                .containsExactly(a.get(0), a.get(1), b.getFirst());
        assertThat(log.readAfter(stream, 0)).containsExactly(a.get(1), b.getFirst());
        assertThat(log.readAfter(stream, 1)).containsExactly(b.getFirst()).doesNotContainAnyElementsOf(other);
    }

    @Test
    void after_the_end_past_it_or_on_an_unknown_stream_nothing_is_read() {
        log.append(new StreamAppend(stream, ExpectedVersion.noStream(), List.of(verified(1), verified(2))), META);

        assertThat(log.readAfter(stream, 1)).isEmpty();
        assertThat(log.readAfter(stream, 2)).isEmpty();
        assertThat(log.readAfter(stream, Long.MAX_VALUE)).isEmpty();
        assertThat(log.readAfter(StreamId.of("account", UUID.randomUUID()), -1)).isEmpty();
        assertThat(log.readAfter(StreamId.of("account", UUID.randomUUID()), 3)).isEmpty();
    }

    @Test
    void a_version_below_minus_1_is_refused() {
        assertThatThrownBy(() -> log.readAfter(stream, -2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> log.readAfter(stream, Long.MIN_VALUE)).isInstanceOf(IllegalArgumentException.class);
    }
}

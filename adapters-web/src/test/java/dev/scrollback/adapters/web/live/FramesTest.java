package dev.scrollback.adapters.web.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.application.feed.FeedItem;
import dev.scrollback.application.feed.JsonText;
import dev.scrollback.application.live.LiveItem;
import dev.scrollback.application.shared.Actor;
import dev.scrollback.application.shared.EventMetadata;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.RecordedEvent;
import dev.scrollback.application.shared.StreamId;
import dev.scrollback.domain.accounts.AccountEvent.EmailVerified;
import dev.scrollback.domain.shared.AccountId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The frame of an event is serialized once, however many connections it goes to, and never mixed up with another. */
class FramesTest {
    final AtomicInteger made = new AtomicInteger();
    final Frames frames = new Frames(item -> "frame " + item.position() + " #" + made.incrementAndGet());

    @Test
    void a_frame_is_made_once_per_event_however_many_connections_send_it() {
        var item = item(7);
        var first = text(frames.of(item));
        for (int i = 0; i < 1_000; i++) assertThat(text(frames.of(item))).isEqualTo(first);
        assertThat(made).hasValue(1);
    }

    @Test
    void each_connection_gets_a_view_of_its_own_so_one_write_does_not_empty_another() {
        var item = item(5);
        var one = frames.of(item);
        var other = frames.of(item);
        one.get(new byte[one.remaining()]);                   // as a socket write consumes it
        assertThat(one.hasRemaining()).isFalse();
        assertThat(text(other)).startsWith("frame 5 ");
        assertThat(other.isReadOnly()).isTrue();
    }

    @Test
    void an_event_whose_slot_was_taken_by_another_is_made_again_correctly() {
        var early = item(3);
        frames.of(early);
        assertThat(text(frames.of(item(3 + Frames.SLOTS)))).startsWith("frame " + (3 + Frames.SLOTS) + " ");   // same slot
        assertThat(text(frames.of(early))).startsWith("frame 3 ");
        assertThat(made).hasValue(3);
    }

    @Test
    void the_payload_is_the_text_in_utf_8() {
        var accents = new Frames(item -> "Grüße ☺");
        assertThat(text(accents.of(item(1)))).isEqualTo("Grüße ☺");
    }

    private static String text(ByteBuffer payload) {
        return StandardCharsets.UTF_8.decode(payload.duplicate()).toString();
    }

    private static LiveItem item(long position) {
        var account = new AccountId(UUID.randomUUID());
        var stream = StreamId.of("account", account.value());
        var metadata = EventMetadata.of(Actor.system(), Origin.system(), Instant.EPOCH);
        var recorded = new RecordedEvent(position, UUID.randomUUID(), stream, 0, "EmailVerified", 1, metadata,
                new EmailVerified(account, Instant.EPOCH));
        var view = new FeedItem(position, recorded.id(), "EmailVerified", 1, stream, 0, Instant.EPOCH, Actor.system(),
                Origin.system(), UUID.randomUUID(), Optional.empty(), new JsonText("{}"));
        return new LiveItem(recorded, view);
    }
}

package dev.scrollback.adapters.persistence.shared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.application.shared.ExpectedVersion;
import dev.scrollback.application.shared.RecordedEvent;
import dev.scrollback.application.shared.StreamAppend;
import dev.scrollback.domain.accounts.AccountEvent.EmailVerified;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The projections' shared window of the log's latest events, on a real embedded store. */
class ProjectionWindowTest {
    @TempDir
    Path dataDirectory;

    EventStore store;
    Projections.Window window;

    @BeforeEach
    void open() {
        store = EventStore.open(new StoreSettings.Embedded(dataDirectory));
        window = new Projections.Window(store.eventLog());
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void readers_at_any_distance_behind_get_every_event_once_and_in_order() {
        appendVerified(3 * Projections.Window.CAPACITY);
        var all = store.eventLog().readAfter(0, 10_000).stream().map(RecordedEvent::position).toList();

        var leader = readAll(0);                                 // fills the window as it goes
        var follower = readAll(0);                               // behind the window at first, then served from it
        var late = readAll(all.get(all.size() - 100));            // inside the window

        assertThat(leader).isEqualTo(all);
        assertThat(follower).isEqualTo(all);
        assertThat(late).isEqualTo(all.subList(all.size() - 99, all.size()));
        assertThat(window.after(all.getLast())).isEmpty();
    }

    @Test
    void events_offered_by_the_follower_are_served_from_the_window_without_reading_the_log() {
        appendVerified(3);
        long last = store.eventLog().lastPosition();
        assertThat(readAll(0)).hasSize(3);
        // Not in the log: only the window can hand these out. Positions need not be consecutive.
        window.offer(last, recorded(last + 5));
        window.offer(last + 5, recorded(last + 9));

        assertThat(positions(window.after(last))).containsExactly(last + 5, last + 9);
        assertThat(positions(window.after(last + 5))).containsExactly(last + 9);
    }

    @Test
    void an_offer_that_does_not_continue_the_window_is_ignored_or_starts_it_anew() {
        appendVerified(3);
        long last = store.eventLog().lastPosition();
        readAll(0);
        window.offer(last - 2, recorded(last - 1));               // already held: ignored
        assertThat(positions(window.after(last - 3))).containsExactly(last - 2, last - 1, last);

        window.offer(last + 10, recorded(last + 11));             // the window is behind: it starts again there
        assertThat(positions(window.after(last + 10))).containsExactly(last + 11);
        assertThat(positions(window.after(0))).as("older events come from the log again").hasSize(3);
    }

    private List<Long> readAll(long after) {
        var positions = new ArrayList<Long>();
        long at = after;
        while (true) {
            var page = window.after(at);
            if (page.isEmpty()) return positions;
            positions.addAll(positions(page));
            at = positions.getLast();
        }
    }

    private static List<Long> positions(List<TrackedEventMessage<?>> page) {
        return page.stream().map(m -> ((GlobalSequenceTrackingToken) m.trackingToken()).getGlobalIndex()).toList();
    }

    private static RecordedEvent recorded(long position) {
        var event = new EmailVerified(SampleEvents.ACCOUNT, Instant.EPOCH);
        return new RecordedEvent(position, UUID.randomUUID(), SampleEvents.streamOf(event), position, "EmailVerified", 1,
                SampleEvents.metadata(), event);
    }

    private void appendVerified(int count) {
        for (int i = 0; i < count; i++) {
            var event = new EmailVerified(SampleEvents.ACCOUNT, Instant.EPOCH.plusSeconds(i));
            store.eventLog().append(new StreamAppend(SampleEvents.streamOf(event), ExpectedVersion.any(), List.of(event)),
                    SampleEvents.metadata());
        }
    }
}

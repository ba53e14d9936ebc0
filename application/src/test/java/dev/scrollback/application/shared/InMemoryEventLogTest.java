package dev.scrollback.application.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.scrollback.domain.shared.DomainEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The in-memory log keeps the {@link EventLog} contract, so tests built on it mean something. */
class InMemoryEventLogTest {
    record Noted(String text) implements DomainEvent {}

    static final StreamId A = new StreamId("note-a");
    static final StreamId B = new StreamId("note-b");
    static final EventMetadata META = EventMetadata.of(Actor.system(), Origin.system(), Instant.parse("2025-03-01T20:00:00Z"));

    final InMemoryEventLog log = new InMemoryEventLog();

    static StreamAppend append(StreamId stream, ExpectedVersion expected, String... texts) {
        return new StreamAppend(stream, expected, List.of(texts).stream().map(Noted::new).toList());
    }

    @Test
    void an_empty_log_has_nothing() {
        assertThat(log.lastPosition()).isZero();
        assertThat(log.readAfter(0, 10)).isEmpty();
        var history = log.read(A);
        assertThat(history.exists()).isFalse();
        assertThat(history.version()).isEqualTo(-1);
        assertThat(history.expectedNext()).isEqualTo(ExpectedVersion.noStream());
    }

    @Test
    void positions_start_at_1_and_versions_at_0() {
        var recorded = log.append(append(A, ExpectedVersion.noStream(), "one", "two"), META);

        assertThat(recorded).extracting(RecordedEvent::position).containsExactly(1L, 2L);
        assertThat(recorded).extracting(RecordedEvent::version).containsExactly(0L, 1L);
        assertThat(recorded).extracting(RecordedEvent::type).containsOnly("Noted");
        assertThat(recorded).extracting(RecordedEvent::schemaVersion).containsOnly(1);
        assertThat(recorded).extracting(RecordedEvent::metadata).containsOnly(META);
        assertThat(recorded.get(0).id()).isNotEqualTo(recorded.get(1).id());
        assertThat(log.read(A).version()).isEqualTo(1);
        assertThat(log.lastPosition()).isEqualTo(2);
    }

    @Test
    void one_append_writes_several_streams_in_order() {
        log.append(List.of(append(A, ExpectedVersion.noStream(), "a1"), append(B, ExpectedVersion.noStream(), "b1", "b2")), META);

        assertThat(log.readAfter(0, 10)).extracting(r -> r.stream().value() + "@" + r.version() + "#" + r.position())
                .containsExactly("note-a@0#1", "note-b@0#2", "note-b@1#3");
        assertThat(log.streamIds()).containsExactly(A, B);
    }

    @Test
    void a_stale_expectation_on_any_stream_writes_nothing_at_all() {
        log.append(append(A, ExpectedVersion.noStream(), "a1"), META);

        var conflict = catchThrowableOfType(EventLog.Conflict.class, () -> log.append(List.of(
                append(B, ExpectedVersion.noStream(), "b1"),
                append(A, ExpectedVersion.noStream(), "a2")), META));

        assertThat(conflict.stream()).isEqualTo(A);
        assertThat(conflict.expected()).isEqualTo(ExpectedVersion.noStream());
        assertThat(conflict.actual()).isZero();
        assertThat(log.read(B).exists()).isFalse();
        assertThat(log.lastPosition()).isEqualTo(1);
    }

    @Test
    void exact_and_any_expectations_are_checked() {
        log.append(append(A, ExpectedVersion.noStream(), "a1"), META);
        log.append(append(A, ExpectedVersion.exactly(0), "a2"), META);
        assertThatThrownBy(() -> log.append(append(A, ExpectedVersion.exactly(0), "late"), META))
                .isInstanceOf(EventLog.Conflict.class);
        log.append(append(A, ExpectedVersion.any(), "whatever"), META);
        assertThat(log.read(A).version()).isEqualTo(2);
    }

    @Test
    void two_appends_to_one_stream_in_one_call_follow_each_other() {
        log.append(List.of(append(A, ExpectedVersion.noStream(), "a1"), append(A, ExpectedVersion.exactly(0), "a2")), META);
        assertThat(log.events(A)).containsExactly(new Noted("a1"), new Noted("a2"));
    }

    @Test
    void read_after_pages_through_positions() {
        for (int i = 0; i < 5; i++) log.append(append(A, ExpectedVersion.any(), "n" + i), META);
        assertThat(log.readAfter(0, 2)).extracting(RecordedEvent::position).containsExactly(1L, 2L);
        assertThat(log.readAfter(2, 2)).extracting(RecordedEvent::position).containsExactly(3L, 4L);
        assertThat(log.readAfter(4, 2)).extracting(RecordedEvent::position).containsExactly(5L);
        assertThat(log.readAfter(5, 2)).isEmpty();
        assertThat(log.readAfter(Long.MAX_VALUE, Integer.MAX_VALUE)).isEmpty();
        assertThatThrownBy(() -> log.readAfter(-1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> log.readAfter(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void racing_writers_never_share_a_version() throws InterruptedException {
        var wins = new AtomicInteger();
        var start = new CountDownLatch(1);
        var writers = new ArrayList<Thread>();
        for (int t = 0; t < 4; t++) {
            writers.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 200; i++) {
                    var history = log.read(A);
                    try {
                        log.append(append(A, history.expectedNext(), "x"), META);
                        wins.incrementAndGet();
                    } catch (EventLog.Conflict lost) {
                        // someone else wrote that version
                    }
                }
            }));
        }
        start.countDown();
        for (var writer : writers) writer.join();

        assertThat(log.read(A).version()).isEqualTo(wins.get() - 1);
        assertThat(log.readAfter(0, 10_000)).extracting(RecordedEvent::position)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, wins.get()).boxed().toList());
    }

    @Test
    void a_follower_gets_history_then_live_events_in_order_until_closed() throws InterruptedException {
        log.append(append(A, ExpectedVersion.any(), "old1", "old2", "old3"), META);
        var received = new LinkedBlockingQueue<RecordedEvent>();

        var subscription = log.follow(1, received::add);
        for (int i = 0; i < 50; i++) log.append(append(B, ExpectedVersion.any(), "live" + i), META);

        var positions = new ArrayList<Long>();
        while (positions.size() < 52) {
            var next = received.poll(30, TimeUnit.SECONDS);
            assertThat(next).as("event %d arrives", positions.size() + 2).isNotNull();
            positions.add(next.position());
        }
        assertThat(positions).containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(2, 53).boxed().toList());

        subscription.close();
        log.append(append(A, ExpectedVersion.any(), "after close"), META);
        assertThat(received.poll(100, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void a_follower_that_throws_is_told_and_stopped() throws InterruptedException {
        var errors = new LinkedBlockingQueue<Throwable>();
        var calls = new AtomicInteger();
        var subscription = log.follow(0, new EventLog.Subscriber() {
            @Override
            public void onEvent(RecordedEvent event) {
                calls.incrementAndGet();
                throw new IllegalStateException("subscriber broke");
            }

            @Override
            public void onError(Throwable failure) {
                errors.add(failure);
            }
        });
        log.append(append(A, ExpectedVersion.any(), "one", "two"), META);

        assertThat(errors.poll(30, TimeUnit.SECONDS)).hasMessage("subscriber broke");
        subscription.close();
        assertThat(calls.get()).isEqualTo(1);
    }

    @Test
    void a_follower_may_close_itself_from_inside_on_event() throws InterruptedException {
        var received = new CopyOnWriteArrayList<Long>();
        var closed = new CountDownLatch(1);
        var holder = new EventLog.Subscription[1];
        log.append(append(A, ExpectedVersion.any(), "one", "two", "three"), META);
        synchronized (holder) {
            holder[0] = log.follow(0, event -> {
                received.add(event.position());
                synchronized (holder) {
                    holder[0].close();
                }
                closed.countDown();
            });
        }
        assertThat(closed.await(30, TimeUnit.SECONDS)).isTrue();
        log.append(append(A, ExpectedVersion.any(), "four"), META);
        Thread.sleep(50);
        assertThat(received).containsExactly(1L);
    }

    @Test
    void an_interleaving_runs_once_before_the_next_append() {
        var runs = new AtomicInteger();
        log.beforeNextAppend(() -> {
            runs.incrementAndGet();
            log.append(append(A, ExpectedVersion.noStream(), "sneaky"), META);
        });

        assertThatThrownBy(() -> log.append(append(A, ExpectedVersion.noStream(), "mine"), META))
                .isInstanceOf(EventLog.Conflict.class);
        log.append(append(A, ExpectedVersion.exactly(0), "mine again"), META);

        assertThat(runs.get()).isEqualTo(1);
        assertThat(log.events(A)).containsExactly(new Noted("sneaky"), new Noted("mine again"));
    }
}

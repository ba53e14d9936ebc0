package dev.scrollback.application.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrollback.application.shared.Decision.Loaded;
import dev.scrollback.domain.accounts.AccountEvent;
import dev.scrollback.domain.accounts.AccountEvent.EmailVerified;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Decider;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StreamStatesTest {
    static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");
    static final AccountId ACCOUNT = new AccountId(UUID.randomUUID());
    static final EventMetadata META = EventMetadata.of(Actor.system(), Origin.system(), T0);

    final TailReads log = new TailReads(new InMemoryEventLog());
    final StreamStates states = new StreamStates(3);
    final StreamId stream = StreamId.of("account", UUID.randomUUID());

    /** Folds the millis of every event into a list: the state says exactly which events it saw, in which order. */
    static final class Seen implements Decider<Long, List<Long>, AccountEvent> {
        @Override
        public List<Long> initialState() {
            return List.of();
        }

        @Override
        public List<AccountEvent> decide(Long millis, List<Long> state) {
            return List.of(event(millis));
        }

        @Override
        public List<Long> evolve(List<Long> state, AccountEvent event) {
            var next = new ArrayList<>(state);
            next.add(((EmailVerified) event).at().toEpochMilli() - T0.toEpochMilli());
            return List.copyOf(next);
        }
    }

    /** Another decider on the same events, folding differently: counts them. */
    static final class Counted implements Decider<Long, Integer, AccountEvent> {
        @Override
        public Integer initialState() {
            return 0;
        }

        @Override
        public List<AccountEvent> decide(Long millis, Integer state) {
            return List.of(event(millis));
        }

        @Override
        public Integer evolve(Integer state, AccountEvent event) {
            return state + 1;
        }
    }

    static AccountEvent event(long millis) {
        return new EmailVerified(ACCOUNT, T0.plusMillis(millis));
    }

    void append(StreamId stream, long... millis) {
        var events = new ArrayList<AccountEvent>();
        for (long m : millis) events.add(event(m));
        log.append(new StreamAppend(stream, ExpectedVersion.any(), events), META);
    }

    Loaded<List<Long>> load(StreamId stream) {
        return states.load(log, stream, new Seen(), AccountEvent.class);
    }

    @Test
    void a_first_load_folds_the_whole_stream_and_the_next_one_only_reads_after_it() {
        append(stream, 1, 2, 3);

        var first = load(stream);
        var second = load(stream);

        assertThat(first).isEqualTo(new Loaded<>(stream, 2, List.of(1L, 2L, 3L)));
        assertThat(second).isEqualTo(first);
        assertThat(log.readsAfter).containsExactly(-1L, 2L);
    }

    @Test
    void events_appended_since_are_folded_onto_the_kept_state() {
        append(stream, 1, 2);
        load(stream);
        append(stream, 3);
        append(stream, 4, 5);

        assertThat(load(stream)).isEqualTo(new Loaded<>(stream, 4, List.of(1L, 2L, 3L, 4L, 5L)));
        assertThat(load(stream)).isEqualTo(new Loaded<>(stream, 4, List.of(1L, 2L, 3L, 4L, 5L)));
        assertThat(log.readsAfter).containsExactly(-1L, 1L, 4L);
    }

    @Test
    void a_stream_that_does_not_exist_loads_as_the_initial_state_and_is_not_kept() {
        var missing = load(StreamId.of("account", UUID.randomUUID()));

        assertThat(missing.version()).isEqualTo(-1);
        assertThat(missing.state()).isEmpty();
        assertThat(states.size()).isZero();
    }

    @Test
    void a_decision_on_a_kept_state_still_expects_the_version_it_read_so_a_stale_one_conflicts() {
        append(stream, 1);
        load(stream);
        var decided = Decision.make(log, stream, new Seen(), AccountEvent.class, 2L);
        append(stream, 9);                                       // another writer, after the decision read

        assertThat(decided.version()).isZero();
        assertThatThrownBy(() -> log.append(decided.toAppend(), META)).isInstanceOf(EventLog.Conflict.class);
        var again = Decision.make(log, stream, new Seen(), AccountEvent.class, 2L);
        assertThat(again.version()).isEqualTo(1);
        assertThat(again.before()).containsExactly(1L, 9L);
        log.append(again.toAppend(), META);
        assertThat(load(stream).state()).containsExactly(1L, 9L, 2L);
    }

    @Test
    void each_decider_class_keeps_its_own_fold_of_a_stream() {
        append(stream, 1, 2);

        assertThat(load(stream).state()).containsExactly(1L, 2L);
        assertThat(states.load(log, stream, new Counted(), AccountEvent.class).state()).isEqualTo(2);
        append(stream, 3);
        assertThat(states.load(log, stream, new Counted(), AccountEvent.class).state()).isEqualTo(3);
        assertThat(load(stream).state()).containsExactly(1L, 2L, 3L);
        assertThat(states.size()).isEqualTo(2);
    }

    @Test
    void no_more_than_the_capacity_is_kept_and_the_least_recently_loaded_goes_first() {
        var streams = new ArrayList<StreamId>();
        for (int i = 0; i < 4; i++) {
            streams.add(StreamId.of("account", UUID.randomUUID()));
            append(streams.get(i), i, i);
        }
        load(streams.get(0));
        load(streams.get(1));
        load(streams.get(2));
        load(streams.get(0));                                    // now 1 is the least recently loaded
        load(streams.get(3));
        assertThat(states.size()).isEqualTo(3);

        log.readsAfter.clear();
        load(streams.get(1));                                    // evicted: read from the start
        load(streams.get(3));                                    // kept: read after its version
        assertThat(log.readsAfter).containsExactly(-1L, 1L);
        assertThat(states.size()).isEqualTo(3);
    }

    @Test
    void a_thousand_streams_never_grow_it_past_the_capacity() {
        for (int i = 0; i < 1_000; i++) {
            var one = StreamId.of("account", UUID.randomUUID());
            append(one, i);
            assertThat(load(one).state()).containsExactly((long) i);
        }
        assertThat(states.size()).isEqualTo(3);
    }

    @Test
    void concurrent_loads_and_appends_always_answer_the_stream_as_it_was_at_the_version_returned() throws Exception {
        var shared = List.of(stream, StreamId.of("account", UUID.randomUUID()));
        int threads = 8, rounds = 300;
        var wrong = new ConcurrentLinkedQueue<String>();
        var next = new AtomicLong();
        var start = new CountDownLatch(1);
        var workers = new ArrayList<Thread>();
        var failures = new CopyOnWriteArrayList<Throwable>();
        for (int t = 0; t < threads; t++) {
            int seed = t;
            workers.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                    for (int i = 0; i < rounds; i++) {
                        var one = shared.get((seed + i) % shared.size());
                        if ((seed + i) % 3 == 0) append(one, next.incrementAndGet());
                        var loaded = load(one);
                        var truth = log.read(one).events().stream().filter(e -> e.version() <= loaded.version())
                                .map(e -> (AccountEvent) e.event()).toList();
                        var expected = new Seen().replay(truth);
                        if (!loaded.state().equals(expected)) wrong.add(one + "@" + loaded.version());
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        start.countDown();
        for (var worker : workers) worker.join();

        assertThat(failures).isEmpty();
        assertThat(wrong).isEmpty();
        for (var one : shared) {
            var history = log.read(one);
            assertThat(load(one)).isEqualTo(new Loaded<>(one, history.version(),
                    new Seen().replay(history.eventsOf(AccountEvent.class))));
        }
    }

    @Test
    void each_log_has_its_own_states_and_loaded_load_uses_them() {
        var other = new InMemoryEventLog();
        append(stream, 1);
        other.append(new StreamAppend(stream, ExpectedVersion.noStream(), List.of(event(7), event(8))), META);

        assertThat(StreamStates.of(log)).isSameAs(StreamStates.of(log)).isNotSameAs(StreamStates.of(other));
        assertThat(Loaded.load(log, stream, new Seen(), AccountEvent.class).state()).containsExactly(1L);
        assertThat(Loaded.load(other, stream, new Seen(), AccountEvent.class).state()).containsExactly(7L, 8L);
        assertThat(Loaded.load(log, stream, new Seen(), AccountEvent.class).state()).containsExactly(1L);
        assertThat(StreamStates.of(log).size()).isEqualTo(1);
    }

    @Test
    void a_tail_that_does_not_continue_the_kept_version_is_not_trusted_and_the_stream_is_folded_again() {
        append(stream, 1, 2);
        load(stream);
        append(stream, 3, 4);
        log.skipNextTailEvent = true;                            // a store answering from version 3 when asked after 1

        assertThat(load(stream)).isEqualTo(new Loaded<>(stream, 3, List.of(1L, 2L, 3L, 4L)));
        assertThat(log.readsAfter).containsExactly(-1L, 1L, -1L);
    }

    @Test
    void a_capacity_below_one_is_refused() {
        assertThatThrownBy(() -> new StreamStates(0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The in-memory log, noting which version each stream tail read started after. */
    static final class TailReads implements EventLog {
        final InMemoryEventLog log;
        final List<Long> readsAfter = new CopyOnWriteArrayList<>();
        volatile boolean skipNextTailEvent;

        TailReads(InMemoryEventLog log) {
            this.log = log;
        }

        @Override
        public List<RecordedEvent> append(List<StreamAppend> appends, EventMetadata metadata) {
            return log.append(appends, metadata);
        }

        @Override
        public StreamHistory read(StreamId stream) {
            return log.read(stream);
        }

        @Override
        public List<RecordedEvent> readAfter(StreamId stream, long afterVersion) {
            readsAfter.add(afterVersion);
            var tail = log.readAfter(stream, afterVersion);
            if (skipNextTailEvent && !tail.isEmpty()) {
                skipNextTailEvent = false;
                return tail.subList(1, tail.size());
            }
            return tail;
        }

        @Override
        public List<RecordedEvent> readAfter(long after, int limit) {
            return log.readAfter(after, limit);
        }

        @Override
        public long lastPosition() {
            return log.lastPosition();
        }

        @Override
        public Subscription follow(long after, Subscriber subscriber) {
            return log.follow(after, subscriber);
        }
    }
}

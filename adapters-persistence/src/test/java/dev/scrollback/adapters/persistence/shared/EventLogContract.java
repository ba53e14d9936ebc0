package dev.scrollback.adapters.persistence.shared;

import static dev.scrollback.adapters.persistence.shared.SampleEvents.metadata;
import static dev.scrollback.adapters.persistence.shared.SampleEvents.verified;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrollback.application.feed.FeedItem;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.EventLog.Conflict;
import dev.scrollback.application.shared.ExpectedVersion;
import dev.scrollback.application.shared.RecordedEvent;
import dev.scrollback.application.shared.StreamAppend;
import dev.scrollback.application.shared.StreamId;
import dev.scrollback.application.shared.UuidV7;
import dev.scrollback.domain.accounts.AccountEvent.AccountRegistered;
import dev.scrollback.domain.accounts.AccountEvent.EmailVerificationIssued;
import dev.scrollback.domain.sessions.SessionEvent.SessionStarted;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What every event store must do (SPEC §3), run against each backend by a subclass. */
abstract class EventLogContract {
    private final List<EventStore> opened = new ArrayList<>();

    /** Where this backend's store lives; fresh for each test. */
    protected abstract StoreSettings settings();

    /** A plain JDBC connection to the store's database, to look at (or tamper with) the table directly. */
    protected abstract Connection rawConnection() throws SQLException;

    protected EventStore open() {
        var store = EventStore.open(settings());
        opened.add(store);
        return store;
    }

    @AfterEach
    void closeStores() {
        opened.forEach(EventStore::close);
    }

    @Test
    void positions_start_at_1_and_increase_in_append_order() {
        var log = open().eventLog();
        assertThat(log.lastPosition()).isZero();
        var first = log.append(SampleEvents.onNewStream("account", verified(1), verified(2)), metadata());
        var second = log.append(SampleEvents.onNewStream("account", verified(3)), metadata());

        assertThat(first).extracting(RecordedEvent::position).containsExactly(1L, 2L);
        assertThat(second.getFirst().position()).isGreaterThan(2L);
        assertThat(first).extracting(RecordedEvent::version).containsExactly(0L, 1L);
        assertThat(log.lastPosition()).isEqualTo(second.getFirst().position());
        assertThat(log.readAfter(0, 10)).containsExactlyElementsOf(concat(first, second));
        assertThat(log.readAfter(1, 1)).containsExactly(first.get(1));
    }

    @Test
    void a_stream_reads_back_in_order_with_its_version() {
        var log = open().eventLog();
        var stream = StreamId.of("account", UUID.randomUUID());
        var other = log.append(SampleEvents.onNewStream("account", verified(0)), metadata());
        var a = log.append(new StreamAppend(stream, ExpectedVersion.noStream(), List.of(verified(1), verified(2))), metadata());
        var b = log.append(new StreamAppend(stream, ExpectedVersion.exactly(1), List.of(verified(3))), metadata());

        var history = log.read(stream);
        assertThat(history.version()).isEqualTo(2);
        assertThat(history.events()).containsExactlyElementsOf(concat(a, b));
        assertThat(history.events()).doesNotContainAnyElementsOf(other);
        var missing = log.read(StreamId.of("account", UUID.randomUUID()));
        assertThat(missing.version()).isEqualTo(-1);
        assertThat(missing.events()).isEmpty();
    }

    @Test
    void a_stream_reads_after_a_version_only_its_own_later_events() {
        var log = open().eventLog();
        var stream = StreamId.of("account", UUID.randomUUID());
        var a = log.append(new StreamAppend(stream, ExpectedVersion.noStream(), List.of(verified(1), verified(2))), metadata());
        var other = log.append(SampleEvents.onNewStream("account", verified(0), verified(0), verified(0)), metadata());
        var b = log.append(new StreamAppend(stream, ExpectedVersion.exactly(1), List.of(verified(3))), metadata());

        assertThat(log.readAfter(stream, -1)).containsExactlyElementsOf(log.read(stream).events())
                .containsExactlyElementsOf(concat(a, b));
        assertThat(log.readAfter(stream, 0)).containsExactly(a.get(1), b.getFirst());
        assertThat(log.readAfter(stream, 1)).containsExactly(b.getFirst());
        assertThat(log.readAfter(stream, 1)).doesNotContainAnyElementsOf(other);
    }

    @Test
    void reading_a_stream_after_its_end_or_an_unknown_stream_reads_nothing() {
        var log = open().eventLog();
        var id = UUID.randomUUID().toString();
        var stream = StreamId.of("account", id);
        log.append(new StreamAppend(stream, ExpectedVersion.noStream(), List.of(verified(1), verified(2))), metadata());

        assertThat(log.readAfter(stream, 1)).isEmpty();                       // at the end
        assertThat(log.readAfter(stream, 2)).isEmpty();                       // past it
        assertThat(log.readAfter(stream, Long.MAX_VALUE)).isEmpty();
        assertThat(log.readAfter(StreamId.of("account", UUID.randomUUID()), -1)).isEmpty();
        assertThat(log.readAfter(StreamId.of("account", UUID.randomUUID()), 5)).isEmpty();
        assertThat(log.readAfter(StreamId.of("account", id.toUpperCase(Locale.ROOT)), -1)).isEmpty();  // names are exact
        assertThat(log.readAfter(StreamId.of("account", id.substring(0, 8)), -1)).isEmpty();
    }

    @Test
    void reading_a_stream_after_a_version_below_minus_1_is_refused() {
        var log = open().eventLog();
        var stream = StreamId.of("account", UUID.randomUUID());
        log.append(new StreamAppend(stream, ExpectedVersion.noStream(), List.of(verified(1))), metadata());

        assertThatThrownBy(() -> log.readAfter(stream, -2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> log.readAfter(stream, Long.MIN_VALUE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_wrong_expected_version_is_a_conflict_and_writes_nothing() {
        var log = open().eventLog();
        var stream = StreamId.of("account", UUID.randomUUID());
        log.append(new StreamAppend(stream, ExpectedVersion.noStream(), List.of(verified(1))), metadata());

        assertThatThrownBy(() -> log.append(new StreamAppend(stream, ExpectedVersion.exactly(3), List.of(verified(2))), metadata()))
                .isInstanceOfSatisfying(Conflict.class, c -> {
                    assertThat(c.stream()).isEqualTo(stream);
                    assertThat(c.expected()).isEqualTo(ExpectedVersion.exactly(3));
                    assertThat(c.actual()).isZero();
                });
        assertThatThrownBy(() -> log.append(new StreamAppend(stream, ExpectedVersion.noStream(), List.of(verified(2))), metadata()))
                .isInstanceOfSatisfying(Conflict.class, c -> assertThat(c.actual()).isZero());
        assertThat(log.read(stream).events()).hasSize(1);
        assertThat(log.lastPosition()).isEqualTo(1);
    }

    @Test
    void a_multi_stream_append_is_atomic() {
        var log = open().eventLog();
        var existing = StreamId.of("account", UUID.randomUUID());
        var fresh = StreamId.of("handle", "alice");
        log.append(new StreamAppend(existing, ExpectedVersion.noStream(), List.of(verified(1))), metadata());

        assertThatThrownBy(() -> log.append(List.of(
                new StreamAppend(fresh, ExpectedVersion.noStream(), List.of(verified(2))),
                new StreamAppend(existing, ExpectedVersion.exactly(7), List.of(verified(3)))), metadata()))
                .isInstanceOfSatisfying(Conflict.class, c -> assertThat(c.stream()).isEqualTo(existing));
        assertThat(log.read(fresh).exists()).isFalse();

        var both = log.append(List.of(
                new StreamAppend(fresh, ExpectedVersion.noStream(), List.of(verified(2))),
                new StreamAppend(existing, ExpectedVersion.exactly(0), List.of(verified(3), verified(4)))), metadata());
        assertThat(both).extracting(e -> e.stream().value() + "@" + e.version())
                .containsExactly(fresh + "@0", existing + "@1", existing + "@2");
        assertThat(both).extracting(RecordedEvent::position).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void no_stream_exactly_and_any_mean_what_they_say() {
        var log = open().eventLog();
        var stream = StreamId.of("session", UUID.randomUUID());
        assertThat(log.append(new StreamAppend(stream, ExpectedVersion.any(), List.of(verified(1))), metadata()).getFirst().version()).isZero();
        assertThat(log.append(new StreamAppend(stream, ExpectedVersion.any(), List.of(verified(2))), metadata()).getFirst().version()).isEqualTo(1);
        assertThat(log.append(new StreamAppend(stream, ExpectedVersion.exactly(1), List.of(verified(3))), metadata()).getFirst().version()).isEqualTo(2);
        assertThatThrownBy(() -> log.append(new StreamAppend(stream, ExpectedVersion.exactly(1), List.of(verified(4))), metadata()))
                .isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> log.append(new StreamAppend(stream, ExpectedVersion.noStream(), List.of(verified(4))), metadata()))
                .isInstanceOf(Conflict.class);
        var twice = StreamId.of("session", UUID.randomUUID());              // one call, one stream, two appends
        var recorded = log.append(List.of(new StreamAppend(twice, ExpectedVersion.noStream(), List.of(verified(5))),
                new StreamAppend(twice, ExpectedVersion.exactly(0), List.of(verified(6)))), metadata());
        assertThat(recorded).extracting(RecordedEvent::version).containsExactly(0L, 1L);
    }

    @Test
    void concurrent_appenders_lose_nothing_and_never_duplicate_a_version() throws Exception {
        var log = open().eventLog();
        var shared = StreamId.of("board", UUID.randomUUID());
        int threads = 8, perThread = 60;
        var acknowledged = new CopyOnWriteArrayList<RecordedEvent>();
        var conflicts = new java.util.concurrent.atomic.AtomicInteger();
        run(threads, t -> {
            var own = StreamId.of("account", UUID.randomUUID());
            for (int i = 0; i < perThread; i++) {
                acknowledged.addAll(log.append(new StreamAppend(own, ExpectedVersion.after(i - 1), List.of(verified(i))), metadata()));
                while (true) {                                                // optimistic retry on the shared stream
                    var version = log.read(shared).version();
                    try {
                        acknowledged.addAll(log.append(new StreamAppend(shared, ExpectedVersion.after(version), List.of(verified(i))), metadata()));
                        break;
                    } catch (Conflict c) {
                        conflicts.incrementAndGet();
                    }
                }
            }
        });
        var all = readAll(log);
        assertThat(all).hasSize(threads * perThread * 2);
        assertThat(all).extracting(RecordedEvent::position).isSorted().doesNotHaveDuplicates();
        assertThat(new HashSet<>(all)).isEqualTo(new HashSet<>(acknowledged));
        assertThat(log.read(shared).events()).extracting(RecordedEvent::version)
                .containsExactlyElementsOf(java.util.stream.LongStream.range(0, threads * perThread).boxed().toList());
        var versionsPerStream = new HashMap<StreamId, List<Long>>();
        all.forEach(e -> versionsPerStream.computeIfAbsent(e.stream(), s -> new ArrayList<>()).add(e.version()));
        versionsPerStream.values().forEach(versions ->
                assertThat(versions).containsExactlyElementsOf(java.util.stream.LongStream.range(0, versions.size()).boxed().toList()));
    }

    @Test
    void an_appender_reads_its_own_append_in_the_streams_tail_at_once_while_others_append_to_it() throws Exception {
        var log = open().eventLog();
        var shared = StreamId.of("chatroom", UUID.randomUUID());
        var missed = new CopyOnWriteArrayList<RecordedEvent>();
        run(8, t -> {
            for (int i = 0; i < 40; i++) {
                var mine = log.append(new StreamAppend(shared, ExpectedVersion.any(), List.of(verified(i))), metadata()).getFirst();
                var tail = log.readAfter(shared, mine.version() - 1);
                if (tail.isEmpty() || !tail.getFirst().equals(mine)) missed.add(mine);
                if (!log.readAfter(shared, mine.version()).stream().allMatch(later -> later.version() > mine.version())) missed.add(mine);
            }
        });
        assertThat(missed).as("appends not seen in the stream's tail by their own appender").isEmpty();
        assertThat(log.readAfter(shared, 8 * 40 - 1)).isEmpty();
        assertThat(log.readAfter(shared, 8 * 40 - 2)).extracting(RecordedEvent::version).containsExactly(8L * 40 - 1);
    }

    @Test
    void a_reader_following_the_log_sees_every_event_exactly_once_while_writers_append() throws Exception {
        var log = open().eventLog();
        var writersDone = new AtomicBoolean();
        var seen = Collections.synchronizedList(new ArrayList<RecordedEvent>());
        var failure = new AtomicReference<Throwable>();
        var reader = Thread.ofPlatform().start(() -> {
            try {
                long cursor = 0;
                while (true) {
                    boolean last = writersDone.get();
                    var page = log.readAfter(cursor, 37);
                    seen.addAll(page);
                    if (!page.isEmpty()) cursor = page.getLast().position();
                    else if (last) return;
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        run(8, t -> {
            for (int i = 0; i < 80; i++) {
                log.append(SampleEvents.onNewStream("account", verified(i)), metadata());
                if (i % 10 == 0) log.append(List.of(SampleEvents.onNewStream("account", verified(i)),
                        SampleEvents.onNewStream("session", verified(i), verified(i + 1))), metadata());
            }
        });
        writersDone.set(true);
        reader.join(TimeUnit.SECONDS.toMillis(60));
        assertThat(failure.get()).isNull();
        assertThat(seen).containsExactlyElementsOf(readAll(log));
    }

    @Test
    void follow_delivers_history_then_live_events_without_gap_or_repeat_and_stops_on_close() throws Exception {
        var log = open().eventLog();
        var appended = new ArrayList<RecordedEvent>();
        for (int i = 0; i < 5; i++) appended.addAll(log.append(SampleEvents.onNewStream("account", verified(i), verified(i)), metadata()));
        var delivered = new LinkedBlockingQueue<RecordedEvent>();
        var threads = Collections.synchronizedSet(new HashSet<Thread>());
        var subscription = log.follow(2, event -> {
            threads.add(Thread.currentThread());
            delivered.add(event);
        });
        for (int i = 0; i < 5; i++) appended.addAll(log.append(SampleEvents.onNewStream("account", verified(i)), metadata()));

        var expected = appended.subList(2, appended.size());
        assertThat(take(delivered, expected.size())).containsExactlyElementsOf(expected);
        assertThat(threads).hasSize(1);
        subscription.close();
        log.append(SampleEvents.onNewStream("account", verified(99)), metadata());
        assertThat(delivered.poll(500, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void a_failing_subscriber_is_told_and_stopped() throws Exception {
        var log = open().eventLog();
        log.append(SampleEvents.onNewStream("account", verified(1), verified(2)), metadata());
        var errors = new LinkedBlockingQueue<Throwable>();
        var calls = new java.util.concurrent.atomic.AtomicInteger();
        log.follow(0, new EventLog.Subscriber() {
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
        assertThat(errors.poll(30, TimeUnit.SECONDS)).hasMessage("subscriber broke");
        assertThat(calls.get()).isEqualTo(1);
    }

    @Test
    void every_event_type_reads_back_after_close_and_reopen() {
        var store = open();
        var recorded = new ArrayList<RecordedEvent>();
        var versions = new HashMap<StreamId, Long>();
        for (var event : SampleEvents.all()) {
            var stream = SampleEvents.streamOf(event);
            var expected = ExpectedVersion.after(versions.getOrDefault(stream, -1L));
            var appended = store.eventLog().append(new StreamAppend(stream, expected, List.of(event)), metadata());
            versions.put(stream, appended.getLast().version());
            recorded.addAll(appended);
        }
        store.close();
        assertThat(store.isOpen()).isFalse();
        assertThatThrownBy(() -> store.eventLog().append(SampleEvents.onNewStream("account", verified(1)), metadata()))
                .isInstanceOf(IllegalStateException.class);

        var log = open().eventLog();
        var read = log.readAfter(0, 1000);
        assertThat(read).containsExactlyElementsOf(recorded);
        for (int i = 0; i < read.size(); i++) assertThat(read.get(i).event().toString()).isEqualTo(recorded.get(i).event().toString());
        for (var stream : versions.keySet()) {
            assertThat(log.read(stream).events()).containsExactlyElementsOf(recorded.stream().filter(e -> e.stream().equals(stream)).toList());
        }
        var next = log.append(SampleEvents.onNewStream("account", verified(1)), metadata());
        assertThat(next.getFirst().position()).isGreaterThan(recorded.getLast().position());
    }

    @Test
    void the_feed_hands_on_the_stored_json_with_its_envelope_and_without_secrets() throws Exception {
        var store = open();
        var metadata = metadata();
        var recorded = new ArrayList<RecordedEvent>();
        for (var event : SampleEvents.all()) {
            recorded.addAll(store.eventLog().append(new StreamAppend(StreamId.of("account", UUID.randomUUID()), ExpectedVersion.any(),
                    List.of(event)), metadata));
        }
        var items = store.eventFeed().after(0, 1000);
        assertThat(items).hasSameSizeAs(recorded);
        var stored = storedPayloads();
        for (int i = 0; i < items.size(); i++) {
            FeedItem item = items.get(i);
            var event = recorded.get(i);
            assertThat(item.position()).isEqualTo(event.position());
            assertThat(item.id()).isEqualTo(event.id());
            assertThat(item.type()).isEqualTo(event.event().getClass().getSimpleName());
            assertThat(item.schemaVersion()).isEqualTo(EventCatalog.standard().of(event.event()).schemaVersion());
            assertThat(item.stream()).isEqualTo(event.stream());
            assertThat(item.version()).isEqualTo(event.version());
            assertThat(item.occurredAt()).isEqualTo(metadata.occurredAt());
            assertThat(item.actor()).isEqualTo(metadata.actor());
            assertThat(item.origin()).isEqualTo(metadata.origin());
            assertThat(item.correlationId()).isEqualTo(metadata.correlationId());
            assertThat(item.causationId()).isEqualTo(metadata.causationId());
            var data = item.data().value();
            assertThat(data).doesNotContain("passwordHash").doesNotContain("codeHash").doesNotContain("argon2");
            boolean personal = stored.get(event.position()).contains("\"personal\"");
            if (EventCatalog.standard().of(event.event()).secretFields().isEmpty() && !personal) {   // byte for byte
                assertThat(data).isEqualTo(stored.get(event.position()));
            }
            if (personal) {                             // sealed in the row, opened in the feed (decision 0021)
                assertThat(stored.get(event.position())).contains("\"ciphertext\":");
                assertThat(data).doesNotContain("ciphertext");
            }
            if (event.event() instanceof SessionStarted started) {
                var address = started.address().orElseThrow().value();
                assertThat(data).contains("\"address\":{\"personal\":\"" + address + "\"}");
                assertThat(stored.get(event.position())).doesNotContain("\"" + address + "\"");
            }
        }
        assertThat(store.eventFeed().after(items.get(3).position(), 2)).containsExactlyElementsOf(items.subList(4, 6));
        assertThat(store.eventFeed().after(items.getLast().position(), 10)).isEmpty();
    }

    @Test
    void limits_are_bounded() {
        var log = open().eventLog();
        log.append(SampleEvents.onNewStream("account", verified(1)), metadata());
        assertThatThrownBy(() -> log.readAfter(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(log.readAfter(0, Integer.MAX_VALUE)).hasSize(1);
        assertThatThrownBy(() -> log.follow(-1, event -> {})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_unknown_event_type_in_the_table_stops_readers_with_its_position() throws Exception {
        var store = open();
        store.eventLog().append(SampleEvents.onNewStream("account", verified(1)), metadata());
        store.close();
        insertRaw("account-" + UUID.randomUUID(), "NoSuchEvent", "{}");
        var reopened = open();

        assertThatThrownBy(() -> reopened.eventLog().readAfter(0, 10)).isInstanceOfSatisfying(UnreadableEvent.class, e -> {
            assertThat(e.position()).isEqualTo(2);
            assertThat(e).hasMessageContaining("position 2").hasMessageContaining("unknown event type 'NoSuchEvent'");
        });
        assertThatThrownBy(() -> reopened.eventFeed().after(0, 10)).isInstanceOf(UnreadableEvent.class).hasMessageContaining("position 2");
        assertThat(reopened.eventLog().readAfter(0, 1)).hasSize(1);
        var errors = new LinkedBlockingQueue<Throwable>();
        var delivered = new LinkedBlockingQueue<RecordedEvent>();
        reopened.eventLog().follow(0, new EventLog.Subscriber() {
            @Override
            public void onEvent(RecordedEvent event) {
                delivered.add(event);
            }

            @Override
            public void onError(Throwable failure) {
                errors.add(failure);
            }
        });
        assertThat(errors.poll(30, TimeUnit.SECONDS)).isInstanceOf(UnreadableEvent.class);
        assertThat(delivered).isEmpty();                       // the page holding the bad event is not delivered in part
    }

    @Test
    void a_corrupt_payload_stops_readers_with_its_position() throws Exception {
        var store = open();
        store.close();
        var stream = "account-" + UUID.randomUUID();
        insertRaw(stream, "EmailVerified", "{\"account\": \"not a uuid\"");
        var reopened = open();
        assertThatThrownBy(() -> reopened.eventLog().readAfter(0, 10)).isInstanceOf(UnreadableEvent.class)
                .hasMessageContaining("position 1").hasMessageContaining("EmailVerified");
        assertThatThrownBy(() -> reopened.eventFeed().after(0, 10)).isInstanceOf(UnreadableEvent.class).hasMessageContaining("position 1");
        assertThatThrownBy(() -> reopened.eventLog().read(new StreamId(stream))).isInstanceOf(UnreadableEvent.class);
    }

    private void insertRaw(String stream, String type, String payload) throws SQLException {
        try (var connection = rawConnection(); var insert = connection.prepareStatement("INSERT INTO domain_event_entry "
                + "(aggregateIdentifier, sequenceNumber, type, eventIdentifier, timeStamp, payloadType, payloadRevision, payload, metaData) "
                + "VALUES (?, 0, 'account', ?, '2025-03-01T20:00:00.000000000Z', ?, '1', ?, ?)")) {
            insert.setString(1, stream);
            insert.setString(2, UuidV7.next().toString());
            insert.setString(3, type);
            insert.setBytes(4, payload.getBytes(UTF_8));
            insert.setBytes(5, new EnvelopeJson(EventJson.mapper()).write(EnvelopeJson.toMetaData(metadata())));
            insert.executeUpdate();
        }
    }

    private Map<Long, String> storedPayloads() throws SQLException {
        var payloads = new HashMap<Long, String>();
        try (var connection = rawConnection(); var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT globalIndex, payload FROM domain_event_entry")) {
            while (rows.next()) payloads.put(rows.getLong(1), new String(rows.getBytes(2), UTF_8));
        }
        return payloads;
    }

    static List<RecordedEvent> readAll(EventLog log) {
        var all = new ArrayList<RecordedEvent>();
        for (var page = log.readAfter(0, 5000); !page.isEmpty(); page = log.readAfter(page.getLast().position(), 5000)) all.addAll(page);
        return all;
    }

    private static List<RecordedEvent> concat(List<RecordedEvent> a, List<RecordedEvent> b) {
        var all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static List<RecordedEvent> take(BlockingQueue<RecordedEvent> queue, int count) throws InterruptedException {
        var taken = new ArrayList<RecordedEvent>();
        while (taken.size() < count) {
            var next = queue.poll(30, TimeUnit.SECONDS);
            if (next == null) break;
            taken.add(next);
        }
        return taken;
    }

    interface Work {
        void run(int thread) throws Exception;
    }

    /** Runs {@code work} on {@code threads} threads at once and rethrows the first failure. */
    static void run(int threads, Work work) throws Exception {
        var start = new CountDownLatch(1);
        var failure = new AtomicReference<Throwable>();
        var running = new ArrayList<Thread>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            running.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                    work.run(id);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        start.countDown();
        for (var thread : running) thread.join(TimeUnit.MINUTES.toMillis(2));
        if (failure.get() != null) throw new AssertionError("a worker failed", failure.get());
    }
}

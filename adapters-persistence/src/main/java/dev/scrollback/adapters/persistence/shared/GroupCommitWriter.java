package dev.scrollback.adapters.persistence.shared;

import dev.scrollback.application.shared.EventLog.Conflict;
import dev.scrollback.application.shared.EventMetadata;
import dev.scrollback.application.shared.RecordedEvent;
import dev.scrollback.application.shared.StreamAppend;
import dev.scrollback.application.shared.StreamId;
import dev.scrollback.application.shared.UuidV7;
import dev.scrollback.domain.accounts.AccountEvent;
import dev.scrollback.domain.shared.DomainEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import javax.sql.DataSource;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: one writer thread per process turns many concurrent {@code append} calls into one transaction, since
 * a durable commit costs nearly the same for one event as for dozens (STACK.md). Callers prepare their events (ids,
 * JSON) on their own threads, queue them and wait. The writer takes what is queued (bounded), and in one
 * transaction: takes the dialect's append lock and reads the versions of all the batch's streams in one round trip
 * (or, as the embedded store's only writer, knows them), rejects only the calls whose expected versions do not hold
 * (counting earlier calls of the same batch), inserts the rest through Axon's storage engine, reads their positions
 * back, commits, and only then answers the callers. If a batch fails as a whole, its calls are retried one by one so
 * that one bad call never fails the others; the unique (stream, version) constraint is the last line of defence.
 */
final class GroupCommitWriter implements AutoCloseable {
    static final int MAX_CALLS_PER_BATCH = 500;
    static final int MAX_EVENTS_PER_BATCH = 5000;
    private static final int QUEUE_CAPACITY = 20_000;
    /** How many streams' versions a sole writer keeps in memory instead of asking the database. */
    private static final int STREAMS_REMEMBERED = 100_000;
    /** The longest a batch waits for callers to come back, when several are appending; see {@link #run}. */
    private static final long MAX_LINGER_NANOS = 100_000;
    /** {@link #committedVersion}: not remembered, ask the database. */
    static final long UNKNOWN = Long.MIN_VALUE;
    private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);

    /** One event as the caller prepared it: everything but its version and position. */
    private record Prepared(StreamId stream, UUID id, EventCatalog.Entry entry, DomainEvent event, Message<?> message,
                            Instant occurredAt) {}

    /** One {@code append} call waiting for the writer. */
    private record Call(List<StreamAppend> appends, List<List<Prepared>> events, EventMetadata metadata, int size,
                        CompletableFuture<List<RecordedEvent>> done) {}

    /** An event the writer accepted, with the version it gets. */
    private record Versioned(Prepared prepared, long version) {}

    /** What became of one call in a batch. */
    private sealed interface Outcome {
        record Accepted(List<Versioned> events) implements Outcome {}

        record Rejected(Conflict conflict) implements Outcome {}

        /** Found in the store on a retry: the failed batch had committed after all. */
        record AlreadyStored(List<RecordedEvent> events) implements Outcome {}
    }

    private final DataSource pool;
    private final JdbcDialect dialect;
    private final ThreadBoundConnections connections;
    private final AxonStorageEngine engine;
    private final AxonEventSerializer serializer;
    private final EventCatalog catalog;
    private final AppendSignal appended;
    private final PersonalCipher cipher;
    private final BlockingQueue<Call> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final Memory memory;
    private final ReentrantReadWriteLock closing = new ReentrantReadWriteLock();
    private final Thread thread;
    private volatile boolean closed;

    GroupCommitWriter(DataSource pool, JdbcDialect dialect, ThreadBoundConnections connections, AxonStorageEngine engine,
                      AxonEventSerializer serializer, EventCatalog catalog, AppendSignal appended, PersonalCipher cipher) {
        this.cipher = cipher;
        this.pool = pool;
        this.dialect = dialect;
        this.connections = connections;
        this.engine = engine;
        this.serializer = serializer;
        this.catalog = catalog;
        this.appended = appended;
        this.memory = dialect.soleWriter() ? new Memory(STREAMS_REMEMBERED) : null;
        // A daemon: a process that never closes the store must still be able to exit. Acknowledged appends are on
        // disk already; close() drains what is queued.
        this.thread = Thread.ofPlatform().name("event-store-writer").daemon(true).start(this::run);
    }

    List<RecordedEvent> append(List<StreamAppend> appends, EventMetadata metadata) {
        if (appends.isEmpty()) throw new IllegalArgumentException("nothing to append");
        var call = prepare(List.copyOf(appends), metadata);
        closing.readLock().lock();
        try {
            if (closed) throw new IllegalStateException("the event store is closed");
            queue.put(call);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted before the append was queued; nothing was written", e);
        } finally {
            closing.readLock().unlock();
        }
        return await(call.done());
    }

    private Call prepare(List<StreamAppend> appends, EventMetadata metadata) {
        // Personal data is sealed here, on the caller's thread, under the key of whom it is about (decision 0021)
        var metaData = EnvelopeJson.toMetaData(metadata, cipher,
                KeyOwner.ofEnvelope(appends.stream().map(StreamAppend::stream).toList(), metadata));
        var events = new ArrayList<List<Prepared>>(appends.size());
        int size = 0;
        for (var append : appends) {
            var prepared = new ArrayList<Prepared>(append.events().size());
            var owner = KeyOwner.ofPayload(append.stream(), metadata);
            for (DomainEvent event : append.events()) {
                var entry = catalog.of(event);
                var id = UuidV7.next();
                var message = new GenericMessage<Object>(id.toString(), new AxonEventSerializer.ToStore(event, owner), metaData);
                message.serializePayload(serializer, byte[].class);    // JSON on the caller's thread, not the writer's
                message.serializeMetaData(serializer, byte[].class);
                prepared.add(new Prepared(append.stream(), id, entry, event, message, metadata.occurredAt()));
            }
            events.add(prepared);
            size += prepared.size();
        }
        return new Call(appends, events, metadata, size, new CompletableFuture<>());
    }

    /** Waits for the writer's answer; an interrupt cannot undo a commit, so it is kept for later, not acted on. */
    private static List<RecordedEvent> await(CompletableFuture<List<RecordedEvent>> done) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return done.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Conflict conflict) throw conflict;
                    throw new IllegalStateException("append failed: " + e.getCause().getMessage(), e.getCause());
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /**
     * Takes what is queued and writes it. When several callers are appending, the ones just answered come back
     * microseconds later; waiting for them briefly (a fraction of a write, at most {@link #MAX_LINGER_NANOS}) makes
     * one full batch instead of two half batches taking turns. A lone caller never waits.
     */
    private void run() {
        var batch = new ArrayList<Call>();
        Call held = null;                                       // taken, but did not fit into the previous batch
        int lastBatchSize = 0;
        long writeNanos = 0;                                    // a running average of one batch's write
        while (true) {
            var next = held != null ? held : pollUntil(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100));
            held = null;
            if (next == null) {
                if (closed && queue.isEmpty()) return;
                continue;
            }
            long deadline = System.nanoTime() + (lastBatchSize > 1 && !closed ? Math.min(MAX_LINGER_NANOS, writeNanos / 4) : 0);
            int events = 0;
            while (next != null) {
                if (!batch.isEmpty() && (batch.size() == MAX_CALLS_PER_BATCH || events + next.size() > MAX_EVENTS_PER_BATCH)) {
                    held = next;
                    break;
                }
                batch.add(next);
                events += next.size();
                next = queue.poll();
                if (next == null) next = pollUntil(deadline);
            }
            long started = System.nanoTime();
            try {
                write(batch);
            } catch (Throwable unexpected) {                   // keep the writer alive: nobody else answers callers
                log.error("the event store writer failed on a batch of {} appends", batch.size(), unexpected);
                for (var call : batch) call.done().completeExceptionally(unexpected);
            }
            long took = System.nanoTime() - started;
            writeNanos = writeNanos == 0 ? took : (writeNanos * 7 + took) / 8;
            lastBatchSize = batch.size();
            batch.clear();
        }
    }

    /** The next queued call, or null if none arrives before {@code deadline}. Never interrupted: only close() stops. */
    private Call pollUntil(long deadline) {
        long wait = deadline - System.nanoTime();
        if (wait <= 0) return null;
        try {
            return queue.poll(wait, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            return null;
        }
    }

    private void write(List<Call> batch) {
        try {
            commit(batch, false);
            return;
        } catch (Exception batchFailure) {
            if (batch.size() == 1) {
                batch.getFirst().done().completeExceptionally(explain(batch.getFirst(), batchFailure));
                return;
            }
            log.warn("a batch of {} appends failed ({}); retrying them one by one", batch.size(), batchFailure.toString());
        }
        for (var call : batch) {
            try {
                commit(List.of(call), true);
            } catch (Exception failure) {
                call.done().completeExceptionally(explain(call, failure));
            }
        }
    }

    /** Commits what holds of {@code calls}, then answers every one of them. */
    private void commit(List<Call> calls, boolean retry) throws SQLException {
        var outcomes = new ArrayList<Outcome>(calls.size());
        Map<String, Long> positions;
        try (var connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                var snapshot = snapshot(connection, streamsOf(calls));
                var versions = snapshot.versions();
                var accepted = new ArrayList<Versioned>();
                for (var call : calls) {
                    var stored = retry ? alreadyStored(connection, call) : Optional.<List<RecordedEvent>>empty();
                    var outcome = stored.<Outcome>map(Outcome.AlreadyStored::new).orElseGet(() -> decide(call, versions));
                    if (outcome instanceof Outcome.Accepted a) accepted.addAll(a.events());
                    outcomes.add(outcome);
                }
                positions = accepted.isEmpty() ? Map.of() : insert(connection, accepted, snapshot.lastPosition());
                var erased = eraseKeys(connection, accepted);
                connection.commit();
                for (var owner : erased) cipher.keys().forget(owner);
                if (memory != null) {                                         // committed: now the truth
                    long last = snapshot.lastPosition();
                    for (long position : positions.values()) last = Math.max(last, position);
                    memory.remember(last, versions);
                }
            } catch (SQLException | RuntimeException e) {
                if (memory != null) memory.forget();          // a failed commit may have committed: ask the database
                try {
                    connection.rollback();
                } catch (SQLException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
                throw e;
            }
        }
        for (int i = 0; i < calls.size(); i++) {
            var call = calls.get(i);
            switch (outcomes.get(i)) {
                case Outcome.Accepted a -> call.done().complete(recorded(call, a.events(), positions));
                case Outcome.Rejected r -> call.done().completeExceptionally(r.conflict());
                case Outcome.AlreadyStored s -> call.done().complete(s.events());
            }
        }
        appended.signal();
    }

    /** Destroys the data key of every account erased in this batch, in its transaction (decision 0021). */
    private List<KeyOwner> eraseKeys(Connection connection, List<Versioned> accepted) throws SQLException {
        var erased = new ArrayList<KeyOwner>();
        for (var v : accepted) {
            if (v.prepared().event() instanceof AccountEvent.AccountErased e) {
                var owner = KeyOwner.account(e.account());
                cipher.keys().erase(connection, owner, e.at());
                erased.add(owner);
            }
        }
        return erased;
    }

    /**
     * The state to decide a batch on: from the sole writer's memory when it knows every stream of the batch,
     * otherwise from the dialect, which also takes the append lock. Every stream gets a version (-1 for none).
     */
    private JdbcDialect.Snapshot snapshot(Connection connection, List<String> streams) throws SQLException {
        var versions = new HashMap<String, Long>();
        var unknown = new ArrayList<String>();
        for (var stream : streams) {
            var version = memory == null ? null : memory.versions.get(stream);
            if (version != null) versions.put(stream, version);
            else unknown.add(stream);
        }
        if (memory != null && unknown.isEmpty() && memory.lastPosition >= 0) {
            return new JdbcDialect.Snapshot(memory.lastPosition, versions);
        }
        var read = dialect.begin(connection, unknown);
        for (var stream : unknown) versions.put(stream, read.versions().getOrDefault(stream, -1L));
        return new JdbcDialect.Snapshot(read.lastPosition(), versions);
    }

    /** The versions the call's events get, or the conflict that stops it; counts earlier calls of the batch. */
    private static Outcome decide(Call call, Map<String, Long> versions) {
        var tentative = new HashMap<String, Long>();
        var accepted = new ArrayList<Versioned>(call.size());
        for (int i = 0; i < call.appends().size(); i++) {
            var append = call.appends().get(i);
            var stream = append.stream().value();
            long current = tentative.getOrDefault(stream, versions.get(stream));
            if (!append.expected().isMetBy(current)) {
                return new Outcome.Rejected(new Conflict(append.stream(), append.expected(), current));
            }
            for (var prepared : call.events().get(i)) accepted.add(new Versioned(prepared, ++current));
            tentative.put(stream, current);
        }
        versions.putAll(tentative);
        return new Outcome.Accepted(accepted);
    }

    /** Inserts through Axon's engine inside our transaction; returns each event id's position. */
    private Map<String, Long> insert(Connection connection, List<Versioned> accepted, long lastPosition) throws SQLException {
        var messages = new ArrayList<DomainEventMessage<?>>(accepted.size());
        for (var v : accepted) {
            var p = v.prepared();
            messages.add(new GenericDomainEventMessage<>(p.stream().category(), p.stream().value(), v.version(), p.message(),
                    p.occurredAt()));
        }
        connections.bind(connection);
        try {
            engine.appendEvents(messages);
        } finally {
            connections.unbind();
        }
        // Appends are serialised (dialect lock, one writer), so the rows past the last position are this batch's.
        // The LIMIT matters: without it PostgreSQL's generic plan for "globalIndex > ?" scans the table.
        var positions = new HashMap<String, Long>(accepted.size() * 2);
        try (var query = connection.prepareStatement("SELECT globalIndex, eventIdentifier FROM domain_event_entry "
                + "WHERE globalIndex > ? ORDER BY globalIndex FETCH FIRST ? ROWS ONLY")) {
            query.setLong(1, lastPosition);
            query.setInt(2, accepted.size());
            try (var rows = query.executeQuery()) {
                while (rows.next()) positions.put(rows.getString(2), rows.getLong(1));
            }
        }
        for (var v : accepted) {
            if (!positions.containsKey(v.prepared().id().toString())) {
                throw new IllegalStateException("event " + v.prepared().id() + " was inserted but is not among the rows after "
                        + "position " + lastPosition + "; is another program writing to the event table?");
            }
        }
        return positions;
    }

    private static List<RecordedEvent> recorded(Call call, List<Versioned> accepted, Map<String, Long> positions) {
        var recorded = new ArrayList<RecordedEvent>(accepted.size());
        for (var v : accepted) {
            var p = v.prepared();
            recorded.add(new RecordedEvent(positions.get(p.id().toString()), p.id(), p.stream(), v.version(),
                    p.entry().name(), p.entry().schemaVersion(), call.metadata(), p.event()));
        }
        return List.copyOf(recorded);
    }

    /** On a retry: if the call's events are in the store already, an earlier commit succeeded after all. */
    private Optional<List<RecordedEvent>> alreadyStored(Connection connection, Call call) throws SQLException {
        var first = call.events().getFirst().getFirst();
        try (var query = connection.prepareStatement("SELECT 1 FROM domain_event_entry WHERE eventIdentifier = ?")) {
            query.setString(1, first.id().toString());
            try (var rows = query.executeQuery()) {
                if (!rows.next()) return Optional.empty();
            }
        }
        var recorded = new ArrayList<RecordedEvent>(call.size());
        try (var query = connection.prepareStatement(
                "SELECT globalIndex, sequenceNumber FROM domain_event_entry WHERE eventIdentifier = ?")) {
            for (var events : call.events()) {
                for (var p : events) {
                    query.setString(1, p.id().toString());
                    try (var rows = query.executeQuery()) {
                        if (!rows.next()) throw new IllegalStateException("part of append " + first.id() + " is missing");
                        recorded.add(new RecordedEvent(rows.getLong(1), p.id(), p.stream(), rows.getLong(2),
                                p.entry().name(), p.entry().schemaVersion(), call.metadata(), p.event()));
                    }
                }
            }
        }
        return Optional.of(List.copyOf(recorded));
    }

    /** What the caller is told when its call failed on its own (not as part of a batch). */
    private Throwable explain(Call call, Exception failure) {
        if (!isDuplicateKey(failure)) return failure;
        try (var connection = pool.getConnection()) {            // a version check was lost: find the stream that moved
            connection.setAutoCommit(false);
            var versions = dialect.begin(connection, streamsOf(List.of(call))).versions();
            connection.rollback();
            for (var append : call.appends()) {
                long actual = versions.getOrDefault(append.stream().value(), -1L);
                if (!append.expected().isMetBy(actual)) return new Conflict(append.stream(), append.expected(), actual);
            }
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
        }
        return failure;
    }

    /**
     * A sole writer's memory of what it committed: the last position and the versions of the streams it wrote or
     * read (all forgotten when there would be more than its capacity, and after any failure). Written by the writer
     * thread only, after each commit and before the callers are answered; readers may look ({@link #committedVersion}).
     */
    private static final class Memory {
        private final int capacity;
        private final Map<String, Long> versions = new ConcurrentHashMap<>();
        private long lastPosition = -1;                        // writer thread only

        Memory(int capacity) {
            this.capacity = capacity;
        }

        void remember(long lastPosition, Map<String, Long> versions) {
            this.lastPosition = lastPosition;
            if (this.versions.size() + versions.size() > capacity) this.versions.clear();
            this.versions.putAll(versions);
        }

        void forget() {
            lastPosition = -1;
            versions.clear();
        }
    }

    /**
     * The version {@code stream} had at the last commit this sole writer remembers (-1: it did not exist), or
     * {@link #UNKNOWN}. The store cannot be ahead of it (nobody else writes), and a caller whose append was answered
     * reads at least its own version; a reader racing a commit sees the version before it, as a read a moment earlier.
     */
    long committedVersion(StreamId stream) {
        if (memory == null) return UNKNOWN;
        var version = memory.versions.get(stream.value());
        return version == null ? UNKNOWN : version;
    }

    private static List<String> streamsOf(List<Call> calls) {
        var streams = new LinkedHashSet<String>();
        for (var call : calls) for (var append : call.appends()) streams.add(append.stream().value());
        return List.copyOf(streams);
    }

    /** Whether {@code failure} is a unique-constraint violation (SQLState 23505 in H2 and PostgreSQL). */
    static boolean isDuplicateKey(Throwable failure) {
        for (var t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (var s = sql; s != null; s = s.getNextException()) if ("23505".equals(s.getSQLState())) return true;
            }
        }
        return false;
    }

    /** Stops taking appends, writes everything already queued, then stops the writer. */
    @Override
    public void close() {
        closing.writeLock().lock();
        try {
            closed = true;
        } finally {
            closing.writeLock().unlock();
        }
        try {
            if (!thread.join(Duration.ofMinutes(1))) log.error("the event store writer did not finish within a minute");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

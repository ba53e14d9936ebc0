package dev.scrollback.adapters.persistence.shared;

import dev.scrollback.application.feed.FeedItem;
import dev.scrollback.application.live.LiveItem;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.feed.JsonText;
import dev.scrollback.application.shared.RecordedEvent;
import dev.scrollback.application.shared.StreamHistory;
import dev.scrollback.application.shared.StreamId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Reads the event table with plain SQL, for the log (domain events in their envelope) and the feed (the stored
 * JSON as is). Axon's own reader is left to the streaming processors: this one is the hot path (feed scans, stream
 * loads), so it reads each column once, keeps the payload as stored for the feed, and parses an envelope only when
 * it differs from the previous row's (the events of one append share one).
 */
final class StoredEventReader {
    /** The most rows one read returns, whatever was asked. */
    static final int MAX_LIMIT = 10_000;
    private static final String COLUMNS =
            "globalIndex, eventIdentifier, aggregateIdentifier, sequenceNumber, timeStamp, payloadType, payloadRevision, payload, metaData";
    private static final String AFTER = "SELECT " + COLUMNS + " FROM domain_event_entry WHERE globalIndex > ? ORDER BY globalIndex FETCH FIRST ? ROWS ONLY";
    /** Every column, for the hash chain (decision 0020). */
    private static final String RAW_AFTER = "SELECT globalIndex, eventIdentifier, aggregateIdentifier, sequenceNumber, type, "
            + "payloadType, payloadRevision, timeStamp, payload, metaData FROM domain_event_entry WHERE globalIndex > ? "
            + "ORDER BY globalIndex FETCH FIRST ? ROWS ONLY";
    private static final String STREAM = "SELECT " + COLUMNS + " FROM domain_event_entry WHERE aggregateIdentifier = ? ORDER BY sequenceNumber";
    /** A stream's tail: served by the (aggregateIdentifier, sequenceNumber) unique index, so it costs what it returns. */
    private static final String STREAM_AFTER = "SELECT " + COLUMNS
            + " FROM domain_event_entry WHERE aggregateIdentifier = ? AND sequenceNumber > ? ORDER BY sequenceNumber";

    /** Stream ids seen lately: checking a stream id's shape costs more than reading the rest of the row. */
    private static final int STREAMS_REMEMBERED = 50_000;

    private final DataSource pool;
    private final EventJson events;
    private final EnvelopeJson envelopes;
    private final Map<String, StreamId> streams = new ConcurrentHashMap<>();

    StoredEventReader(DataSource pool, EventJson events, EnvelopeJson envelopes) {
        this.pool = pool;
        this.events = events;
        this.envelopes = envelopes;
    }

    /** One row of the table, as read. */
    private record Row(long position, String id, String stream, long version, String timestamp, String type, String revision,
                       byte[] payload, byte[] metadata) {
        static Row of(ResultSet rows) throws SQLException {
            return new Row(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getLong(4), rows.getString(5),
                    rows.getString(6), rows.getString(7), rows.getBytes(8), rows.getBytes(9));
        }
    }

    List<RecordedEvent> after(long after, int limit) {
        var decoder = new Decoder();
        return query(AFTER, after, bounded(limit), decoder::recorded);
    }

    List<FeedItem> feedAfter(long after, int limit) {
        var decoder = new Decoder();
        return query(AFTER, after, bounded(limit), decoder::feedItem);
    }

    /** Each event with its public view, from one read of each row (for live connections). */
    List<LiveItem> liveAfter(long after, int limit) {
        var decoder = new Decoder();
        return query(AFTER, after, bounded(limit), row -> new LiveItem(decoder.recorded(row), decoder.publicItem(row)));
    }

    /** The rows as stored, every column, nothing parsed (for the hash chain). */
    List<StoredRecord> storedAfter(long after, int limit) {
        return queryRows(RAW_AFTER, after, bounded(limit), rows -> new StoredRecord(rows.getLong(1), rows.getString(2),
                rows.getString(3), rows.getLong(4), rows.getString(5), rows.getString(6), rows.getString(7),
                rows.getString(8), rows.getBytes(9), rows.getBytes(10)));
    }

    StreamHistory stream(StreamId stream) {
        var recorded = streamAfter(stream, -1);
        return new StreamHistory(stream, recorded.isEmpty() ? -1 : recorded.getLast().version(), recorded);
    }

    /** The events of {@code stream} with a version above {@code afterVersion} (-1: all of them), oldest first. */
    List<RecordedEvent> streamAfter(StreamId stream, long afterVersion) {
        if (afterVersion < -1) throw new IllegalArgumentException("afterVersion must be -1 or a version, was " + afterVersion);
        var decoder = new Decoder();
        var recorded = new ArrayList<RecordedEvent>();
        boolean whole = afterVersion == -1;
        try (var connection = pool.getConnection(); var query = connection.prepareStatement(whole ? STREAM : STREAM_AFTER)) {
            query.setString(1, stream.value());
            if (!whole) query.setLong(2, afterVersion);
            try (var rows = query.executeQuery()) {
                while (rows.next()) recorded.add(decoder.recorded(Row.of(rows)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read stream " + stream + ": " + e.getMessage(), e);
        }
        return recorded;
    }

    long lastPosition() {
        try (var connection = pool.getConnection(); var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT max(globalIndex) FROM domain_event_entry")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the last position: " + e.getMessage(), e);
        }
    }

    private StreamId streamId(String stream) {
        var known = streams.get(stream);
        if (known != null) return known;
        var id = new StreamId(stream);
        if (streams.size() >= STREAMS_REMEMBERED) streams.clear();
        streams.put(stream, id);
        return id;
    }

    private static int bounded(int limit) {
        if (limit < 1) throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        return Math.min(limit, MAX_LIMIT);
    }

    private interface RowMapper<T> {
        T map(Row row);
    }

    private interface ResultMapper<T> {
        T map(ResultSet rows) throws SQLException;
    }

    private <T> List<T> query(String sql, long after, int limit, RowMapper<T> mapper) {
        return queryRows(sql, after, limit, rows -> mapper.map(Row.of(rows)));
    }

    private <T> List<T> queryRows(String sql, long after, int limit, ResultMapper<T> mapper) {
        var result = new ArrayList<T>(Math.min(limit, 1024));
        try (var connection = pool.getConnection(); var query = connection.prepareStatement(sql)) {
            query.setLong(1, after);
            query.setInt(2, limit);
            query.setFetchSize(Math.min(limit, 1000));
            try (var rows = query.executeQuery()) {
                while (rows.next()) result.add(mapper.map(rows));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read events after position " + after + ": " + e.getMessage(), e);
        }
        return result;
    }

    /** Turns rows into events; remembers the last envelope, since consecutive rows often share it. */
    private final class Decoder {
        private byte[] lastMetadata;
        private EnvelopeJson.Envelope lastEnvelope;

        RecordedEvent recorded(Row row) {
            try {
                var entry = events.entry(row.type(), schemaVersion(row), row.payload());
                var event = events.decode(entry, schemaVersion(row), row.payload());
                return new RecordedEvent(row.position(), UUID.fromString(row.id()), streamId(row.stream()), row.version(),
                        row.type(), entry.schemaVersion(), envelope(row).at(StoredTimestamp.parse(row.timestamp())), event);
            } catch (RuntimeException e) {
                throw new UnreadableEvent(row.position(), row.stream(), row.type(), e);
            }
        }

        FeedItem feedItem(Row row) {
            try {
                var entry = events.entry(row.type(), schemaVersion(row), row.payload());
                var data = events.feedData(entry, schemaVersion(row), row.payload());
                var envelope = envelope(row);
                return new FeedItem(row.position(), UUID.fromString(row.id()), entry.name(), entry.schemaVersion(),
                        streamId(row.stream()), row.version(), StoredTimestamp.parse(row.timestamp()),
                        envelope.actor(), envelope.origin(), envelope.correlationId(), envelope.causationId(), new JsonText(data));
            } catch (RuntimeException e) {
                throw new UnreadableEvent(row.position(), row.stream(), row.type(), e);
            }
        }

        /** As {@link #feedItem}, without personal data: no personal fields, no address in the origin. */
        FeedItem publicItem(Row row) {
            try {
                var entry = events.entry(row.type(), schemaVersion(row), row.payload());
                var data = events.publicData(entry, schemaVersion(row), row.payload());
                var envelope = envelope(row);
                var origin = envelope.origin();
                return new FeedItem(row.position(), UUID.fromString(row.id()), entry.name(), entry.schemaVersion(),
                        streamId(row.stream()), row.version(), StoredTimestamp.parse(row.timestamp()), envelope.actor(),
                        new Origin(origin.channel(), Optional.empty(), origin.session()), envelope.correlationId(),
                        envelope.causationId(), new JsonText(data));
            } catch (RuntimeException e) {
                throw new UnreadableEvent(row.position(), row.stream(), row.type(), e);
            }
        }

        private EnvelopeJson.Envelope envelope(Row row) {
            if (lastEnvelope == null || !Arrays.equals(lastMetadata, row.metadata())) {
                lastEnvelope = envelopes.read(row.metadata());
                lastMetadata = row.metadata();
            }
            return lastEnvelope;
        }

        private static int schemaVersion(Row row) {
            try {
                return Integer.parseInt(row.revision());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("schema version '" + row.revision() + "' is not a number");
            }
        }
    }
}

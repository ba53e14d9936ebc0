package dev.scrollback.adapters.persistence.shared;

import java.util.List;

/** Reads the event table's rows as stored, in position order, a page at a time. */
@FunctionalInterface
public interface StoredRecords {
    /** The rows after {@code after} (exclusive), at most {@code limit} (capped at 10,000), oldest first. */
    List<StoredRecord> after(long after, int limit);
}

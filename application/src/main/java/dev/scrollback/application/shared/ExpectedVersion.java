package dev.scrollback.application.shared;

/**
 * What an appender believes a stream's version to be. Versions count from 0 (the first event of a stream has
 * version 0), so a stream's version is the version of its last event, and -1 when it has none.
 */
public sealed interface ExpectedVersion {
    /** The stream must not exist yet. */
    record NoStream() implements ExpectedVersion {}

    /** The stream's last event must have exactly this version. */
    record Exactly(long version) implements ExpectedVersion {
        public Exactly {
            if (version < 0) throw new IllegalArgumentException("a version is >= 0; use NoStream for a new stream");
        }
    }

    /** No check: for streams where order between writers does not matter. */
    record Any() implements ExpectedVersion {}

    static ExpectedVersion noStream() {
        return new NoStream();
    }

    static ExpectedVersion exactly(long version) {
        return new Exactly(version);
    }

    static ExpectedVersion any() {
        return new Any();
    }

    /** The expectation that matches a stream read at {@code version} (-1 for none). */
    static ExpectedVersion after(long version) {
        return version < 0 ? new NoStream() : new Exactly(version);
    }

    /** Whether a stream whose last version is {@code actual} (-1 for none) meets this expectation. */
    default boolean isMetBy(long actual) {
        return switch (this) {
            case NoStream n -> actual < 0;
            case Exactly e -> e.version() == actual;
            case Any a -> true;
        };
    }
}

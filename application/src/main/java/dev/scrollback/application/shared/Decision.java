package dev.scrollback.application.shared;

import dev.scrollback.domain.shared.Decider;
import dev.scrollback.domain.shared.DomainEvent;
import java.util.List;

/**
 * One turn of the event-sourced loop (fmodel's aggregate): read a stream, fold it with the decider, decide. The result
 * says what to append and on which expected version, so a use case can append several decisions atomically.
 */
public record Decision<S, E extends DomainEvent>(StreamId stream, long version, S before, List<E> events) {

    public static <C, S, E extends DomainEvent> Decision<S, E> make(
            EventLog log, StreamId stream, Decider<C, S, E> decider, Class<E> type, C command) {
        var loaded = Loaded.load(log, stream, decider, type);
        return new Decision<>(stream, loaded.version(), loaded.state(), decider.decide(command, loaded.state()));
    }

    public boolean isEmpty() {
        return events.isEmpty();
    }

    public StreamAppend toAppend() {
        return new StreamAppend(stream, ExpectedVersion.after(version), events);
    }

    /** A stream folded to its current state. */
    public record Loaded<S>(StreamId stream, long version, S state) {
        /** Folds only what was appended since the last load of the stream from this log: see {@link StreamStates}. */
        public static <C, S, E extends DomainEvent> Loaded<S> load(
                EventLog log, StreamId stream, Decider<C, S, E> decider, Class<E> type) {
            return StreamStates.of(log).load(log, stream, decider, type);
        }
    }
}

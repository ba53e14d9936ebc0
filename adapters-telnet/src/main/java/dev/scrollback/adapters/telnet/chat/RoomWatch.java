package dev.scrollback.adapters.telnet.chat;

import dev.scrollback.domain.shared.DomainEvent;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * What the chat screen needs of live delivery: every event from a point on (no gap, no duplicate) that passes a
 * filter, handed over one at a time on a thread of its own. Wired in bootstrap onto the live hub, so the chat screen
 * depends on no other capability.
 */
public interface RoomWatch {
    /** The point to watch from: taken before joining, so nothing after the join is missed. */
    long now();

    /** Starts handing {@code wanted} events after {@code from} to {@code onEvent}; close to stop. */
    Watching watch(long from, Predicate<DomainEvent> wanted, Consumer<DomainEvent> onEvent);

    interface Watching extends AutoCloseable {
        @Override
        void close();
    }
}

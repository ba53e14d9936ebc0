package dev.scrollback.adapters.persistence.shared;

import dev.scrollback.application.shared.ProjectionSnapshot;
import dev.scrollback.application.shared.ProjectionState;
import dev.scrollback.application.shared.Rebuildable;
import dev.scrollback.application.shared.RecordedEvent;
import dev.scrollback.domain.shared.DomainEvent;
import java.util.function.LongConsumer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;

/**
 * Feeds one in-memory projection from an Axon streaming processor: every event of one sealed family (e.g. every
 * {@code SessionEvent} to {@code OnlineCallers}), in log order. It says which events it wants by payload type, so the
 * processor never deserializes the others.
 * <p>
 * It remembers the position of the last event applied to the live state, and applies under a lock that a rebuild
 * takes to bring its fresh state to exactly that position and swap it in ({@link #swapIn}): events applied before the
 * swap are in the rebuilt state, events after it go to the rebuilt state, none is lost or applied twice. An event at or
 * before that position is not applied again (Axon retrying a batch after a failure would, otherwise).
 */
final class ProjectionFeed<E extends DomainEvent> implements EventMessageHandler {
    private final Projection<E> projection;
    private final Object lock = new Object();
    private volatile long applied;                        // the position of the last event the live state applied

    ProjectionFeed(Projection<E> projection) {
        this.projection = projection;
    }

    @Override
    public boolean canHandle(EventMessage<?> event) {
        return canHandleType(event.getPayloadType());
    }

    @Override
    public boolean canHandleType(Class<?> payloadType) {
        return projection.reads(payloadType);
    }

    @Override
    public Object handle(EventMessage<?> event) {
        apply(Projections.recorded(event));
        return null;
    }

    /** Applies one event of the family to the live state (and what also reacts), unless it is at or before the last. */
    void apply(RecordedEvent recorded) {
        synchronized (lock) {
            if (recorded.position() <= applied) return;
            projection.state().ifPresent(state -> state.live().apply(recorded));
            projection.also().accept(recorded);
            applied = recorded.position();
        }
    }

    String name() {
        return projection.name();
    }

    /** The position of the last event the live state applied (0: none yet). */
    long applied() {
        return applied;
    }

    /**
     * Under the feed's lock, so the processor applies nothing meanwhile: brings {@code rebuilt} to exactly the live
     * state's position ({@code catchUpTo} applies the family's events up to the position given, and none after it),
     * takes its snapshot and makes it the live state. Returns the replaced state, no longer fed, and the rebuilt one's
     * snapshot and position at the swap.
     */
    <S extends ProjectionState> Swapped<S> swapIn(Rebuildable<S> state, S rebuilt, LongConsumer catchUpTo) {
        synchronized (lock) {
            long live = applied;
            catchUpTo.accept(live);
            var snapshot = rebuilt.snapshot();
            var replaced = state.swap(rebuilt);
            return new Swapped<>(replaced, snapshot, live);
        }
    }

    /** What {@link #swapIn} replaced, the rebuilt state's snapshot, and the position where they were swapped. */
    record Swapped<S>(S replaced, ProjectionSnapshot rebuilt, long position) {}

    @Override
    public boolean supportsReset() {
        return false;                                // in memory, rebuilt from position 0 at every start
    }
}

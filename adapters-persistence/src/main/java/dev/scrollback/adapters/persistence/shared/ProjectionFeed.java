package dev.scrollback.adapters.persistence.shared;

import dev.scrollback.application.shared.RecordedEvent;
import dev.scrollback.domain.shared.DomainEvent;
import java.util.function.Consumer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;

/**
 * Feeds one in-memory projection from an Axon streaming processor: every event of one sealed family (e.g. every
 * {@code SessionEvent} to {@code OnlineCallers.apply}), in log order. It says which events it wants by payload type,
 * so the processor never deserializes the others.
 */
final class ProjectionFeed<E extends DomainEvent> implements EventMessageHandler {
    private final Class<E> family;
    private final Consumer<RecordedEvent> projection;

    ProjectionFeed(Class<E> family, Consumer<RecordedEvent> projection) {
        this.family = family;
        this.projection = projection;
    }

    @Override
    public boolean canHandle(EventMessage<?> event) {
        return canHandleType(event.getPayloadType());
    }

    @Override
    public boolean canHandleType(Class<?> payloadType) {
        return family.isAssignableFrom(payloadType);
    }

    @Override
    public Object handle(EventMessage<?> event) {
        projection.accept(Projections.recorded(event));
        return null;
    }

    @Override
    public boolean supportsReset() {
        return false;                                // in memory, rebuilt from position 0 at every start
    }
}

package dev.scrollback.adapters.persistence.shared;

import dev.scrollback.application.shared.RecordedEvent;
import dev.scrollback.domain.shared.DomainEvent;
import java.util.function.Consumer;

/**
 * One in-memory projection as the processors see it: a name (its processor's name, shown when it lags or fails),
 * the sealed event family it reads, and the method that applies one event of that family — the domain event alone
 * ({@link #of}), or the event in its envelope ({@link #recorded}) for a projection that needs position, time, actor or
 * origin (the audit trail).
 */
public record Projection<E extends DomainEvent>(String name, Class<E> family, Consumer<RecordedEvent> apply) {
    public Projection {
        if (name.isBlank()) throw new IllegalArgumentException("a projection needs a name");
    }

    public static <E extends DomainEvent> Projection<E> of(String name, Class<E> family, Consumer<E> apply) {
        return new Projection<>(name, family, recorded -> apply.accept(family.cast(recorded.event())));
    }

    /** A projection that reads each event of {@code family} with its envelope. */
    public static <E extends DomainEvent> Projection<E> recorded(String name, Class<E> family, Consumer<RecordedEvent> apply) {
        return new Projection<>(name, family, apply);
    }

    ProjectionFeed<E> feed() {
        return new ProjectionFeed<>(family, apply);
    }
}

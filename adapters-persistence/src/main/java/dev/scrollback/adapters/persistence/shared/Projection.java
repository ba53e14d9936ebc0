package dev.scrollback.adapters.persistence.shared;

import dev.scrollback.domain.shared.DomainEvent;
import java.util.function.Consumer;

/**
 * One in-memory projection as the processors see it: a name (its processor's name, shown when it lags or fails),
 * the sealed event family it reads, and the method that applies one event of that family.
 */
public record Projection<E extends DomainEvent>(String name, Class<E> family, Consumer<E> apply) {
    public Projection {
        if (name.isBlank()) throw new IllegalArgumentException("a projection needs a name");
    }

    public static <E extends DomainEvent> Projection<E> of(String name, Class<E> family, Consumer<E> apply) {
        return new Projection<>(name, family, apply);
    }

    ProjectionFeed<E> feed() {
        return new ProjectionFeed<>(family, apply);
    }
}

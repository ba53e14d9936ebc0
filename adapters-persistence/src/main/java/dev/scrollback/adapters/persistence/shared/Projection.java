package dev.scrollback.adapters.persistence.shared;

import dev.scrollback.application.shared.ProjectionState;
import dev.scrollback.application.shared.Rebuildable;
import dev.scrollback.application.shared.RecordedEvent;
import dev.scrollback.domain.shared.DomainEvent;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One in-memory projection as the processors see it: a name (its processor's name, shown when it lags or fails, and
 * the name a rebuild is asked for by), the sealed event family it reads, and what it does with each event of that
 * family. A projection with {@linkplain #rebuildable state} feeds it to that state's live {@link ProjectionState} and
 * can be rebuilt beside it; {@link #of} and {@link #recorded} make ones that only hand events on (nothing to rebuild).
 * {@link #alsoFeeding} adds what reacts to the same events in the same order but keeps no rebuildable state (the
 * plugin runtime starting and stopping plugins): a rebuild never calls it.
 */
public record Projection<E extends DomainEvent>(String name, Class<E> family, Optional<Rebuildable<?>> state,
                                                Consumer<RecordedEvent> also) {
    public Projection {
        if (name.isBlank()) throw new IllegalArgumentException("a projection needs a name");
    }

    /** A projection whose whole state {@code state} holds: fed to its live state, and rebuildable. */
    public static <E extends DomainEvent> Projection<E> rebuildable(String name, Class<E> family, Rebuildable<?> state) {
        return new Projection<>(name, family, Optional.of(state), recorded -> { });
    }

    /** A projection that hands each domain event of {@code family} to {@code apply}; it cannot be rebuilt. */
    public static <E extends DomainEvent> Projection<E> of(String name, Class<E> family, Consumer<E> apply) {
        return new Projection<>(name, family, Optional.empty(), recorded -> apply.accept(family.cast(recorded.event())));
    }

    /** A projection that reads each event of {@code family} with its envelope; it cannot be rebuilt. */
    public static <E extends DomainEvent> Projection<E> recorded(String name, Class<E> family, Consumer<RecordedEvent> apply) {
        return new Projection<>(name, family, Optional.empty(), apply);
    }

    /** Also hands each event, after the state has applied it, to {@code reaction} (not rebuilt: see above). */
    public Projection<E> alsoFeeding(Consumer<E> reaction) {
        Consumer<RecordedEvent> before = also;
        return new Projection<>(name, family, state, recorded -> {
            before.accept(recorded);
            reaction.accept(family.cast(recorded.event()));
        });
    }

    boolean reads(Class<?> payloadType) {
        return family.isAssignableFrom(payloadType);
    }

    ProjectionFeed<E> feed() {
        return new ProjectionFeed<>(this);
    }
}

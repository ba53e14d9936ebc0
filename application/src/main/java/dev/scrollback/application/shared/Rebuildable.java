package dev.scrollback.application.shared;

import java.util.function.Supplier;

/**
 * Holds the live state of a projection and makes fresh, empty ones: a rebuild feeds a fresh state the log from
 * position 0 beside the live one and then {@link #swap swaps} it in, one volatile write. A projection class keeps all
 * it knows in one {@link ProjectionState} held here, and its readers take {@link #live()} once per question.
 */
public final class Rebuildable<S extends ProjectionState> {
    private final Supplier<S> fresh;
    private volatile S live;

    public Rebuildable(Supplier<S> fresh) {
        this(fresh.get(), fresh);
    }

    /** Starts from {@code live} (e.g. one holding a resource made elsewhere); {@code fresh} makes the rebuilt ones. */
    public Rebuildable(S live, Supplier<S> fresh) {
        this.fresh = fresh;
        this.live = live;
    }

    public S live() {
        return live;
    }

    /** A new, empty state that nobody reads until it is swapped in. */
    public S fresh() {
        return fresh.get();
    }

    /** Makes {@code rebuilt} the live state; returns the state it replaces, which is no longer fed. */
    public S swap(S rebuilt) {
        var replaced = live;
        live = rebuilt;
        return replaced;
    }
}

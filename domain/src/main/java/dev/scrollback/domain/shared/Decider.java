package dev.scrollback.domain.shared;

import java.util.List;

/**
 * An aggregate as a pure function pair: {@code decide} turns a command and the current state into new events,
 * {@code evolve} folds an event into the state. No I/O, no clock, no randomness.
 */
public interface Decider<C, S, E> {
    S initialState();

    /** May throw a {@link Rejection}; never does I/O. */
    List<E> decide(C command, S state);

    /** Total: events are facts, so evolve never throws. */
    S evolve(S state, E event);

    default S replay(List<? extends E> history) {
        var state = initialState();
        for (E event : history) state = evolve(state, event);
        return state;
    }
}

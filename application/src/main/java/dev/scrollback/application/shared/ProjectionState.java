package dev.scrollback.application.shared;

/**
 * The whole state of one in-memory projection, in one object, so that a rebuilt one can be made beside the live one
 * and swapped in at once ({@link Rebuildable}): readers see the old complete state or the new complete state, never a
 * half-built one. Fed one event of its projection's family at a time, in log order, by one thread at a time.
 */
public interface ProjectionState {
    /** Applies one event of the log (the projection's family; anything else is ignored), in log order. */
    void apply(RecordedEvent event);

    /** What this state holds, canonically, to compare a rebuilt state with the live one. */
    ProjectionSnapshot snapshot();

    /** Called once a rebuilt state has replaced this one and it is no longer fed: frees what it holds. */
    default void retire() {}
}

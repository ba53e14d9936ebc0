package dev.scrollback.application.history;

/**
 * The answer to "what was X like at this point?": what it was ({@link Existed}), or that it did not exist yet
 * ({@link NotYet}, naming the event that later brought it into being), never an empty shell.
 */
public sealed interface AsOf<V> {
    Reckoning reckoning();

    record Existed<V>(V state, Reckoning reckoning) implements AsOf<V> {}

    /** Nothing of it had happened at the point; {@code firstEvent} is where its stream begins. */
    record NotYet<V>(EventMark firstEvent, Reckoning reckoning) implements AsOf<V> {}
}

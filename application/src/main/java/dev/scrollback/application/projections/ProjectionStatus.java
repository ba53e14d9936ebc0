package dev.scrollback.application.projections;

import java.util.Optional;

/**
 * One projection as a sysop sees it: the global position it has read the log to, the log's head, how far behind
 * that is, what it is doing, and its latest rebuild.
 */
public record ProjectionStatus(String name, long position, long head, State state, boolean rebuildable,
                               Optional<RebuildProgress> lastRebuild) {
    /** How many positions the projection is behind the head (0 when it has read everything). */
    public long lag() {
        return Math.max(0, head - position);
    }

    public enum State {
        /** Still reading the log it found at start. */
        REPLAYING,
        /** Has read to the end of the log and follows it. */
        FOLLOWING,
        /** Its processor failed on an event and is retrying it. */
        FAILING;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}

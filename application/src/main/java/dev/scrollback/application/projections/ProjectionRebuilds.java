package dev.scrollback.application.projections;

import java.util.List;
import java.util.Optional;

/**
 * Out-port: the in-memory projections of this server and their rebuilds. A rebuild feeds a fresh, empty state the log
 * from position 0 beside the live one (which keeps serving), brings it to exactly the live one's position and swaps it
 * in at once, then says whether the two were identical. One rebuild at a time per projection.
 */
public interface ProjectionRebuilds {
    /** Every projection, in the order they were started, with where it is. */
    List<ProjectionStatus> projections();

    /**
     * Starts rebuilding {@code projection} and returns at once; follow it with {@link #latest}.
     *
     * @throws RebuildRejected for an unknown projection, or one already being rebuilt
     */
    RebuildProgress start(String projection);

    /**
     * The projection's latest rebuild since this server started (running or finished); empty when it had none.
     *
     * @throws RebuildRejected for an unknown projection
     */
    Optional<RebuildProgress> latest(String projection);
}

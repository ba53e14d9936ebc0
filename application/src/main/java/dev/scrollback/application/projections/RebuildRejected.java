package dev.scrollback.application.projections;

import dev.scrollback.domain.shared.Rejection;
import java.util.List;

/** A rebuild that cannot be started or shown. */
public final class RebuildRejected extends Rejection {
    private final Reason reason;

    public RebuildRejected(Reason reason) {
        super(reason);
        this.reason = reason;
    }

    @Override
    public Reason reason() {
        return reason;
    }

    public sealed interface Reason {
        /** No projection has this name; {@code known} lists those there are. */
        record UnknownProjection(String name, List<String> known) implements Reason {}

        /** The projection is being rebuilt already: one rebuild at a time. */
        record AlreadyRebuilding(String name) implements Reason {}

        /** The projection keeps no state of its own to rebuild (it only reacts to events). */
        record NotRebuildable(String name) implements Reason {}
    }
}

package dev.scrollback.application.projections;

import dev.scrollback.application.accounts.Caller;
import java.util.List;
import java.util.Optional;

/** In-port: sysops list the projections and rebuild one from position 0 while the server keeps serving. */
public interface RebuildProjections {
    List<ProjectionStatus> list(Caller sysop);

    RebuildProgress rebuild(Caller sysop, String projection);

    Optional<RebuildProgress> progress(Caller sysop, String projection);
}

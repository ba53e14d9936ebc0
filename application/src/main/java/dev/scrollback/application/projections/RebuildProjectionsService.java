package dev.scrollback.application.projections;

import dev.scrollback.application.accounts.AccessDenied;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.domain.accounts.Role;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;

/** Only sysops (an API key needs the {@code admin} scope) see the projections or rebuild one. */
@Named
final class RebuildProjectionsService implements RebuildProjections {
    private final ProjectionRebuilds rebuilds;

    @Inject
    RebuildProjectionsService(ProjectionRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @Override
    public List<ProjectionStatus> list(Caller sysop) {
        AccessDenied.unlessAny(sysop, Role.SYSOP);
        return rebuilds.projections();
    }

    @Override
    public RebuildProgress rebuild(Caller sysop, String projection) {
        AccessDenied.unlessAny(sysop, Role.SYSOP);
        return rebuilds.start(projection);
    }

    @Override
    public Optional<RebuildProgress> progress(Caller sysop, String projection) {
        AccessDenied.unlessAny(sysop, Role.SYSOP);
        return rebuilds.latest(projection);
    }
}

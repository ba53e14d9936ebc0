package dev.scrollback.application.exchange;

import dev.scrollback.application.accounts.AccessDenied;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.accounts.Scope;
import dev.scrollback.domain.shared.InvalidValue;
import jakarta.inject.Inject;
import jakarta.inject.Named;

@Named
final class ExportEventsService implements ExportEvents {
    private final EventExporter exporter;

    @Inject
    ExportEventsService(EventExporter exporter) {
        this.exporter = exporter;
    }

    @Override
    public Export open(Caller caller, long after, ExportFormat format) {
        AccessDenied.unlessAny(caller.through(Scope.EVENTS_READ), Role.SYSOP, Role.AUDITOR);
        if (after < 0) throw new InvalidValue("after", "must be 0 or a position");
        return out -> exporter.write(after, format, out);
    }
}

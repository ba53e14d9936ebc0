package dev.scrollback.application.audit;

import dev.scrollback.application.accounts.AccessDenied;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.shared.InvalidValue;
import jakarta.inject.Inject;
import jakarta.inject.Named;

@Named
final class ReadAuditLogService implements ReadAuditLog {
    private final AuditTrail trail;

    @Inject
    ReadAuditLogService(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public AuditPage read(Caller caller, AuditFilter filter, long after, int limit) {
        AccessDenied.unlessAny(caller, Role.SYSOP, Role.AUDITOR);
        if (after < 0) throw new InvalidValue("after", "must be 0 or a position");
        if (limit < 1 || limit > MAX_LIMIT) throw new InvalidValue("limit", "must be between 1 and " + MAX_LIMIT);
        return trail.find(filter, after, limit);
    }
}

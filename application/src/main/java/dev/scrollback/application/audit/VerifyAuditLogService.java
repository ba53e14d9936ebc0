package dev.scrollback.application.audit;

import dev.scrollback.application.accounts.AccessDenied;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.domain.accounts.Role;
import jakarta.inject.Inject;
import jakarta.inject.Named;

@Named
final class VerifyAuditLogService implements VerifyAuditLog {
    private final AuditChain chain;

    @Inject
    VerifyAuditLogService(AuditChain chain) {
        this.chain = chain;
    }

    @Override
    public AuditVerification verify(Caller caller) {
        AccessDenied.unlessAny(caller, Role.SYSOP, Role.AUDITOR);
        return chain.verify();
    }
}

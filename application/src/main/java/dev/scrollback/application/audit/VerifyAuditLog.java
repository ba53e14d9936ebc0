package dev.scrollback.application.audit;

import dev.scrollback.application.accounts.Caller;

/** In-port: verify that the log has not been altered, removed from or reordered. Sysops and auditors only. */
@FunctionalInterface
public interface VerifyAuditLog {
    AuditVerification verify(Caller caller);
}

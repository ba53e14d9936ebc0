package dev.scrollback.application.audit;

import dev.scrollback.application.accounts.Caller;

/**
 * In-port: read the audit log. For sysops and auditors only ({@code AccessDenied} otherwise); an API key counts with the
 * roles its scopes unlock ({@code audit:read} an auditor's, {@code admin} a sysop's).
 */
public interface ReadAuditLog {
    int DEFAULT_LIMIT = 100;
    int MAX_LIMIT = 1000;

    /** The entries matching {@code filter} after position {@code after} (exclusive), at most {@code limit} (1 to 1000). */
    AuditPage read(Caller caller, AuditFilter filter, long after, int limit);
}

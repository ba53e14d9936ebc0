package dev.scrollback.application.audit;

import java.util.List;

/**
 * A page of the audit log, oldest first. {@code next} is the position to pass as {@code after} for the following page:
 * the last position looked at, so a filter that matched nothing in a stretch of the log still moves on.
 */
public record AuditPage(List<AuditEntry> entries, long next) {
    public AuditPage {
        entries = List.copyOf(entries);
    }
}

package dev.scrollback.application.exchange;

import dev.scrollback.application.accounts.Caller;
import java.io.IOException;
import java.io.OutputStream;

/**
 * In-port: the whole stored log after a position, every column as stored (decision 0023), for a backup, an auditor's
 * copy or a consumer's bulk load. It carries what the feed leaves out (secret fields such as password hashes, personal
 * data as stored), so sysops and auditors only; an API key needs {@code events:read} and counts with its account's
 * roles. Access is checked when the export is opened, before any byte is written.
 */
@FunctionalInterface
public interface ExportEvents {
    /** @throws dev.scrollback.application.accounts.AccessDenied (or a credential refusal) for anyone else */
    Export open(Caller caller, long after, ExportFormat format);

    /** An export the caller may read, ready to be written. */
    @FunctionalInterface
    interface Export {
        void writeTo(OutputStream out) throws IOException;
    }
}

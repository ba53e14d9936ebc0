package dev.scrollback.domain.plugins;

import dev.scrollback.domain.shared.Rejection;
import java.util.List;

/** A plugin command was refused; {@link #reason()} says why, as a record every adapter maps exhaustively. */
public final class PluginRejected extends Rejection {
    public sealed interface Reason {}

    /** No plugin was submitted on this stream. */
    public record NoSuchPlugin() implements Reason {}

    /** Plugin ids are fresh per submission; a different second submission on one stream is a bug or a replay. */
    public record AlreadySubmitted() implements Reason {}

    /** The caller's roles do not let them {@code what}: members submit, sysops do the rest. */
    public record NotAllowed(String what) implements Reason {}

    /** The package has not been scanned yet, so nobody can know what they would approve. */
    public record NotScanned() implements Reason {}

    /** The scan found problems; a fixed package is a new submission. */
    public record ScanFailed(List<String> findings) implements Reason {
        public ScanFailed {
            findings = List.copyOf(findings);
        }
    }

    /** A scan is recorded before approval only: what was approved stays what was scanned. */
    public record AlreadyReviewed() implements Reason {}

    /** Only an approved plugin is published. */
    public record NotApproved() implements Reason {}

    /** Only a published plugin is installed. */
    public record NotPublished() implements Reason {}

    /** Enabling, disabling, uninstalling and faults concern installed plugins only. */
    public record NotInstalled() implements Reason {}

    /** The plugin needs a BBS version in {@code requires}, and this BBS runs {@code running}. */
    public record IncompatibleBbs(VersionRange requires, PluginVersion running) implements Reason {}

    private final Reason reason;

    public PluginRejected(Reason reason) {
        super(reason);
        this.reason = reason;
    }

    @Override
    public Reason reason() {
        return reason;
    }
}

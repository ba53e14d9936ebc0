package dev.scrollback.domain.plugins;

import dev.scrollback.domain.shared.InvalidValue;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Commands on one plugin version's stream ({@code plugin-<uuid>}). */
public sealed interface PluginCommand {
    Instant at();

    /** {@code by} (a member) hands in a package whose bytes hash to {@code sha256}, described by {@code manifest}. */
    record Submit(PluginId plugin, PluginManifest manifest, PackageSha256 sha256, PluginActor by, Instant at)
            implements PluginCommand {
        public Submit {
            Objects.requireNonNull(plugin, "plugin");
            Objects.requireNonNull(manifest, "manifest");
            Objects.requireNonNull(sha256, "sha256");
            Objects.requireNonNull(by, "by");
        }
    }

    /**
     * The scanner's verdict on the package (the scan runs in an adapter). A failed scan says why: at least one finding.
     * At most {@value #MAX_FINDINGS} findings of one line, up to {@value #MAX_FINDING} characters each.
     */
    record RecordScan(boolean passed, List<String> findings, Instant at) implements PluginCommand {
        public static final int MAX_FINDINGS = 100;
        public static final int MAX_FINDING = 300;

        public RecordScan {
            if (findings == null) throw new InvalidValue("findings", "are required (empty for none)");
            if (findings.size() > MAX_FINDINGS) throw new InvalidValue("findings", "must be at most " + MAX_FINDINGS);
            if (!passed && findings.isEmpty()) throw new InvalidValue("findings", "a failed scan must say what it found");
            findings = findings.stream().map(f -> PluginText.checked("finding", f, MAX_FINDING, false)).toList();
        }
    }

    /** A sysop lets a plugin that passed its scan be published. */
    record Approve(PluginActor by, Instant at) implements PluginCommand {}

    /** A sysop lists an approved plugin for installation. */
    record Publish(PluginActor by, Instant at) implements PluginCommand {}

    /**
     * A sysop installs a published plugin on this BBS, which runs {@code bbsVersion}; the sandbox checked the package's
     * signature against {@code publisherKey} first.
     */
    record Install(PluginActor by, PublisherKeyId publisherKey, PluginVersion bbsVersion, Instant at) implements PluginCommand {}

    /** A sysop turns an installed plugin on. */
    record Enable(PluginActor by, Instant at) implements PluginCommand {}

    /** A sysop turns an installed plugin off. */
    record Disable(PluginActor by, Instant at) implements PluginCommand {}

    /** A sysop removes an installed plugin. */
    record Uninstall(PluginActor by, Instant at) implements PluginCommand {}

    /**
     * The sandbox reports a failed call. {@code detail} may hold anything the plugin produced, so it is made safe rather
     * than refused (a refused report would hide the fault): control characters become spaces, and it is cut at
     * {@value #MAX_DETAIL} characters.
     */
    record Fault(Hook hook, FaultKind kind, String detail, Instant at) implements PluginCommand {
        public static final int MAX_DETAIL = 300;

        public Fault {
            Objects.requireNonNull(hook, "hook");
            Objects.requireNonNull(kind, "kind");
            detail = PluginText.sanitized(detail, MAX_DETAIL);
        }
    }
}

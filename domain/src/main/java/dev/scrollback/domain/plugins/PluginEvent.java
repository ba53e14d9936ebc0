package dev.scrollback.domain.plugins;

import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.PluginName;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Facts about one submitted version of a plugin, stored on stream {@code plugin-<uuid>} (SPEC §3). Names are a public
 * contract. Whoever acted ({@code by}) is also the envelope's actor; scans and faults come from the system.
 */
public sealed interface PluginEvent extends PluginsEvent {
    PluginId plugin();

    Instant at();

    /**
     * {@code submittedBy} (the actor, a member) handed in a package whose bytes hash to {@code sha256}, with this
     * manifest. Permissions are stored as their kinds, with the HTTP hosts beside them, so that the payload is plain
     * JSON; {@link #manifest()} puts them back together. Sets are held in a fixed order.
     */
    record PluginSubmitted(PluginId plugin, PluginName name, PluginVersion version, VersionRange requires,
                           PluginDescription description, PluginAuthor author, LicenseId license, Engine engine,
                           EntryPoint entryPoint, Set<Hook> hooks, Set<Permission.Kind> permissions, Set<HostName> httpHosts,
                           PluginLimits limits, PluginTriggers triggers, PackageSha256 sha256, AccountId submittedBy,
                           Handle submittedByHandle, Instant at) implements PluginEvent {
        public PluginSubmitted {
            java.util.Objects.requireNonNull(triggers, "triggers");
            hooks = hooks.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(hooks));
            permissions = permissions.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(permissions));
            var hosts = new TreeSet<HostName>(Comparator.comparing(HostName::value));
            hosts.addAll(httpHosts);
            httpHosts = Collections.unmodifiableSortedSet(hosts);
        }

        /** The manifest as submitted. */
        public PluginManifest manifest() {
            var granted = new java.util.HashSet<Permission>();
            for (var kind : permissions) {
                granted.add(switch (kind) {
                    case POST_MESSAGE -> new Permission.PostMessage();
                    case READ_USER -> new Permission.ReadUser();
                    case KV_STORAGE -> new Permission.KeyValueStorage();
                    case HTTP -> new Permission.OutboundHttp(httpHosts);
                });
            }
            return new PluginManifest(name, version, requires, description, author, license, engine, entryPoint, hooks,
                    granted, limits, triggers);
        }
    }

    /**
     * The package was scanned (by the sandbox's scanner, the system being the actor): {@code passed} or not, with what
     * the scanner found, one line of text per finding (a passed scan may carry warnings).
     */
    record PluginScanned(PluginId plugin, boolean passed, List<String> findings, Instant at) implements PluginEvent {
        public PluginScanned {
            findings = List.copyOf(findings);
        }
    }

    /** A sysop ({@code by}) read the manifest and the scan and let the plugin be published. */
    record PluginApproved(PluginId plugin, AccountId by, Handle byHandle, Instant at) implements PluginEvent {}

    /** A sysop ({@code by}) listed the plugin for installation. */
    record PluginPublished(PluginId plugin, AccountId by, Handle byHandle, Instant at) implements PluginEvent {}

    /**
     * A sysop ({@code by}) installed {@code name} at {@code version}, its package's signature checked against the key
     * {@code publisherKey}. An installed plugin is disabled until enabled.
     */
    record PluginInstalled(PluginId plugin, PluginName name, PluginVersion version, PublisherKeyId publisherKey, AccountId by,
                           Handle byHandle, Instant at) implements PluginEvent {}

    /** A sysop ({@code by}) turned the plugin on: its hooks are called from now on. */
    record PluginEnabled(PluginId plugin, AccountId by, Handle byHandle, Instant at) implements PluginEvent {}

    /**
     * The plugin's hooks are no longer called: a sysop turned it off ({@code by} set), or the system did after too many
     * faults ({@code by} empty).
     */
    record PluginDisabled(PluginId plugin, DisableReason reason, Optional<AccountId> by, Optional<Handle> byHandle,
                          Instant at) implements PluginEvent {}

    /** A sysop ({@code by}) removed the plugin from this BBS; it stays published and may be installed again. */
    record PluginUninstalled(PluginId plugin, AccountId by, Handle byHandle, Instant at) implements PluginEvent {}

    /** A call of {@code hook} went wrong ({@code kind}); {@code detail} is the sandbox's one-line account of it. */
    record PluginFaulted(PluginId plugin, Hook hook, FaultKind kind, String detail, Instant at) implements PluginEvent {}

    /** Why a plugin was disabled. */
    enum DisableReason {
        BY_SYSOP, TOO_MANY_FAULTS;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}

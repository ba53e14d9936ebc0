package dev.scrollback.domain.plugins;

import dev.scrollback.domain.shared.InvalidValue;
import dev.scrollback.domain.shared.PluginName;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a plugin says about itself, checked as a whole: it uses at least one hook, its entry point has its engine's
 * extension, it names each kind of permission once (all its HTTP hosts under one {@code http}), and it sets deadlines
 * only for hooks it uses, and it names event types exactly when it uses {@code on_event} and schedules exactly when it
 * uses {@code on_schedule}. Reading the manifest file is an adapter's job; this is what that file must amount to.
 */
public record PluginManifest(PluginName name, PluginVersion version, VersionRange requires, PluginDescription description,
                             PluginAuthor author, LicenseId license, Engine engine, EntryPoint entryPoint, Set<Hook> hooks,
                             Set<Permission> permissions, PluginLimits limits, PluginTriggers triggers) {
    /** A manifest without triggers. */
    public PluginManifest(PluginName name, PluginVersion version, VersionRange requires, PluginDescription description,
                          PluginAuthor author, LicenseId license, Engine engine, EntryPoint entryPoint, Set<Hook> hooks,
                          Set<Permission> permissions, PluginLimits limits) {
        this(name, version, requires, description, author, license, engine, entryPoint, hooks, permissions, limits,
                PluginTriggers.none());
    }

    public PluginManifest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(requires, "requires");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(license, "license");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(entryPoint, "entryPoint");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(triggers, "triggers");
        if (hooks == null || hooks.isEmpty()) throw new InvalidValue("hooks", "must name at least one hook");
        if (!entryPoint.hasExtension(engine.extension())) {
            throw new InvalidValue("entry", "must end in " + engine.extension() + " for the " + engine.wireName() + " engine");
        }
        if (permissions == null) throw new InvalidValue("permissions", "are required (empty for none)");
        var kinds = permissions.stream().map(Permission::kind).collect(Collectors.toSet());
        if (kinds.size() != permissions.size()) {
            throw new InvalidValue("permissions", "must name each permission once (put every host under one http)");
        }
        var used = Collections.unmodifiableSet(EnumSet.copyOf(hooks));
        hooks = used;
        var unused = limits.deadlines().keySet().stream().filter(h -> !used.contains(h)).map(Hook::wireName).toList();
        if (!unused.isEmpty()) throw new InvalidValue("limits", "set deadlines for hooks the plugin does not use: " + unused);
        if (hooks.contains(Hook.ON_EVENT) == triggers.events().isEmpty()) {
            throw new InvalidValue("events", hooks.contains(Hook.ON_EVENT) ? "must name the event types that call on_event"
                    : "are named, but the plugin does not use on_event");
        }
        if (hooks.contains(Hook.ON_SCHEDULE) == triggers.schedules().isEmpty()) {
            throw new InvalidValue("schedules", hooks.contains(Hook.ON_SCHEDULE) ? "must give the cron schedules of on_schedule"
                    : "are given, but the plugin does not use on_schedule");
        }
        var ordered = new LinkedHashSet<Permission>();                   // in kind order, so equal manifests print alike
        permissions.stream().sorted(Comparator.comparing(Permission::kind)).forEach(ordered::add);
        permissions = Collections.unmodifiableSet(ordered);
    }

    /** The hosts the plugin may reach over HTTP; empty without the {@code http} permission. */
    public Set<HostName> httpHosts() {
        return http().map(Permission.OutboundHttp::hosts).orElse(Set.of());
    }

    public Optional<Permission.OutboundHttp> http() {
        return permissions.stream().filter(p -> p instanceof Permission.OutboundHttp)
                .map(p -> (Permission.OutboundHttp) p).findFirst();
    }

    public boolean grants(Permission.Kind kind) {
        return permissions.stream().anyMatch(p -> p.kind() == kind);
    }
}

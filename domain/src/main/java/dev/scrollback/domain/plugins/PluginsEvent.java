package dev.scrollback.domain.plugins;

import dev.scrollback.domain.shared.DomainEvent;

/**
 * Every event of the plugins capability: the lifecycle of each plugin version ({@link PluginEvent}), what plugins did
 * ({@link PluginActionEvent}) and when their schedules ran ({@link PluginScheduleFired}), so that one projection can
 * follow them all in log order.
 */
public sealed interface PluginsEvent extends DomainEvent permits PluginEvent, PluginActionEvent, PluginScheduleFired {}

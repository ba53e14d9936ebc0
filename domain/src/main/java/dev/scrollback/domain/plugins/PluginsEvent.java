package dev.scrollback.domain.plugins;

import dev.scrollback.domain.shared.DomainEvent;

/**
 * Every event of the plugins capability: the lifecycle of each plugin version ({@link PluginEvent}) and what plugins
 * did ({@link PluginActionEvent}), so that one projection can follow both in log order.
 */
public sealed interface PluginsEvent extends DomainEvent permits PluginEvent, PluginActionEvent {}

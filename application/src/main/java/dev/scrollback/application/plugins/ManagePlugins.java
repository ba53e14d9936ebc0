package dev.scrollback.application.plugins;

import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.plugins.PluginId;
import dev.scrollback.domain.plugins.PublisherKeyId;
import java.util.Optional;

/**
 * In-port: a sysop installs a published plugin on this BBS — only with a signature over its package by a trusted
 * publisher ({@link PluginSignatureRefused} otherwise) and only if this BBS's version is in its range — then enables,
 * disables and uninstalls it. Each answers whether anything was recorded; out of order is {@code PluginRejected}.
 */
public interface ManagePlugins {

    /** The publisher key that signed it, or empty when it was installed already (nothing recorded). */
    Optional<PublisherKeyId> install(Caller caller, PluginId plugin, byte[] signature, Origin origin);

    boolean enable(Caller caller, PluginId plugin, Origin origin);

    boolean disable(Caller caller, PluginId plugin, Origin origin);

    boolean uninstall(Caller caller, PluginId plugin, Origin origin);
}

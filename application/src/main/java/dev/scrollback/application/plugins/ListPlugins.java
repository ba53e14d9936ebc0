package dev.scrollback.application.plugins;

import dev.scrollback.application.accounts.Caller;
import java.util.List;

/** In-port: the plugin registry, every submitted version with where it is in its lifecycle; for sysops ({@code NotAllowed}). */
public interface ListPlugins {

    List<Plugins.Entry> list(Caller caller);
}

package dev.scrollback.application.plugins;

/** An install whose signature no trusted publisher key verifies, or whose package is no longer kept. */
public final class PluginSignatureRefused extends RuntimeException {
    public PluginSignatureRefused(String reason) {
        super(reason, null, false, false);
    }
}

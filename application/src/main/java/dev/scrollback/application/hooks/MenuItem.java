package dev.scrollback.application.hooks;

import java.util.Objects;

/**
 * An entry a plugin adds to a main menu: its one-line {@code label}; choosing it runs the plugin's command
 * ({@code handle_command}) for the caller.
 */
public record MenuItem(String plugin, String label) {
    public static final int MAX_LABEL = 40;

    public MenuItem {
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(label, "label");
    }
}

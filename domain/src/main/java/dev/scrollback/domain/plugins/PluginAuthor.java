package dev.scrollback.domain.plugins;

/**
 * Who wrote a plugin, as the manifest names them (a person or a group, free text on one line, up to {@value #MAX}
 * characters). Public by nature: it is shown in the listing. The member who submitted the plugin is recorded apart.
 */
public record PluginAuthor(String value) {
    public static final int MAX = 80;

    public PluginAuthor {
        value = PluginText.checked("author", value, MAX, false);
    }

    @Override
    public String toString() {
        return value;
    }
}

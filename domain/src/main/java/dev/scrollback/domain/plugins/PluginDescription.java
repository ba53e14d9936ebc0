package dev.scrollback.domain.plugins;

/** What a plugin does, as its listing shows it: 1 to {@value #MAX} characters, line breaks allowed. */
public record PluginDescription(String value) {
    public static final int MAX = 500;

    public PluginDescription {
        value = PluginText.checked("description", value, MAX, true);
    }

    @Override
    public String toString() {
        return value;
    }
}

package dev.scrollback.domain.shared;

import java.util.regex.Pattern;

/**
 * A plugin's name, as sysops type it and as it appears in paths and logs: a slug of 2 to 40 lower-case ASCII letters,
 * digits and single hyphens, starting with a letter and not ending with a hyphen. ASCII only, so that two names that
 * look alike are alike ({@code раste} with a Cyrillic {@code а} is refused, not mistaken for {@code paste}).
 */
public record PluginName(String value) {
    public static final int MAX = 40;
    private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9-]{1," + (MAX - 1) + "}");

    public PluginName {
        if (value == null) throw new InvalidValue("name", "is required");
        if (value.length() > MAX || !SLUG.matcher(value).matches() || value.endsWith("-") || value.contains("--")) {
            throw new InvalidValue("name", "must be 2 to " + MAX + " lower-case letters, digits and single hyphens, "
                    + "starting with a letter and not ending with a hyphen");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}

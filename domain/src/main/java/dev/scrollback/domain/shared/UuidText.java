package dev.scrollback.domain.shared;

import java.util.regex.Pattern;

/** The canonical text form of a UUID: 8-4-4-4-12 hex digits. */
public final class UuidText {
    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private UuidText() {}

    public static boolean isCanonical(String text) {
        return text.length() == 36 && CANONICAL.matcher(text).matches();
    }
}

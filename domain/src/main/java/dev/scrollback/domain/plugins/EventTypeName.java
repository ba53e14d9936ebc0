package dev.scrollback.domain.plugins;

import dev.scrollback.domain.shared.InvalidValue;
import java.util.regex.Pattern;

/**
 * The name of a kind of event, as the log and the feed give it ({@code ChatRoomCreated}, {@code LoginSucceeded}): what
 * a plugin's {@code on_event} trigger names. Names are a public contract (SPEC §3), so a plugin may name any.
 */
public record EventTypeName(String value) {
    public static final int MAX = 64;
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Za-z0-9]{1," + (MAX - 1) + "}");

    public EventTypeName {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new InvalidValue("events", "name event types as the log does, like ChatRoomCreated (2 to " + MAX
                    + " ASCII letters and digits, starting with a capital letter)");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}

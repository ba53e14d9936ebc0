package dev.scrollback.application.shared;

import dev.scrollback.domain.shared.InvalidValue;
import java.util.regex.Pattern;

/** A stream's name, {@code <category>-<id>} (SPEC §3): {@code account-<uuid>}, {@code session-<uuid>}, {@code handle-<key>}. */
public record StreamId(String value) {
    private static final Pattern SHAPE = Pattern.compile("[a-z][a-z0-9]{0,31}-\\S{1,200}");

    public StreamId {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new InvalidValue("stream", "must look like <category>-<id>");
        }
    }

    public static StreamId of(String category, Object id) {
        return new StreamId(category + "-" + id);
    }

    public String category() {
        return value.substring(0, value.indexOf('-'));
    }

    public String id() {
        return value.substring(value.indexOf('-') + 1);
    }

    @Override
    public String toString() {
        return value;
    }
}

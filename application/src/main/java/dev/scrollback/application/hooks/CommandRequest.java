package dev.scrollback.application.hooks;

import dev.scrollback.domain.shared.Handle;
import java.util.Objects;

/** {@code handle} asks plugin {@code plugin} to run its command with {@code input} (what they typed after its name). */
public record CommandRequest(String plugin, Handle handle, String input) {
    public static final int MAX_INPUT = 1000;

    public CommandRequest {
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(input, "input");
    }
}

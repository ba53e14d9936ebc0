package dev.scrollback.adapters.sandbox.call;

import java.util.Objects;

/** One line a plugin logged during a call (already cut to the per-line limit). */
public record LogLine(LogLevel level, String text) {
    public LogLine {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(text, "text");
    }
}

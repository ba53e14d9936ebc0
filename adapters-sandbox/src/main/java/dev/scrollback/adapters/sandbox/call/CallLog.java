package dev.scrollback.adapters.sandbox.call;

import java.util.List;

/** What a plugin logged during one call: the lines kept, and how many were dropped past the per-call limit. */
public record CallLog(List<LogLine> lines, int dropped) {
    public CallLog {
        lines = List.copyOf(lines);
        if (dropped < 0) throw new IllegalArgumentException("dropped must be >= 0");
    }

    public static CallLog empty() {
        return new CallLog(List.of(), 0);
    }
}

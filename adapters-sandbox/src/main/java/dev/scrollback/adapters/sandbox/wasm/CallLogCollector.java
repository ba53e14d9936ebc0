package dev.scrollback.adapters.sandbox.wasm;

import java.util.ArrayList;
import java.util.List;

/** Collects one call's log lines up to the limit; the rest are only counted, so a log flood costs no memory. */
final class CallLogCollector {
    private final int maxLines;
    private final List<LogLine> lines = new ArrayList<>();
    private int dropped;

    CallLogCollector(int maxLines) {
        this.maxLines = maxLines;
    }

    boolean full() {
        return lines.size() >= maxLines;
    }

    void add(LogLine line) {
        if (full()) {
            dropped = dropped == Integer.MAX_VALUE ? dropped : dropped + 1;
        } else {
            lines.add(line);
        }
    }

    void drop() {
        dropped = dropped == Integer.MAX_VALUE ? dropped : dropped + 1;
    }

    CallLog toLog() {
        return new CallLog(lines, dropped);
    }

    void clear() {
        lines.clear();
        dropped = 0;
    }
}

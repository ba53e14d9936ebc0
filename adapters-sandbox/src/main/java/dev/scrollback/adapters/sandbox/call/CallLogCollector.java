package dev.scrollback.adapters.sandbox.call;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects one call's log lines up to the limit; the rest are only counted, so a log flood costs no memory. Used by
 * both engines (the JS scripts' {@code log} too).
 */
public final class CallLogCollector {
    private final int maxLines;
    private final List<LogLine> lines = new ArrayList<>();
    private int dropped;

    public CallLogCollector(int maxLines) {
        this.maxLines = maxLines;
    }

    public boolean full() {
        return lines.size() >= maxLines;
    }

    public void add(LogLine line) {
        if (full()) {
            dropped = dropped == Integer.MAX_VALUE ? dropped : dropped + 1;
        } else {
            lines.add(line);
        }
    }

    public void drop() {
        dropped = dropped == Integer.MAX_VALUE ? dropped : dropped + 1;
    }

    public CallLog toLog() {
        return new CallLog(lines, dropped);
    }

    public void clear() {
        lines.clear();
        dropped = 0;
    }
}

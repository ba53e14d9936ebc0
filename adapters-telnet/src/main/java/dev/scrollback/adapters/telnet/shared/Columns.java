package dev.scrollback.adapters.telnet.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * Text laid out for a window so many columns wide, counted in code points. The last column stays free, as some
 * terminals wrap there; the width is asked for at each screen, so a resized window gets the new layout at once.
 */
public final class Columns {
    public static final int NARROWEST = 20;

    private Columns() {}

    /** Characters a line may hold in a window {@code columns} wide. */
    public static int usable(int columns) {
        return Math.max(columns, NARROWEST) - 1;
    }

    /** Pads or cuts to exactly {@code width} characters, marking a cut with {@code ~}. */
    public static String fit(String text, int width) {
        int length = text.codePointCount(0, text.length());
        if (length <= width) return text + " ".repeat(width - length);
        return text.substring(0, text.offsetByCodePoints(0, Math.max(0, width - 1))) + "~";
    }

    /** Cuts to at most {@code width} characters (no padding). */
    public static String cut(String text, int width) {
        return fit(text, width).stripTrailing();
    }

    /**
     * Word-wraps {@code text} (lines split at {@code \n}) to {@code width}; a word longer than a line is split. Tabs
     * become spaces, so the count holds. A quoted line keeps its "> " on every piece.
     */
    public static List<String> wrap(String text, int width) {
        var out = new ArrayList<String>();
        for (var raw : text.replace('\t', ' ').split("\n", -1)) {
            var prefix = quotePrefix(raw);
            int room = width - prefix.length() > 10 ? width - prefix.length() : width;
            if (room == width) prefix = "";
            var rest = raw.substring(prefix.length()).stripTrailing();
            if (rest.isEmpty()) {
                out.add(raw.stripTrailing());
                continue;
            }
            while (!rest.isEmpty()) {
                if (rest.codePointCount(0, rest.length()) <= room) {
                    out.add(prefix + rest);
                    break;
                }
                int hard = rest.offsetByCodePoints(0, room);
                int space = rest.lastIndexOf(' ', hard);
                int end = space > 0 ? space : hard;
                out.add(prefix + rest.substring(0, end).stripTrailing());
                rest = rest.substring(end).stripLeading();
            }
        }
        return out;
    }

    /** The "> > " a quoted line starts with, kept when it is wrapped. */
    private static String quotePrefix(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == '>' || (line.charAt(i) == ' ' && i > 0 && line.charAt(i - 1) == '>'))) i++;
        return line.substring(0, i);
    }
}

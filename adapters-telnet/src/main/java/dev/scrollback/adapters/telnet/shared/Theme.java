package dev.scrollback.adapters.telnet.shared;

import java.util.List;

/**
 * The look of banners and screen titles for one terminal at its current width. Art is authored in Unicode box-drawing
 * and shade characters, all of which CP437 has, so the same strings serve UTF-8 and CP437 terminals; colour is ANSI
 * SGR, only when the profile has colour. A plain-ASCII terminal gets the plain text, as before themes. Nothing is
 * wider than the terminal minus its last column (some terminals wrap there); ask again after a resize.
 */
public final class Theme {
    private static final String RESET = "\u001b[0m";
    private static final String FRAME = "\u001b[0;36m";        // cyan
    private static final String TEXT = "\u001b[1;37m";         // bright white
    private static final String SHADE = "\u001b[0;34m";        // blue
    private static final String NAME = "\u001b[1;33m";         // yellow

    private final TerminalProfile profile;
    private final int usable;

    public Theme(TerminalProfile profile, int columns) {
        this.profile = profile;
        this.usable = Math.max(1, columns - 1);
    }

    /** A screen's title line: {@code ══╡ Main menu ╞═══…} to the width, or just the text. */
    public String title(String text) {
        var shown = cut(text, usable);
        if (!profile.graphics()) return shown;
        int rest = usable - length(shown) - 6;
        if (rest < 0) return paint(TEXT) + shown + reset();
        return paint(FRAME) + "══╡ " + paint(TEXT) + shown + paint(FRAME) + " ╞" + "═".repeat(rest) + reset();
    }

    /** The opening banner: the board's name framed in a double box with shades, or underlined with {@code =}. */
    public List<String> banner(String name) {
        if (!profile.graphics() || length(name) + 4 > usable) {
            var shown = cut(name, usable);
            return List.of(shown, "=".repeat(length(shown)));
        }
        boolean shades = length(name) + 12 <= usable;
        int inner = length(name) + (shades ? 10 : 2);
        var middle = shades
                ? paint(SHADE) + " ░▒▓ " + paint(NAME) + name + paint(SHADE) + " ▓▒░ "
                : " " + paint(NAME) + name + " ";
        return List.of(
                paint(FRAME) + "╔" + "═".repeat(inner) + "╗" + reset(),
                paint(FRAME) + "║" + middle + paint(FRAME) + "║" + reset(),
                paint(FRAME) + "╚" + "═".repeat(inner) + "╝" + reset());
    }

    private String paint(String sgr) {
        return profile.colour() ? sgr : "";
    }

    private String reset() {
        return profile.colour() ? RESET : "";
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /** At most {@code width} code points, a cut marked with {@code ~}. */
    private static String cut(String text, int width) {
        if (length(text) <= width) return text;
        return width <= 1 ? "~" : text.substring(0, text.offsetByCodePoints(0, width - 1)) + "~";
    }
}

package dev.scrollback.adapters.telnet.editor;

import dev.scrollback.adapters.telnet.shared.CallerConsole;
import dev.scrollback.adapters.telnet.shared.Key;
import dev.scrollback.domain.shared.InvalidValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The full-screen editor, for terminals that can position the cursor (ANSI-BBS, VT100, xterm and friends; never plain
 * ASCII): the text fills the window between a title bar and a key bar. Typing inserts; a word that runs past the right
 * margin (column 79, or the window's edge if narrower) wraps to a new line; Enter splits a line and Backspace / Delete
 * join lines; arrows, Home / End (or Ctrl-A / Ctrl-E) and Page Up / Page Down move. Ctrl-Z saves, Ctrl-X abandons
 * (after asking), Ctrl-Y deletes a line, Ctrl-T hands the text to the line editor, Ctrl-L redraws. A window resize
 * redraws at once. Only what changed is sent again, so a keystroke costs a line, not a screen.
 * <p>
 * Bounded like the line editor: at most the rules' line count, and typing or joining makes no line longer than
 * {@link CallerConsole#MAX_LINE} characters (a line wider than the window scrolls sideways while the cursor is on it;
 * a longer line of a text being edited is kept whole). Ctrl-S and Ctrl-Q are left alone: many
 * terminals use them for flow control. One instance edits one text, on the session's thread.
 */
final class FullScreenEditor<T> {
    static final int MIN_COLUMNS = 20;
    static final int MIN_ROWS = 6;
    static final int MARGIN = 79;
    static final String KEYS = "^Z save  ^X abort  ^Y delete line  ^T line editor  ^L redraw";
    private static final String CSI = "\u001b[";
    private static final int TAB_STOP = 4;

    private final CallerConsole console;
    private final TextRules<T> rules;
    private final List<StringBuilder> lines = new ArrayList<>();
    private final StringBuilder out = new StringBuilder();
    private int row;
    private int col;                                   // in code points
    private int wantedCol;                             // where up / down try to land
    private int top;                                   // the first line shown
    private int width;
    private int height;
    private int dirtyFrom = Integer.MAX_VALUE;         // lines from here to the bottom of the window are drawn again
    private int dirtyLine = -1;                        // or just this one
    private int shiftedRow = -1;                       // the line drawn scrolled sideways, if any
    private boolean everything = true;
    private boolean bell;
    private String notice = "";
    private boolean noticeShown;

    FullScreenEditor(CallerConsole console, Draft draft, TextRules<T> rules) {
        this.console = console;
        this.rules = rules;
        draft.lines().forEach(line -> lines.add(new StringBuilder(line)));     // kept whole, however long
        if (!draft.quote().isEmpty() && lines.size() < rules.maxLines()) {
            lines.add(new StringBuilder());             // a reply: write below the quote
            row = lines.size() - 1;
        }
        if (lines.isEmpty()) lines.add(new StringBuilder());
    }

    /** True when this terminal can show the editor: cursor positioning, and a window of at least 20 × 6. */
    static boolean fits(CallerConsole console) {
        return console.profile().screenControl() && console.width() >= MIN_COLUMNS && console.height() >= MIN_ROWS;
    }

    Outcome<T> edit() {
        measure();
        paint();
        while (true) {
            var key = console.readKey();
            if (console.width() != width || console.height() != height) {
                if (!fits(console)) return handOver("The window is too small for the full-screen editor.");
                measure();
                everything = true;
            }
            if (noticeShown) {
                notice = "";
                noticeShown = false;
            }
            var done = handle(key);
            if (done.isPresent()) return done.get();
            paint();
        }
    }

    private Optional<Outcome<T>> handle(Key key) {
        switch (key) {
            case Key.Typed typed -> type(typed.codePoint());
            case Key.Named named -> {
                switch (named) {
                    case ENTER -> enter();
                    case TAB -> {
                        int spaces = TAB_STOP - col % TAB_STOP;
                        for (int i = 0; i < spaces; i++) type(' ');
                    }
                    case BACKSPACE -> backspace();
                    case DELETE -> delete();
                    case UP -> vertical(-1);
                    case DOWN -> vertical(1);
                    case LEFT -> left();
                    case RIGHT -> right();
                    case HOME -> moveTo(0);
                    case END -> moveTo(length(row));
                    case PAGE_UP -> vertical(-area());
                    case PAGE_DOWN -> vertical(area());
                    case RESIZED -> everything = true;
                    case NOTICE -> {
                        notice = String.join("  ", console.takeNotices());
                        bell = true;
                    }
                }
            }
            case Key.Control control -> {
                switch (control.letter()) {
                    case 'Z' -> {
                        return save();
                    }
                    case 'X' -> {
                        return abandon();
                    }
                    case 'T' -> {
                        return Optional.of(handOver("Switched to the line editor."));
                    }
                    case 'Y' -> deleteLine();
                    case 'L' -> everything = true;
                    case 'A' -> moveTo(0);
                    case 'E' -> moveTo(length(row));
                    case 'D' -> delete();
                    default -> refuse("Not a key here. " + KEYS);
                }
            }
        }
        return Optional.empty();
    }

    // ---- editing ----

    private void type(int codePoint) {
        var line = lines.get(row);
        int length = length(row);
        if (length < margin() || (col < length && length < CallerConsole.MAX_LINE)) {
            line.insert(index(row, col), Character.toString(codePoint));
            moveTo(col + 1);
            dirtyLine = row;
        } else if (col < length) {
            refuse("The line is full: press Enter to break it.");
        } else if (lines.size() >= rules.maxLines()) {
            refuse("A message has at most " + rules.maxLines() + " lines.");
        } else {
            wrap(codePoint);
        }
    }

    /**
     * Typing past the margin at the end of a line: its last word (or just the new character) starts the next line; a
     * space there just starts the next line.
     */
    private void wrap(int codePoint) {
        var line = lines.get(row);
        if (codePoint == ' ') {
            lines.add(row + 1, new StringBuilder());
            markFrom(row);
            row++;
            moveTo(0);
            return;
        }
        int space = line.lastIndexOf(" ");
        var carried = new StringBuilder();
        if (space > 0 && space < line.length() - 1) {
            carried.append(line, space + 1, line.length());
            line.setLength(space);
        }
        carried.appendCodePoint(codePoint);
        lines.add(row + 1, carried);
        markFrom(row);
        row++;
        moveTo(length(row));
    }

    private void enter() {
        if (lines.size() >= rules.maxLines()) {
            refuse("A message has at most " + rules.maxLines() + " lines.");
            return;
        }
        var line = lines.get(row);
        int at = index(row, col);
        lines.add(row + 1, new StringBuilder(line.substring(at)));
        line.setLength(at);
        markFrom(row);
        row++;
        moveTo(0);
    }

    private void backspace() {
        if (col > 0) {
            var line = lines.get(row);
            line.delete(index(row, col - 1), index(row, col));
            moveTo(col - 1);
            dirtyLine = row;
        } else if (row > 0) {
            if (length(row - 1) + length(row) > CallerConsole.MAX_LINE) {
                refuse("Joined, those lines would be too long.");
                return;
            }
            int joinAt = length(row - 1);
            lines.get(row - 1).append(lines.remove(row));
            markFrom(row - 1);
            row--;
            moveTo(joinAt);
        }
    }

    private void delete() {
        var line = lines.get(row);
        if (col < length(row)) {
            line.delete(index(row, col), index(row, col + 1));
            dirtyLine = row;
        } else if (row + 1 < lines.size()) {
            if (length(row) + length(row + 1) > CallerConsole.MAX_LINE) {
                refuse("Joined, those lines would be too long.");
                return;
            }
            line.append(lines.remove(row + 1));
            markFrom(row);
        }
    }

    private void deleteLine() {
        if (lines.size() == 1) {
            lines.get(0).setLength(0);
        } else {
            lines.remove(row);
            if (row == lines.size()) row--;
        }
        markFrom(row);
        moveTo(Math.min(col, length(row)));
    }

    // ---- moving ----

    private void left() {
        if (col > 0) {
            moveTo(col - 1);
        } else if (row > 0) {
            row--;
            moveTo(length(row));
        }
    }

    private void right() {
        if (col < length(row)) {
            moveTo(col + 1);
        } else if (row + 1 < lines.size()) {
            row++;
            moveTo(0);
        }
    }

    private void vertical(int delta) {
        row = Math.max(0, Math.min(lines.size() - 1, row + delta));
        col = Math.min(wantedCol, length(row));
    }

    private void moveTo(int column) {
        col = column;
        wantedCol = column;
    }

    // ---- ending ----

    private Optional<Outcome<T>> save() {
        var kept = new ArrayList<String>(lines.size());
        lines.forEach(line -> kept.add(line.toString()));
        while (kept.size() > 1 && kept.getLast().isBlank()) kept.removeLast();
        try {
            var value = rules.accept().apply(String.join("\n", kept));
            clearScreen();
            return Optional.of(new Outcome.Saved<>(value));
        } catch (InvalidValue invalid) {
            refuse(rules.explain().apply(invalid) + " Still editing.");
            return Optional.empty();
        }
    }

    private Optional<Outcome<T>> abandon() {
        notice = "Abandon this message? Y abandons it, any other key keeps writing.";
        paint();
        var answer = console.readKey();
        if (answer instanceof Key.Typed typed && (typed.codePoint() == 'y' || typed.codePoint() == 'Y')) {
            clearScreen();
            console.println("Discarded.");
            return Optional.of(new Outcome.Abandoned<>());
        }
        if (answer == Key.Named.RESIZED) measure();
        everything = true;
        notice = answer == Key.Named.NOTICE ? String.join("  ", console.takeNotices()) : "";
        bell = !notice.isEmpty();
        return Optional.empty();
    }

    private Outcome<T> handOver(String why) {
        clearScreen();
        console.println(why);
        var text = new ArrayList<String>(lines.size());
        lines.forEach(line -> text.add(line.toString()));
        if (text.size() == 1 && text.getFirst().isEmpty()) text.clear();       // nothing written yet
        return new Outcome.SwitchedEditor<>(text);
    }

    private void refuse(String why) {
        notice = why;
        bell = true;
    }

    // ---- drawing ----

    private void measure() {
        width = console.width();
        height = console.height();
    }

    private int area() {
        return height - 2;
    }

    private int margin() {
        return Math.min(MARGIN, width - 1);
    }

    private void markFrom(int line) {
        dirtyFrom = Math.min(dirtyFrom, line);
    }

    /** Sends what changed since the last paint: lines, the title's position, the key bar, the cursor. */
    private void paint() {
        if (row < top) {
            top = row;
            markFrom(top);
        } else if (row >= top + area()) {
            top = row - area() + 1;
            markFrom(top);
        }
        out.setLength(0);
        if (everything) {
            out.append(CSI).append("0m").append(CSI).append("2J");
            markFrom(top);
        }
        int shift = shift(row);
        if (shiftedRow >= 0 && (shiftedRow != row || shift == 0)) drawRow(shiftedRow);   // back to its start
        if (dirtyFrom != Integer.MAX_VALUE) {
            for (int i = Math.max(top, dirtyFrom); i < top + area(); i++) drawRow(i);
        } else if (dirtyLine >= 0 || shift > 0) {
            drawRow(dirtyLine >= 0 ? dirtyLine : row);
            if (dirtyLine >= 0 && dirtyLine != row && shift > 0) drawRow(row);
        }
        shiftedRow = shift > 0 ? row : -1;
        bar(1, " Full-screen editor   line %d of %d, column %d".formatted(row + 1, lines.size(), col + 1));
        if (everything || !notice.isEmpty() || noticeShown) bar(height, notice.isEmpty() ? " " + KEYS : " " + notice);
        noticeShown = !notice.isEmpty();
        if (bell) out.append('\u0007');
        goTo(row - top + 2, col - shift + 1);
        console.print(out.toString());
        everything = false;
        bell = false;
        dirtyFrom = Integer.MAX_VALUE;
        dirtyLine = -1;
    }

    private void drawRow(int line) {
        if (line < top || line >= top + area()) return;
        goTo(line - top + 2, 1);
        if (line < lines.size()) {
            var text = lines.get(line).toString();
            int from = shift(line);
            var shown = text.codePoints().skip(from).limit(width - 1L)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
            out.append(shown);
        }
        out.append(CSI).append('K');
    }

    /** How far the cursor's line is scrolled sideways so that the cursor stays in the window; other lines show their start. */
    private int shift(int line) {
        return line == row ? Math.max(0, col - (width - 2)) : 0;
    }

    private void bar(int screenRow, String text) {
        goTo(screenRow, 1);
        var shown = text.length() > width - 1 ? text.substring(0, width - 1) : text;
        out.append(CSI).append("7m").append(shown).append(" ".repeat(width - 1 - shown.length()))
                .append(CSI).append("0m");
    }

    private void goTo(int screenRow, int screenColumn) {
        out.append(CSI).append(screenRow).append(';').append(screenColumn).append('H');
    }

    private void clearScreen() {
        console.print(CSI + "0m" + CSI + "2J" + CSI + "H");
    }

    // ---- code points ----

    private int length(int line) {
        var text = lines.get(line);
        return text.codePointCount(0, text.length());
    }

    private int index(int line, int codePoints) {
        return lines.get(line).offsetByCodePoints(0, codePoints);
    }
}

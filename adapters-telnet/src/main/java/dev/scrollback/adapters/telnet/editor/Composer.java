package dev.scrollback.adapters.telnet.editor;

import dev.scrollback.adapters.telnet.shared.CallerConsole;
import java.util.Optional;

/**
 * Where a caller writes a text (a board message, a private message): the full-screen editor on terminals that can
 * show it, the line editor elsewhere, and the caller may switch between them mid-message without losing a line.
 * Empty when the caller gives up; otherwise the text as {@code rules} made it (the domain has the last word).
 */
public interface Composer {
    <T> Optional<T> compose(CallerConsole console, Draft draft, TextRules<T> rules);

    /** Full-screen where the terminal can position the cursor and the window is big enough; the line editor elsewhere. */
    static Composer fullScreenWherePossible() {
        return new Editors(true);
    }

    /** Starts in the line editor (the caller may still switch to full-screen with {@code /f}). */
    static Composer lineEditorFirst() {
        return new Editors(false);
    }
}

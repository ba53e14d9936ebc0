package dev.scrollback.adapters.telnet.shared;

/**
 * One key press as a full-screen screen sees it (see {@link CallerConsole#readKey()}): a character typed, a control
 * key (Ctrl-A to Ctrl-Z, except those that are Enter, Tab and Backspace), a named key decoded from its escape
 * sequence, {@link Named#RESIZED}: the window changed size while waiting for the next key, or {@link Named#NOTICE}.
 */
public sealed interface Key {
    /** A printable character (a Unicode code point). */
    record Typed(int codePoint) implements Key {}

    /** Ctrl and a letter; {@code letter} is upper-case, e.g. {@code 'Z'} for Ctrl-Z. */
    record Control(char letter) implements Key {}

    enum Named implements Key {
        ENTER, TAB, BACKSPACE, DELETE, UP, DOWN, LEFT, RIGHT, HOME, END, PAGE_UP, PAGE_DOWN, RESIZED,
        /** Notices are waiting ({@link CallerConsole#takeNotices()}): a page or new mail broke in. */
        NOTICE
    }
}

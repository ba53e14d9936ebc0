package dev.scrollback.adapters.telnet.editor;

import java.util.List;

/**
 * What an editor starts with: {@code lines} already in the text (the quote of a reply, which the caller may keep or
 * drop, or the text being edited), and {@code quote}, the message being answered, to show again on request.
 */
public record Draft(List<String> lines, List<String> quote) {
    public Draft {
        lines = List.copyOf(lines);
        quote = List.copyOf(quote);
    }

    public static Draft empty() {
        return new Draft(List.of(), List.of());
    }

    /** A reply to a message, given as its quoted text ("> " before each line): in the text and to show again. */
    public static Draft quoting(String quotedText) {
        var quoted = List.of(quotedText.split("\n"));
        return new Draft(quoted, quoted);
    }

    /** An edit of {@code text}, starting from it. */
    public static Draft editing(String text) {
        return new Draft(List.of(text.split("\n", -1)), List.of());
    }
}

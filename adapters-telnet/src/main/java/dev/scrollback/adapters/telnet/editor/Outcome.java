package dev.scrollback.adapters.telnet.editor;

import java.util.List;

/** How one editor's turn ended: saved, abandoned, or handed over to the other editor with the text so far. */
sealed interface Outcome<T> {
    record Saved<T>(T value) implements Outcome<T> {}

    record Abandoned<T>() implements Outcome<T> {}

    record SwitchedEditor<T>(List<String> lines) implements Outcome<T> {}
}

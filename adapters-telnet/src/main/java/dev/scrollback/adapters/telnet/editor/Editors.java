package dev.scrollback.adapters.telnet.editor;

import dev.scrollback.application.shared.Activity;
import dev.scrollback.adapters.telnet.shared.CallerConsole;
import java.util.List;
import java.util.Optional;

/** The two editors behind {@link Composer}: starts in one, and hands the text over when the caller switches. */
final class Editors implements Composer {
    private final boolean fullScreenFirst;

    Editors(boolean fullScreenFirst) {
        this.fullScreenFirst = fullScreenFirst;
    }

    @Override
    public <T> Optional<T> compose(CallerConsole console, Draft draft, TextRules<T> rules) {
        console.doing(Activity.WRITING);
        boolean fullScreen = fullScreenFirst && FullScreenEditor.fits(console);
        List<String> lines = draft.lines();
        while (true) {
            var turn = new Draft(lines, draft.quote());
            Outcome<T> outcome = fullScreen ? new FullScreenEditor<>(console, turn, rules).edit()
                    : LineEditor.edit(console, turn, rules);
            switch (outcome) {
                case Outcome.Saved<T> saved -> {
                    return Optional.of(saved.value());
                }
                case Outcome.Abandoned<T> abandoned -> {
                    return Optional.empty();
                }
                case Outcome.SwitchedEditor<T> switched -> {
                    lines = switched.lines();
                    fullScreen = !fullScreen;
                }
            }
        }
    }
}

package dev.scrollback.adapters.telnet.editor;

import dev.scrollback.adapters.telnet.shared.CallerConsole;
import dev.scrollback.adapters.telnet.shared.Echo;
import dev.scrollback.domain.shared.InvalidValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The classic BBS line editor, which every terminal can use: the caller types lines, and commands on a line of their
 * own. Bounded by the rules' line count, each line at most {@link CallerConsole#MAX_LINE} characters; the domain has
 * the last word on the text at {@code /s}, and a refusal leaves the caller editing.
 */
final class LineEditor {
    static final String HELP = "/s save  /a abort  /l list  /d N delete line N (or N-M)  /q show the quote  /h help";
    static final String FULL_SCREEN = "  /f full-screen editor";
    private static final Pattern DELETE = Pattern.compile("/d\\s*(\\d{1,4})(?:\\s*-\\s*(\\d{1,4}))?");

    private LineEditor() {}

    static <T> Outcome<T> edit(CallerConsole console, Draft draft, TextRules<T> rules) {
        var lines = new ArrayList<>(draft.lines());
        console.println("Type your message a line at a time; a line starting with / is a command ('//' types a '/').");
        console.println(help(console));
        if (!lines.isEmpty()) list(console, lines);
        while (true) {
            var typed = console.prompt("%3d".formatted(lines.size() + 1), Echo.VISIBLE);
            var command = typed.strip().toLowerCase(Locale.ROOT);
            if (typed.startsWith("//")) {
                add(console, lines, typed.substring(1), rules);
            } else if (!typed.startsWith("/")) {
                add(console, lines, typed, rules);
            } else if (command.equals("/s")) {
                try {
                    return new Outcome.Saved<>(rules.accept().apply(String.join("\n", lines)));
                } catch (InvalidValue invalid) {
                    console.println(rules.explain().apply(invalid) + " Still editing: change it, or /a to abort.");
                }
            } else if (command.equals("/a")) {
                console.println("Discarded.");
                return new Outcome.Abandoned<>();
            } else if (command.equals("/l")) {
                list(console, lines);
            } else if (command.equals("/q")) {
                if (draft.quote().isEmpty()) console.println("There is no quote here.");
                else console.page(draft.quote());
            } else if (command.equals("/h")) {
                console.println(help(console));
            } else if (command.equals("/f") && FullScreenEditor.fits(console)) {
                return new Outcome.SwitchedEditor<>(lines);
            } else if (command.startsWith("/d")) {
                delete(console, lines, command);
            } else {
                console.println("Unknown command. " + help(console));
            }
        }
    }

    private static String help(CallerConsole console) {
        return FullScreenEditor.fits(console) ? HELP + FULL_SCREEN : HELP;
    }

    private static void add(CallerConsole console, List<String> lines, String line, TextRules<?> rules) {
        if (lines.size() >= rules.maxLines()) {
            console.println("A message has at most " + rules.maxLines() + " lines: /s to save, /d to make room.");
            return;
        }
        lines.add(line);
    }

    private static void list(CallerConsole console, List<String> lines) {
        if (lines.isEmpty()) {
            console.println("Nothing written yet.");
            return;
        }
        var numbered = new ArrayList<String>(lines.size());
        for (int i = 0; i < lines.size(); i++) numbered.add("%3d: %s".formatted(i + 1, lines.get(i)));
        console.page(numbered);
    }

    private static void delete(CallerConsole console, List<String> lines, String command) {
        var matched = DELETE.matcher(command);
        if (lines.isEmpty()) {
            console.println("Nothing written yet.");
            return;
        }
        if (!matched.matches()) {
            console.println("Say /d and a line number from 1 to " + lines.size() + ", or a range like /d 2-4.");
            return;
        }
        int from = Integer.parseInt(matched.group(1));
        int to = matched.group(2) == null ? from : Integer.parseInt(matched.group(2));
        if (from < 1 || to < from || to > lines.size()) {
            console.println("There are lines 1 to " + lines.size() + " only.");
            return;
        }
        lines.subList(from - 1, to).clear();
        console.println(from == to ? "Line " + from + " deleted." : "Lines " + from + " to " + to + " deleted.");
    }
}

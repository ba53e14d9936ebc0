package dev.scrollback.adapters.telnet.boards;

import dev.scrollback.adapters.telnet.shared.CallerConsole;
import dev.scrollback.adapters.telnet.shared.Echo;
import dev.scrollback.domain.boards.MessageBody;
import dev.scrollback.domain.shared.InvalidValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The classic BBS line editor: the caller types lines, and commands on a line of their own. Bounded like the body it
 * makes (at most {@link MessageBody#MAX_LINES} lines, each at most the console's {@link CallerConsole#MAX_LINE}
 * characters); the domain has the last word on the text at {@code /s}, and a refusal leaves the caller editing.
 */
public final class LineEditor implements Composer {
    static final String HELP = "/s save  /a abort  /l list  /d N delete line N (or N-M)  /q show the quote  /h help";
    private static final Pattern DELETE = Pattern.compile("/d\\s*(\\d{1,4})(?:\\s*-\\s*(\\d{1,4}))?");

    @Override
    public Optional<MessageBody> compose(CallerConsole console, Draft draft) {
        var lines = new ArrayList<>(draft.lines());
        console.println("Type your message a line at a time; a line starting with / is a command ('//' types a '/').");
        console.println(HELP);
        if (!lines.isEmpty()) list(console, lines);
        while (true) {
            var typed = console.prompt("%3d".formatted(lines.size() + 1), Echo.VISIBLE);
            var command = typed.strip().toLowerCase(Locale.ROOT);
            if (typed.startsWith("//")) {
                add(console, lines, typed.substring(1));
            } else if (!typed.startsWith("/")) {
                add(console, lines, typed);
            } else if (command.equals("/s")) {
                var body = save(console, lines);
                if (body.isPresent()) return body;
            } else if (command.equals("/a")) {
                console.println("Discarded.");
                return Optional.empty();
            } else if (command.equals("/l")) {
                list(console, lines);
            } else if (command.equals("/q")) {
                if (draft.quote().isEmpty()) console.println("There is no quote here.");
                else console.page(draft.quote());
            } else if (command.equals("/h")) {
                console.println(HELP);
            } else if (command.startsWith("/d")) {
                delete(console, lines, command);
            } else {
                console.println("Unknown command. " + HELP);
            }
        }
    }

    private static void add(CallerConsole console, List<String> lines, String line) {
        if (lines.size() >= MessageBody.MAX_LINES) {
            console.println("A message has at most " + MessageBody.MAX_LINES + " lines: /s to save, /d to make room.");
            return;
        }
        lines.add(line);
    }

    private static Optional<MessageBody> save(CallerConsole console, List<String> lines) {
        try {
            return Optional.of(new MessageBody(String.join("\n", lines)));
        } catch (InvalidValue invalid) {
            console.println(BoardRefusals.explain(invalid) + " Still editing: change it, or /a to abort.");
            return Optional.empty();
        }
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

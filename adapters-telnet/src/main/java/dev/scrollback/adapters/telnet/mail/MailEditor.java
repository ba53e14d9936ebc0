package dev.scrollback.adapters.telnet.mail;

import dev.scrollback.adapters.telnet.shared.CallerConsole;
import dev.scrollback.adapters.telnet.shared.Echo;
import dev.scrollback.domain.mail.MailBody;
import dev.scrollback.domain.shared.InvalidValue;
import java.util.ArrayList;
import java.util.Optional;

/**
 * A simple line editor for a private message: the caller types lines; a line with only {@code .} ends the message,
 * {@code /abort} throws it away. Bounded like the body it makes: at most {@link #MAX_LINES} lines, each at most the
 * console's {@link CallerConsole#MAX_LINE} characters, at most {@link MailBody#MAX_CHARACTERS} in all. The domain has
 * the last word on the text; a refusal is explained and nothing is sent.
 */
final class MailEditor {
    static final int MAX_LINES = 200;
    static final String END = ".";
    static final String ABORT = "/abort";

    private MailEditor() {}

    /** The body typed, or empty when the caller aborted or wrote nothing sendable. */
    static Optional<MailBody> compose(CallerConsole console) {
        console.println("Type your message. A line with only '" + END + "' sends it, '" + ABORT + "' cancels"
                + " (at most " + MAX_LINES + " lines).");
        var lines = new ArrayList<String>();
        int characters = 0;
        while (true) {
            var line = console.prompt("%3d".formatted(lines.size() + 1), Echo.VISIBLE);
            if (line.strip().equals(END)) break;
            if (line.strip().equalsIgnoreCase(ABORT)) {
                console.println("Message discarded.");
                return Optional.empty();
            }
            if (characters + line.length() + 1 > MailBody.MAX_CHARACTERS) {
                console.println("That would make the message longer than " + MailBody.MAX_CHARACTERS
                        + " characters; end it with '" + END + "' or cancel with '" + ABORT + "'.");
                continue;
            }
            lines.add(line);
            characters += line.length() + 1;
            if (lines.size() >= MAX_LINES) {
                console.println("That is the most lines a message may have here.");
                break;
            }
        }
        try {
            return Optional.of(new MailBody(String.join("\n", lines)));
        } catch (InvalidValue invalid) {
            console.println(MailRefusals.explain(invalid) + " Nothing was sent.");
            return Optional.empty();
        }
    }
}

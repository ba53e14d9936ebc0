package dev.scrollback.adapters.telnet.boards;

import dev.scrollback.adapters.telnet.shared.CallerConsole;
import dev.scrollback.domain.boards.MessageBody;
import java.util.List;
import java.util.Optional;

/**
 * Where a caller writes a message: the line editor today, a full-screen editor later, behind this one call.
 * Empty when the caller gives up; otherwise a body the domain accepted.
 */
public interface Composer {
    Optional<MessageBody> compose(CallerConsole console, Draft draft);

    /**
     * What the editor starts with: {@code lines} already in the text (the quote of a reply, which the caller may keep
     * or drop, or the body being edited), and {@code quote}, the message being answered, to show again on request.
     */
    record Draft(List<String> lines, List<String> quote) {
        public Draft {
            lines = List.copyOf(lines);
            quote = List.copyOf(quote);
        }

        public static Draft empty() {
            return new Draft(List.of(), List.of());
        }

        /** A reply quoting {@code body}: each line prefixed with "> ", in the text and to show again. */
        public static Draft replyTo(MessageBody body) {
            var quoted = List.of(body.quoted().split("\n"));
            return new Draft(quoted, quoted);
        }

        /** An edit of {@code body}, starting from its text. */
        public static Draft editing(MessageBody body) {
            return new Draft(List.of(body.value().split("\n", -1)), List.of());
        }
    }
}

package dev.scrollback.adapters.telnet.boards;

import dev.scrollback.application.accounts.AccessDenied;
import dev.scrollback.application.shared.RateLimited;
import dev.scrollback.domain.boards.BoardRejected;
import dev.scrollback.domain.boards.BoardRejected.BoardExists;
import dev.scrollback.domain.boards.BoardRejected.EditWindowClosed;
import dev.scrollback.domain.boards.BoardRejected.MessageWasDeleted;
import dev.scrollback.domain.boards.BoardRejected.NoSuchBoard;
import dev.scrollback.domain.boards.BoardRejected.NoSuchMessage;
import dev.scrollback.domain.boards.BoardRejected.NoSuchThread;
import dev.scrollback.domain.boards.BoardRejected.NotAllowed;
import dev.scrollback.domain.boards.BoardRejected.NotTheAuthor;
import dev.scrollback.domain.boards.BoardRejected.ThreadExists;
import dev.scrollback.domain.boards.BoardRejected.ThreadIsLocked;
import dev.scrollback.domain.boards.ThreadDecider;
import dev.scrollback.domain.shared.InvalidValue;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import dev.scrollback.adapters.telnet.editor.TextRules;
import dev.scrollback.adapters.telnet.shared.CallerConsole;
import dev.scrollback.domain.boards.MessageBody;

/** One clear line for every way a boards action can be refused. Exhaustive: a new reason will not compile here. */
final class BoardRefusals {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private BoardRefusals() {}

    static String explain(BoardRejected.Reason reason) {
        return switch (reason) {
            case NoSuchBoard none -> "There is no such board.";
            case BoardExists exists -> "A board with that name exists already.";
            case NoSuchThread none -> "There is no such thread.";
            case ThreadExists exists -> "That thread exists already.";
            case NoSuchMessage none -> "There is no such message.";
            case ThreadIsLocked locked -> "This thread is locked: it takes no more replies or edits.";
            case BoardRejected.FilteredOut filtered -> "Not posted: the content filter " + filtered.plugin() + " refused it ("
                    + filtered.why() + ").";
            case NotTheAuthor notYours -> "Only its author may edit a message.";
            case EditWindowClosed closed -> "A message may be edited for " + ThreadDecider.EDIT_WINDOW.toMinutes()
                    + " minutes after posting; this one could be until " + TIME.format(closed.closedAt()) + ".";
            case MessageWasDeleted deleted -> "That message was removed by a moderator.";
            case NotAllowed notAllowed -> "You may not " + notAllowed.what() + ".";
        };
    }

    static String explain(RateLimited limited) {
        long s = limited.retryAfterSeconds();
        return "You are posting too fast: try again in " + s + " second" + (s == 1 ? "" : "s") + ".";
    }

    static String explain(AccessDenied denied) {
        return "Only moderators and sysops may do that.";
    }

    /** "Subject is empty.": the value object's own words, with the field it is about. */
    /** A message body as the editors make it: the domain's {@link MessageBody}, its refusals said in one line. */
    static final TextRules<MessageBody> BODY = new TextRules<>(MessageBody::new, BoardRefusals::explain, MessageBody.MAX_LINES);

    static String explain(InvalidValue invalid) {
        var field = invalid.field();
        var name = field.isEmpty() ? "That" : field.substring(0, 1).toUpperCase(Locale.ROOT) + field.substring(1);
        return name + " " + invalid.getMessage() + ".";
    }

    /**
     * Runs {@code action}; a refusal (board rules, a rate limit, a role, a bad value) is told in one line and gives
     * empty. Anything else is a fault and goes up to the session, which apologises.
     */
    static <T> Optional<T> tried(CallerConsole console, Supplier<T> action) {
        try {
            return Optional.of(action.get());
        } catch (BoardRejected refused) {
            console.println(explain(refused.reason()));
        } catch (RateLimited limited) {
            console.println(explain(limited));
        } catch (AccessDenied denied) {
            console.println(explain(denied));
        } catch (InvalidValue invalid) {
            console.println(explain(invalid));
        }
        return Optional.empty();
    }

    /** {@link #tried(CallerConsole, Supplier)} for an action without a result: whether it went through. */
    static boolean done(CallerConsole console, Runnable action) {
        return tried(console, () -> {
            action.run();
            return Boolean.TRUE;
        }).isPresent();
    }
}

package dev.scrollback.adapters.telnet.boards;

import dev.scrollback.adapters.telnet.editor.Composer;
import dev.scrollback.adapters.telnet.editor.Draft;
import dev.scrollback.adapters.telnet.shared.CallerConsole;
import dev.scrollback.adapters.telnet.shared.Columns;
import dev.scrollback.adapters.telnet.shared.Echo;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.boards.EditMessage;
import dev.scrollback.application.boards.ModerateThread;
import dev.scrollback.application.boards.PostMessage;
import dev.scrollback.application.boards.ReadThread;
import dev.scrollback.application.boards.ReadThread.MessageView;
import dev.scrollback.application.boards.ReadThread.ThreadView;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.boards.MessageId;
import dev.scrollback.domain.boards.ThreadDecider;
import dev.scrollback.domain.boards.ThreadId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One message at a time: a header, the body wrapped to the window and paged, and the keys for what can be done with it.
 * Replying, editing and moderating happen here; moving on (next, previous, quit, and whatever the walk adds, like
 * new-scan's skip) is the caller's business, so a thread and new-scan share the one reader.
 */
final class MessageReader {
    /** A key the walk adds to the reader's, with its label, e.g. {@code [S] Skip board}. */
    record Extra(char key, String label) {}

    private final ReadThread readThread;
    private final PostMessage postMessage;
    private final EditMessage editMessage;
    private final ModerateThread moderateThread;
    private final Composer composer;
    private final Clock clock;

    MessageReader(ReadThread readThread, PostMessage postMessage, EditMessage editMessage, ModerateThread moderateThread,
                  Composer composer, Clock clock) {
        this.readThread = readThread;
        this.postMessage = postMessage;
        this.editMessage = editMessage;
        this.moderateThread = moderateThread;
        this.composer = composer;
        this.clock = clock;
    }

    /** The thread as the caller may see it now, or empty (the refusal told). */
    Optional<ThreadView> thread(CallerConsole console, Caller caller, ThreadId thread) {
        return BoardRefusals.tried(console, () -> readThread.read(caller, thread));
    }

    /**
     * Shows {@code message} of {@code thread} ({@code position} like "2/5") and handles reply, edit, delete and lock
     * until the caller moves on. Returns the key that moves on: N, P, Q or an extra's. A message that cannot be read
     * (any more) is told and answers N.
     */
    char show(CallerConsole console, Caller caller, Origin origin, ThreadId thread, MessageId message, String position,
              List<Extra> extras) {
        boolean render = true;
        while (true) {
            var read = thread(console, caller, thread);
            if (read.isEmpty()) return 'N';
            var view = read.get();
            var found = view.messages().stream().filter(m -> m.message().equals(message)).findFirst();
            if (found.isEmpty()) {
                console.println("That message is not there any more.");
                return 'N';
            }
            var shown = found.get();
            if (render) console.page(render(view, shown, position, console.width()));
            render = false;
            var keys = new StringBuilder("NP");
            var menu = new ArrayList<>(List.of("[N] Next", "[P] Previous"));
            if (view.mayReply()) add(keys, menu, 'R', "[R] Reply");
            if (editable(caller, view, shown)) add(keys, menu, 'E', "[E] Edit");
            if (view.mayModerate() && shown.body().isPresent()) add(keys, menu, 'D', "[D] Delete");
            if (view.mayModerate() && !view.locked()) add(keys, menu, 'L', "[L] Lock");
            for (var extra : extras) add(keys, menu, extra.key(), extra.label());
            add(keys, menu, 'Q', "[Q] Quit");
            Columns.wrap(String.join("  ", menu), Columns.usable(console.width())).forEach(console::println);
            char key = console.choose("Reader", keys.toString());
            switch (key) {
                case 'R' -> reply(console, caller, origin, view, shown);
                case 'E' -> render = edit(console, caller, origin, view, shown);
                case 'D' -> render = delete(console, caller, origin, view, shown);
                case 'L' -> render = lock(console, caller, origin, view);
                default -> {
                    return key;
                }
            }
        }
    }

    private static void add(StringBuilder keys, List<String> menu, char key, String label) {
        keys.append(key);
        menu.add(label);
    }

    /** The author's own live message, inside the edit window, in an open thread. */
    private boolean editable(Caller caller, ThreadView view, MessageView message) {
        return !message.plugin() && caller.handle().equals(new Handle(message.author())) && message.body().isPresent() && !view.locked()
                && clock.instant().isBefore(message.postedAt().plus(ThreadDecider.EDIT_WINDOW));
    }

    static List<String> render(ThreadView view, MessageView message, String position, int columns) {
        int width = Columns.usable(columns);
        var lines = new ArrayList<String>();
        lines.add("");
        lines.add(Columns.cut(view.board().conference().value() + " / " + view.board().name().value(), width));
        lines.add(Columns.cut("Subject: " + message.subject().value() + (view.locked() ? "  (locked)" : ""), width));
        lines.add(Columns.cut("From: " + shown(message) + "  Date: " + BoardRefusals.TIME.format(message.postedAt())
                + "  Msg " + position, width));
        message.editedAt().ifPresent(at -> lines.add(Columns.cut("Edited: " + BoardRefusals.TIME.format(at), width)));
        var rule = "-".repeat(Math.min(width, 79));
        lines.add(rule);
        if (message.body().isPresent()) {
            lines.addAll(Columns.wrap(message.body().get().value(), width));
        } else {
            lines.addAll(Columns.wrap("[Removed by a moderator: " + message.deletedBecause().orElse("no reason given") + "]", width));
        }
        lines.add(rule);
        return lines;
    }

    /** The author as a caller sees it: a handle, or a plugin's name in brackets ({@code [auto-responder]}). */
    static String shown(MessageView message) {
        return message.plugin() ? "[" + message.author() + "]" : message.author();
    }

    private void reply(CallerConsole console, Caller caller, Origin origin, ThreadView view, MessageView to) {
        console.println();
        console.println(Columns.cut("Reply to " + shown(to) + ": " + view.subject().reply().value(),
                Columns.usable(console.width())));
        var draft = to.body().map(body -> Draft.quoting(body.quoted())).orElse(Draft.empty());
        var body = composer.compose(console, draft, BoardRefusals.BODY);
        if (body.isEmpty()) {
            console.println("Nothing posted.");
            return;
        }
        if (BoardRefusals.done(console, () -> postMessage.reply(caller, view.thread(), Optional.of(to.message()),
                Optional.empty(), body.get(), origin))) {
            console.println("Your reply is posted.");
        }
    }

    private boolean edit(CallerConsole console, Caller caller, Origin origin, ThreadView view, MessageView message) {
        console.println();
        var body = composer.compose(console, Draft.editing(message.body().orElseThrow().value()),
                BoardRefusals.BODY);
        if (body.isEmpty()) {
            console.println("Nothing changed.");
            return false;
        }
        if (!BoardRefusals.done(console, () -> editMessage.edit(caller, view.thread(), message.message(), body.get(), origin))) {
            return false;
        }
        console.println("Your message is changed.");
        return true;
    }

    private boolean delete(CallerConsole console, Caller caller, Origin origin, ThreadView view, MessageView message) {
        var reason = console.prompt("Reason for removing it (empty: keep it)", Echo.VISIBLE);
        if (reason.isBlank()) {
            console.println("Nothing removed.");
            return false;
        }
        if (!BoardRefusals.done(console, () -> moderateThread.delete(caller, view.thread(), message.message(), reason, origin))) {
            return false;
        }
        console.println("The message is removed.");
        return true;
    }

    /** Whether the thread is locked now (so the header changes). */
    private boolean lock(CallerConsole console, Caller caller, Origin origin, ThreadView view) {
        var reason = console.prompt("Reason for locking the thread (empty: leave it open)", Echo.VISIBLE);
        if (reason.isBlank()) {
            console.println("The thread stays open.");
            return false;
        }
        var locked = BoardRefusals.tried(console, () -> moderateThread.lock(caller, view.thread(), reason, origin));
        locked.ifPresent(fresh -> console.println(fresh ? "The thread is locked." : "The thread was locked already."));
        return locked.isPresent();
    }
}

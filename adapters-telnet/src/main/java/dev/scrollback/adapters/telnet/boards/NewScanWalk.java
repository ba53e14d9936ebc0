package dev.scrollback.adapters.telnet.boards;

import dev.scrollback.adapters.telnet.boards.MessageReader.Extra;
import dev.scrollback.adapters.telnet.shared.CallerConsole;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.boards.NewScan;
import dev.scrollback.application.boards.NewScan.NewMessage;
import dev.scrollback.application.shared.Origin;
import java.util.List;

/**
 * One new-scan: the new messages in batches, each shown by the reader. A board is marked read up to the last message
 * shown as the caller moves on from it, so stopping anywhere (Q, or hanging up) resumes there next time; S marks the
 * whole board read and goes on with the next.
 */
final class NewScanWalk {
    static final int BATCH = 50;
    private static final List<Extra> SKIP = List.of(new Extra('S', "[S] Skip board"));

    private final NewScan newScan;
    private final MessageReader reader;
    private final Caller caller;
    private final Origin origin;

    NewScanWalk(NewScan newScan, MessageReader reader, Caller caller, Origin origin) {
        this.newScan = newScan;
        this.reader = reader;
        this.caller = caller;
        this.origin = origin;
    }

    void run(CallerConsole console) {
        var scan = newScan.scan(caller, BATCH);
        if (scan.messages().isEmpty()) {
            console.println();
            console.println("Nothing new since you last read.");
            return;
        }
        int shown = 0;
        int at = 0;
        while (true) {
            if (at >= scan.messages().size()) {
                // Everything in this batch is marked read now, so the next scan starts after it.
                scan = scan.more() ? newScan.scan(caller, BATCH) : new NewScan.Scan(List.of(), false);
                at = 0;
                if (scan.messages().isEmpty()) {
                    console.println();
                    console.println("That is everything new (" + shown + " read).");
                    return;
                }
            }
            var item = scan.messages().get(at);
            var position = (at + 1) + "/" + scan.messages().size() + (scan.more() ? "+" : "");
            var key = reader.show(console, caller, origin, item.entry().thread(), item.entry().message(), position, SKIP);
            switch (key) {
                case 'N' -> {
                    markRead(console, item);
                    shown++;
                    at++;
                }
                case 'P' -> {
                    if (at == 0) console.println("This is the first new message here.");
                    else at--;
                }
                case 'S' -> {
                    BoardRefusals.done(console, () -> newScan.markRead(caller, item.board().board(), Long.MAX_VALUE, origin));
                    console.println("Marked " + item.board().name().value() + " read.");
                    while (at < scan.messages().size() && scan.messages().get(at).board().board().equals(item.board().board())) at++;
                }
                default -> {
                    markRead(console, item);
                    console.println("New-scan stopped; it resumes here next time.");
                    return;
                }
            }
        }
    }

    private void markRead(CallerConsole console, NewMessage item) {
        BoardRefusals.done(console, () -> newScan.markRead(caller, item.board().board(), item.entry().number(), origin));
    }
}

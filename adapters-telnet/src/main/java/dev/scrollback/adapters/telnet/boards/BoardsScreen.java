package dev.scrollback.adapters.telnet.boards;

import dev.scrollback.application.shared.Activity;
import dev.scrollback.adapters.telnet.editor.Composer;
import dev.scrollback.adapters.telnet.editor.Draft;
import dev.scrollback.adapters.telnet.shared.CallerConsole;
import dev.scrollback.adapters.telnet.shared.Columns;
import dev.scrollback.adapters.telnet.shared.Echo;
import dev.scrollback.adapters.telnet.shared.Theme;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.boards.EditMessage;
import dev.scrollback.application.boards.ListBoards;
import dev.scrollback.application.boards.SearchMessages;
import dev.scrollback.application.boards.SearchText;
import dev.scrollback.application.boards.ListBoards.BoardSummary;
import dev.scrollback.application.boards.ListThreads;
import dev.scrollback.application.boards.ModerateThread;
import dev.scrollback.application.boards.NewScan;
import dev.scrollback.application.boards.PostMessage;
import dev.scrollback.application.boards.ReadThread;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.boards.Subject;
import dev.scrollback.domain.boards.ThreadId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The message boards on a terminal: boards by conference with what is new, a board's threads, the reader, posting,
 * and new-scan. Everything is asked of the boards in-ports, which the web asks too; this only lays it out.
 */
public final class BoardsScreen {
    private final ListBoards listBoards;
    private final ListThreads listThreads;
    private final PostMessage postMessage;
    private final NewScan newScan;
    private final Composer composer;
    private final MessageReader reader;
    private final Optional<SearchMessages> search;

    public BoardsScreen(ListBoards listBoards, ListThreads listThreads, ReadThread readThread, PostMessage postMessage,
                        EditMessage editMessage, ModerateThread moderateThread, NewScan newScan, Clock clock) {
        this(listBoards, listThreads, readThread, postMessage, editMessage, moderateThread, newScan, Composer.fullScreenWherePossible(), clock);
    }

    /** With another way of composing (tests start in the line editor). */
    public BoardsScreen(ListBoards listBoards, ListThreads listThreads, ReadThread readThread, PostMessage postMessage,
                        EditMessage editMessage, ModerateThread moderateThread, NewScan newScan, Composer composer,
                        Clock clock) {
        this.listBoards = listBoards;
        this.listThreads = listThreads;
        this.postMessage = postMessage;
        this.newScan = newScan;
        this.composer = composer;
        this.reader = new MessageReader(readThread, postMessage, editMessage, moderateThread, composer, clock);
        this.search = Optional.empty();
    }

    private BoardsScreen(BoardsScreen base, SearchMessages search) {
        this.listBoards = base.listBoards;
        this.listThreads = base.listThreads;
        this.postMessage = base.postMessage;
        this.newScan = base.newScan;
        this.composer = base.composer;
        this.reader = base.reader;
        this.search = Optional.of(search);
    }

    /** The same screens, whose board list offers [F] Find: full-text search over the boards. */
    public BoardsScreen withSearch(SearchMessages search) {
        return new BoardsScreen(this, search);
    }

    /** The boards as one logged-in caller sees them. */
    public Visit forCaller(Caller caller, Origin origin) {
        return new Visit(caller, origin);
    }

    public final class Visit {
        private final Caller caller;
        private final Origin origin;

        private Visit(Caller caller, Origin origin) {
            this.caller = caller;
            this.origin = origin;
        }

        /** The board list; returns to the main menu on Q. */
        public void boards(CallerConsole console) {
            while (true) {
                console.doing(Activity.BOARDS);
                var boards = listBoards.list(caller);
                if (boards.isEmpty()) {
                    console.println();
                    console.println("There are no boards yet.");
                    return;
                }
                console.page(boardLines(boards, console.theme(), console.width()));
                var choice = console.prompt(search.isPresent() ? "Board number, [N] New-scan, [F] Find, [Q] Back"
                        : "Board number, [N] New-scan, [Q] Back", Echo.VISIBLE).strip().toUpperCase(Locale.ROOT);
                switch (choice) {
                    case "", "Q" -> {
                        return;
                    }
                    case "N" -> newScan(console);
                    case "F" -> search.ifPresentOrElse(s -> find(console, s), () -> console.println("Type a board number, N or Q."));
                    default -> number(choice, boards.size()).ifPresentOrElse(n -> threads(console, boards.get(n - 1)),
                            () -> console.println("Type a board number from 1 to " + boards.size() + ", N or Q."));
                }
            }
        }

        /** [F] Find: words to search for, then the hits, numbered; a number reads that message in its thread. */
        private void find(CallerConsole console, SearchMessages messages) {
            var typed = console.prompt("Find (words, \"a phrase\", -not, prefix*; empty: back)", Echo.VISIBLE);
            if (typed.isBlank()) return;
            var text = BoardRefusals.tried(console, () -> new SearchText(typed));
            if (text.isEmpty()) return;
            var found = BoardRefusals.tried(console, () -> messages.search(caller, text.get(), FIND_LIMIT));
            if (found.isEmpty()) return;
            var hits = found.get();
            if (hits.isEmpty()) {
                console.println("Nothing found.");
                return;
            }
            while (true) {
                console.page(hitLines(hits, console.width()));
                var choice = console.prompt("Result number, [Q] Back", Echo.VISIBLE).strip().toUpperCase(Locale.ROOT);
                if (choice.isEmpty() || choice.equals("Q")) return;
                var n = number(choice, hits.size());
                if (n.isEmpty()) {
                    console.println("Type a result number from 1 to " + hits.size() + " or Q.");
                    continue;
                }
                var hit = hits.get(n.get() - 1).hit();
                reader.show(console, caller, origin, hit.thread(), hit.message(), "found " + n.get() + "/" + hits.size(), List.of());
            }
        }

        /** New-scan: every new message across the boards, oldest first, board by board. */
        public void newScan(CallerConsole console) {
            console.doing(Activity.NEW_SCAN);
            new NewScanWalk(newScan, reader, caller, origin).run(console);
        }

        private void threads(CallerConsole console, BoardSummary summary) {
            console.doing(Activity.readingBoard(summary.board().conference().value() + " / " + summary.board().name().value()));
            int offset = 0;
            while (true) {
                int perPage = Math.max(3, console.height() - 6);
                int from = offset;
                var read = BoardRefusals.tried(console, () -> listThreads.list(caller, summary.board().board(), from, perPage));
                if (read.isEmpty()) return;
                var page = read.get();
                if (offset > 0 && page.threads().isEmpty()) {                 // threads went away under us: start over
                    offset = 0;
                    continue;
                }
                threadLines(page, offset, console.width()).forEach(console::println);
                boolean later = offset + page.threads().size() < page.total();
                var menu = new StringBuilder(page.threads().isEmpty() ? "" : "Thread number, ");
                if (summary.mayPost()) menu.append("[P] Post, ");
                if (later) menu.append("[N] Next page, ");
                if (offset > 0) menu.append("[B] Back a page, ");
                menu.append("[Q] Back");
                var choice = console.prompt(menu.toString(), Echo.VISIBLE).strip().toUpperCase(Locale.ROOT);
                switch (choice) {
                    case "", "Q" -> {
                        return;
                    }
                    case "P" -> {
                        if (summary.mayPost()) startThread(console, summary);
                        else console.println("You may not post on this board.");
                    }
                    case "N" -> {
                        if (later) offset += page.threads().size();
                        else console.println("This is the last page.");
                    }
                    case "B" -> offset = Math.max(0, offset - perPage);
                    default -> {
                        var n = number(choice, from + page.threads().size()).filter(k -> k > from);
                        if (n.isPresent()) read(console, page.threads().get(n.get() - offset - 1).thread());
                        else console.println("Type a thread number shown, or one of the letters.");
                    }
                }
            }
        }

        /** Reads a thread from its first message; N past the last one goes back to the list. */
        private void read(CallerConsole console, ThreadId thread) {
            int at = 0;
            while (true) {
                var view = reader.thread(console, caller, thread);
                if (view.isEmpty()) return;
                var messages = view.get().messages();
                at = Math.min(at, messages.size() - 1);
                var key = reader.show(console, caller, origin, thread, messages.get(at).message(),
                        (at + 1) + "/" + messages.size(), List.of());
                switch (key) {
                    case 'N' -> {
                        if (at + 1 >= messages.size()) {
                            console.println("End of the thread.");
                            return;
                        }
                        at++;
                    }
                    case 'P' -> {
                        if (at == 0) console.println("This is the first message.");
                        else at--;
                    }
                    default -> {
                        return;
                    }
                }
            }
        }

        private void startThread(CallerConsole console, BoardSummary summary) {
            console.println();
            console.println("New thread on " + summary.board().name().value());
            var text = console.prompt("Subject (empty: cancel)", Echo.VISIBLE);
            if (text.isBlank()) return;
            var subject = BoardRefusals.tried(console, () -> new Subject(text));
            if (subject.isEmpty()) return;
            var body = composer.compose(console, Draft.empty(), BoardRefusals.BODY);
            if (body.isEmpty()) {
                console.println("Nothing posted.");
                return;
            }
            BoardRefusals.tried(console, () -> postMessage.startThread(caller, summary.board().board(), subject.get(),
                    body.get(), origin)).ifPresent(posted -> console.println("Your thread is posted."));
        }
    }

    static final int FIND_LIMIT = 30;

    /** Search hits, numbered: board and subject, author and date, then the snippet indented. */
    static List<String> hitLines(List<SearchMessages.Found> hits, int columns) {
        int width = Columns.usable(columns);
        var lines = new ArrayList<String>();
        lines.add("");
        lines.add(hits.size() + (hits.size() == 1 ? " message found" : " messages found"));
        int number = String.valueOf(hits.size()).length() + 2;
        for (int i = 0; i < hits.size(); i++) {
            var found = hits.get(i);
            var hit = found.hit();
            var left = " ".repeat(number - String.valueOf(i + 1).length()) + (i + 1) + "  ";
            lines.add(Columns.cut(left + found.board().name().value() + " / " + hit.subject().value() + "  ("
                    + hit.author() + ")", width));
            lines.add(Columns.cut(" ".repeat(left.length()) + hit.snippet(), width));
        }
        return lines;
    }

    /** "3" as 3 when it is 1 to {@code max}. */
    static Optional<Integer> number(String typed, int max) {
        if (!typed.matches("\\d{1,6}")) return Optional.empty();
        int n = Integer.parseInt(typed);
        return n >= 1 && n <= max ? Optional.of(n) : Optional.empty();
    }

    /** The boards, numbered, under their conference, each with what is new for the caller. */
    static List<String> boardLines(List<BoardSummary> boards, Theme theme, int columns) {
        int width = Columns.usable(columns);
        int number = String.valueOf(boards.size()).length() + 2;
        var lines = new ArrayList<String>();
        lines.add("");
        lines.add(theme.title("Message boards"));
        String conference = null;
        for (int i = 0; i < boards.size(); i++) {
            var summary = boards.get(i);
            var board = summary.board();
            if (!board.conference().value().equals(conference)) {
                conference = board.conference().value();
                lines.add(Columns.cut(conference, width));
            }
            var right = (summary.unread() > 0 ? summary.unread() + " new" : "") + (summary.mayPost() ? "" : " (read only)");
            var left = " ".repeat(number - String.valueOf(i + 1).length()) + (i + 1) + "  ";
            int nameWidth = Math.max(3, width - left.length() - right.length() - 2);
            lines.add(Columns.cut(left + Columns.fit(board.name().value(), nameWidth) + "  " + right, width));
        }
        return lines;
    }

    /** A page of threads, numbered from {@code offset + 1}: subject, who started it, how many messages. */
    static List<String> threadLines(ListThreads.Page page, int offset, int columns) {
        int width = Columns.usable(columns);
        var lines = new ArrayList<String>();
        lines.add("");
        var title = page.board().conference().value() + " / " + page.board().name().value();
        lines.add(Columns.cut(page.total() == 0 ? title + ": no threads yet"
                : title + ": threads " + (offset + 1) + "-" + (offset + page.threads().size()) + " of " + page.total(), width));
        int number = String.valueOf(offset + page.threads().size()).length() + 2;
        for (int i = 0; i < page.threads().size(); i++) {
            var thread = page.threads().get(i);
            var left = " ".repeat(number - String.valueOf(offset + i + 1).length()) + (offset + i + 1) + "  ";
            var right = thread.startedBy().value() + "  " + thread.messages() + (thread.messages() == 1 ? " msg" : " msgs")
                    + (thread.locked() ? "  locked" : "");
            int subjectWidth = Math.max(3, width - left.length() - right.length() - 2);
            lines.add(Columns.cut(left + Columns.fit(thread.subject().value(), subjectWidth) + "  " + right, width));
        }
        return lines;
    }
}

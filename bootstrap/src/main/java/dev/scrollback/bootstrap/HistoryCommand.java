package dev.scrollback.bootstrap;

import dev.scrollback.adapters.persistence.shared.Projections;
import dev.scrollback.adapters.web.history.AsOfJson;
import dev.scrollback.application.history.HistoryPoint;
import dev.scrollback.application.history.TimeTravel;
import dev.scrollback.domain.accounts.AccountRejected;
import dev.scrollback.domain.boards.BoardId;
import dev.scrollback.domain.boards.BoardRejected;
import dev.scrollback.domain.boards.ThreadId;
import dev.scrollback.domain.shared.InvalidValue;
import java.io.IOException;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * {@code java -jar scrollback.jar history account|board|thread <id> --at <instant> | --position <n>}: prints the
 * account (id or handle), board or thread as it was at that point, as JSON, folded from the store by the live
 * deciders (the same answer as {@code GET /api/v1/history/...}). Whoever can run it can read the data directory or
 * the database, so it asks for no credential; on the embedded store, run it while the server is stopped. Exit 0 with
 * the answer (also "existed": false), 1 when there is no such account, board or thread, 2 for a usage error.
 */
final class HistoryCommand {
    private static final Set<String> KINDS = Set.of("account", "board", "thread");

    private HistoryCommand() {}

    static int run(String[] args, PrintStream out, PrintStream err, ToIntFunction<String> usage) {
        if (args.length < 2 || !KINDS.contains(args[0])) {
            return usage.applyAsInt("history needs what and which: account <id|handle>, board <id> or thread <id>");
        }
        var kind = args[0];
        var which = args[1];
        var options = new HashMap<String, String>();
        for (int i = 2; i < args.length; i++) {
            var name = args[i];
            if (!name.startsWith("--") || i + 1 >= args.length) return usage.applyAsInt("history: expected --option value, got " + name);
            if (options.put(name.substring(2), args[++i]) != null) return usage.applyAsInt("history: " + name + " given twice");
        }
        HistoryPoint point;
        int offset;
        int limit;
        try {
            var at = options.remove("at");
            var position = options.remove("position");
            if ((at == null) == (position == null)) return usage.applyAsInt("history: give exactly one of --at <instant> and --position <n>");
            point = at != null ? HistoryPoint.atTime(at) : HistoryPoint.atPosition(position);
            offset = kind.equals("board") ? whole("offset", options.remove("offset"), 0) : 0;
            limit = kind.equals("board") ? whole("limit", options.remove("limit"), TimeTravel.DEFAULT_THREADS) : 0;
            if (kind.equals("board")) BoardId.parse(which);
            if (kind.equals("thread")) ThreadId.parse(which);
        } catch (InvalidValue e) {
            return usage.applyAsInt("history: " + e.field() + " " + e.getMessage());
        }
        if (!options.isEmpty()) return usage.applyAsInt("history: unknown option --" + options.keySet().iterator().next());

        // standard output carries the answer: no log lines on the console in between
        try (var context = ScrollbackApplication.start(ScrollbackApplication.Mode.ADMIN, Map.of("logging.threshold.console", "OFF"))) {
            context.getBean(Projections.class).awaitCaughtUp(context.getBean(Settings.class).catchUpTimeout());
            var travel = context.getBean(TimeTravel.class);
            var answer = switch (kind) {
                case "account" -> AsOfJson.account(travel.account(which, point));
                case "board" -> AsOfJson.board(travel.board(BoardId.parse(which), point, offset, limit));
                default -> AsOfJson.thread(travel.thread(ThreadId.parse(which), point));
            };
            AsOfJson.write(out, answer);
            return 0;
        } catch (AccountRejected | BoardRejected e) {
            err.println("scrollback: there is no such " + kind + ": " + which);
            return 1;
        } catch (InvalidValue e) {
            return usage.applyAsInt("history: " + e.field() + " " + e.getMessage());
        } catch (IOException e) {
            err.println("scrollback: could not write the answer: " + e.getMessage());
            return 1;
        }
    }

    private static int whole(String name, String text, int otherwise) {
        if (text == null) return otherwise;
        if (text.isEmpty() || text.length() > 9 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidValue(name, "must be a whole number");
        }
        return Integer.parseInt(text);
    }
}

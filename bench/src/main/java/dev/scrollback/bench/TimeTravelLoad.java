package dev.scrollback.bench;

import dev.scrollback.adapters.persistence.shared.EventStore;
import dev.scrollback.adapters.persistence.shared.StoreSettings;
import dev.scrollback.application.accounts.AccountStreams;
import dev.scrollback.application.boards.BoardStreams;
import dev.scrollback.application.history.AsOf;
import dev.scrollback.application.history.BoardAsItWas;
import dev.scrollback.application.history.BoardThreads;
import dev.scrollback.application.history.HistoryPoint;
import dev.scrollback.application.history.TimeTravel;
import dev.scrollback.application.shared.Actor;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.EventMetadata;
import dev.scrollback.application.shared.ExpectedVersion;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.StreamAppend;
import dev.scrollback.domain.accounts.AccountEvent;
import dev.scrollback.domain.accounts.AccountEvent.AccountRegistered;
import dev.scrollback.domain.accounts.AccountEvent.EmailVerified;
import dev.scrollback.domain.accounts.AccountEvent.LoginFailed;
import dev.scrollback.domain.accounts.AccountEvent.LoginFailure;
import dev.scrollback.domain.accounts.AccountEvent.LoginSucceeded;
import dev.scrollback.domain.accounts.EmailAddress;
import dev.scrollback.domain.accounts.HandleEvent.HandleClaimed;
import dev.scrollback.domain.accounts.PasswordHash;
import dev.scrollback.domain.boards.BoardAccess;
import dev.scrollback.domain.boards.BoardEvent.BoardCreated;
import dev.scrollback.domain.boards.BoardId;
import dev.scrollback.domain.boards.BoardName;
import dev.scrollback.domain.boards.ConferenceName;
import dev.scrollback.domain.boards.MessageBody;
import dev.scrollback.domain.boards.MessageEvent;
import dev.scrollback.domain.boards.MessageEvent.MessagePosted;
import dev.scrollback.domain.boards.MessageId;
import dev.scrollback.domain.boards.Subject;
import dev.scrollback.domain.boards.ThreadId;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.SessionId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Issue 7, time travel (decision 0025): how long {@link TimeTravel} takes to answer "as it was" on the embedded H2
 * store, for an account whose stream holds {@code --account-events} events (10,000) and a board with {@code --threads}
 * threads (1,000) of {@code --messages} messages (5) each. Every answer reads and folds its streams afresh (no
 * snapshot), so this is the whole cost: account as of the head and as of a time half-way; the board with every
 * thread folded (limit 1,000) and with one page of 100; one thread. p50 / p95 / p99 (max) over {@code --calls} calls
 * after as many warm-up calls.
 *
 * <pre>bench/run timetravel [--account-events 10000] [--threads 1000] [--messages 5] [--calls 50]</pre>
 */
public final class TimeTravelLoad {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final PasswordHash HASH = new PasswordHash("$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA");

    public static void main(String[] args) throws Exception {
        int accountEvents = 10_000, threads = 1_000, messages = 5, calls = 50;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--account-events" -> accountEvents = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--messages" -> messages = Integer.parseInt(args[++i]);
                case "--calls" -> calls = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (--account-events N, --threads N, --messages N, --calls N)");
            }
        }
        var directory = Files.createTempDirectory("scrollback-bench-timetravel");
        try (var store = EventStore.open(new StoreSettings.Embedded(directory))) {
            var log = store.eventLog();
            long started = System.nanoTime();
            var account = writeAccount(log, accountEvents);
            var board = writeBoard(log, threads, messages);
            var index = new BoardThreads();
            for (long after = 0; ; ) {                                   // what the projection does at start
                var page = log.readAfter(after, 1000);
                if (page.isEmpty()) break;
                page.forEach(index::apply);
                after = page.getLast().position();
            }
            System.out.printf("wrote %,d events (account: %,d; board: %,d threads x %d messages) in %.1f s%n",
                    log.lastPosition(), accountEvents, threads, messages, (System.nanoTime() - started) / 1e9);

            var travel = new TimeTravel(log, index, Clock.fixed(T0.plusSeconds(10_000_000), ZoneOffset.UTC));
            var head = new HistoryPoint.AtPosition(log.lastPosition());
            var halfway = new HistoryPoint.AtTime(T0.plusSeconds(accountEvents / 2));
            var thread = firstThread(travel, board, head);
            int n = calls;
            int all = Math.min(threads, TimeTravel.MAX_THREADS);
            measure("account as of the head (" + accountEvents + " events folded)", n, () -> travel.account(account.toString(), head));
            measure("account as of a time half-way", n, () -> travel.account(account.toString(), halfway));
            measure("board as of the head, all " + threads + " threads folded", n, () -> travel.board(board, head, 0, all));
            measure("board as of the head, one page of 100 threads", n, () -> travel.board(board, head, 0, 100));
            measure("one thread as of the head (" + messages + " messages)", n, () -> travel.thread(thread, head));
        } finally {
            try (var files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> {
                    try {
                        Files.delete(path);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }

    private static void measure(String what, int calls, Supplier<AsOf<?>> call) {
        for (int i = 0; i < calls; i++) if (!(call.get() instanceof AsOf.Existed<?>)) throw new IllegalStateException(what);
        var times = new long[calls];
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            call.get();
            times[i] = System.nanoTime() - start;
        }
        System.out.printf("%-58s p50/p95/p99 ms: %s%n", what, Stats.quantiles(Stats.sorted(times)));
    }

    private static ThreadId firstThread(TimeTravel travel, BoardId board, HistoryPoint head) {
        var answer = (AsOf.Existed<BoardAsItWas>) travel.board(board, head, 0, 1);
        return answer.state().threads().getFirst().thread();
    }

    /** Registered, verified, then logins (every tenth a wrong password), one second apart. */
    private static AccountId writeAccount(EventLog log, int events) {
        var account = new AccountId(UUID.randomUUID());
        var handle = new Handle("busy");
        var system = EventMetadata.of(Actor.system(), Origin.system(), T0);
        log.append(List.of(
                new StreamAppend(AccountStreams.handle(handle), ExpectedVersion.noStream(), List.of(new HandleClaimed(handle, account, T0))),
                new StreamAppend(AccountStreams.account(account), ExpectedVersion.noStream(), List.of(
                        new AccountRegistered(account, handle, Optional.of(new EmailAddress("busy@example.org")), HASH, T0),
                        new EmailVerified(account, T0)))), system);
        long version = 1;
        for (int written = 2; written < events; ) {
            var batch = new ArrayList<AccountEvent>();
            var at = T0.plusSeconds(written);
            for (int i = 0; i < 500 && written < events; i++, written++) {
                var when = T0.plusSeconds(written);
                batch.add(written % 10 == 0 ? new LoginFailed(account, handle, LoginFailure.WRONG_PASSWORD, when)
                        : new LoginSucceeded(account, handle, new SessionId(UUID.randomUUID()), when));
            }
            log.append(new StreamAppend(AccountStreams.account(account), ExpectedVersion.exactly(version), batch),
                    EventMetadata.of(Actor.system(), Origin.system(), at));
            version += batch.size();
        }
        return account;
    }

    private static BoardId writeBoard(EventLog log, int threads, int messages) {
        var board = new BoardId(UUID.randomUUID());
        log.append(new StreamAppend(BoardStreams.board(board), ExpectedVersion.noStream(), List.of(new BoardCreated(board,
                new ConferenceName("Main"), new BoardName("Busy"), "", BoardAccess.members(), T0))),
                EventMetadata.of(Actor.system(), Origin.system(), T0));
        var author = new AccountId(UUID.randomUUID());
        var handle = new Handle("poster");
        for (int t = 0; t < threads; t++) {
            var thread = new ThreadId(UUID.randomUUID());
            var at = T0.plusSeconds(t);
            var posted = new ArrayList<MessageEvent>();
            for (int m = 0; m < messages; m++) {
                posted.add(new MessagePosted(new MessageId(UUID.randomUUID()), thread, board, author, handle,
                        new Subject(m == 0 ? "Thread " + t : "Re: Thread " + t), new MessageBody("message " + m + " of thread " + t),
                        Optional.empty(), at));
            }
            log.append(new StreamAppend(BoardStreams.thread(thread), ExpectedVersion.noStream(), posted),
                    EventMetadata.of(Actor.system(), Origin.system(), at));
        }
        return board;
    }
}

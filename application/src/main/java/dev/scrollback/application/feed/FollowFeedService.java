package dev.scrollback.application.feed;

import dev.scrollback.application.accounts.AccessDenied;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.shared.RateLimited;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.accounts.Scope;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.InvalidValue;
import dev.scrollback.domain.shared.Rejection;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Follows the feed from the store: a page at a time, written at the client's pace, so a slow client costs one page of
 * memory and never more; at the log's end it waits for the {@link FeedTail} to say the log moved on, and reads again.
 */
@Named
final class FollowFeedService implements FollowFeed {
    static final int PAGE = 500;
    private static final Duration TRY_AGAIN = Duration.ofSeconds(5);
    private static final Duration BEHIND_PAUSE = Duration.ofMillis(20);
    private static final int BEHIND_TRIES = 50;

    private final EventFeed feed;
    private final FeedTail tail;
    private final int perAccount;
    private final ConcurrentHashMap<AccountId, Integer> open = new ConcurrentHashMap<>();

    @Inject
    FollowFeedService(EventFeed feed, FeedTail tail) {
        this(feed, tail, MAX_PER_ACCOUNT);
    }

    FollowFeedService(EventFeed feed, FeedTail tail, int perAccount) {
        this.feed = feed;
        this.tail = tail;
        this.perAccount = perAccount;
    }

    @Override
    public Following open(Caller caller, long after, FeedFilter filter) {
        check(caller);
        if (after < 0) throw new InvalidValue("after", "must be 0 or a position");
        long last = tail.lastPosition();
        if (after > last) throw new InvalidValue("after", "is beyond the log's last position " + last);
        var account = caller.account();
        var taken = new AtomicBoolean();
        open.compute(account, (key, streams) -> {
            int now = streams == null ? 0 : streams;
            if (now >= perAccount) return streams;
            taken.set(true);
            return now + 1;
        });
        if (!taken.get()) throw new RateLimited(TRY_AGAIN);
        return new Stream(account, after, filter);
    }

    @Override
    public boolean mayFollow(Caller caller) {
        try {
            check(caller);
            return true;
        } catch (Rejection refused) {
            return false;
        }
    }

    /** Streams open now for the account (for tests). */
    int open(AccountId account) {
        return open.getOrDefault(account, 0);
    }

    private static void check(Caller caller) {
        // as ReadFeedService: an API key needs events:read, and then counts with its account's roles
        AccessDenied.unlessAny(caller.through(Scope.EVENTS_READ), Role.SYSOP);
    }

    private final class Stream implements Following {
        private final AccountId account;
        private final FeedFilter filter;
        private final AtomicBoolean closed = new AtomicBoolean();
        private final Object bell = new Object();
        private long rung;                  // the highest position the tail told of; guarded by bell
        private boolean stopped;            // guarded by bell
        private long cursor;

        Stream(AccountId account, long after, FeedFilter filter) {
            this.account = account;
            this.cursor = after;
            this.filter = filter;
        }

        @Override
        public long run(Sink sink, Duration heartbeat) throws InterruptedException {
            long quiet = heartbeat.toNanos();
            long sent = cursor;
            // watch first, then read: whatever is appended after the store was read rings the bell
            try (var watching = tail.watch(this::ring)) {
                long lastWrite = System.nanoTime();
                int behind = 0;
                while (!stopped()) {
                    long told = rung();                          // the store has at least this much to show
                    var page = feed.after(cursor, PAGE);
                    boolean held = false;
                    for (var item : page) {
                        if (filter.matches(item)) {
                            if (!sink.send(item)) return sent;
                            held = true;
                            sent = item.position();
                        }
                        cursor = item.position();
                    }
                    if (held) {
                        if (!sink.flush()) return sent;
                        lastWrite = System.nanoTime();
                    }
                    if (System.nanoTime() - lastWrite >= quiet) {
                        if (!sink.heartbeat()) return sent;
                        lastWrite = System.nanoTime();
                    }
                    if (page.size() == PAGE) continue;           // more in the store: read on
                    // the tail told of more than this read showed: read again soon, for a while (then it is the
                    // feed's to show, and the next news or heartbeat reads again)
                    if (cursor < told && ++behind <= BEHIND_TRIES) {
                        Thread.sleep(BEHIND_PAUSE);
                        continue;
                    }
                    behind = 0;
                    long wait = quiet - (System.nanoTime() - lastWrite);
                    if (wait > 0) awaitBeyond(Math.max(cursor, told), wait);
                }
                return sent;
            }
        }

        private long rung() {
            synchronized (bell) {
                return rung;
            }
        }

        private void ring(long position) {
            synchronized (bell) {
                if (position > rung) rung = position;
                bell.notifyAll();
            }
        }

        private void awaitBeyond(long position, long nanos) throws InterruptedException {
            long until = System.nanoTime() + nanos;
            synchronized (bell) {
                while (!stopped && rung <= position) {
                    long left = until - System.nanoTime();
                    if (left <= 0) return;
                    java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(bell, left);
                }
            }
        }

        private boolean stopped() {
            synchronized (bell) {
                return stopped;
            }
        }

        @Override
        public void stop() {
            synchronized (bell) {
                stopped = true;
                bell.notifyAll();
            }
        }

        @Override
        public void close() {
            stop();
            if (!closed.compareAndSet(false, true)) return;
            open.computeIfPresent(account, (key, streams) -> streams <= 1 ? null : streams - 1);
        }
    }
}

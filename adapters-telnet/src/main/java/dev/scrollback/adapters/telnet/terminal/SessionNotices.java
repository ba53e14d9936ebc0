package dev.scrollback.adapters.telnet.terminal;

import dev.scrollback.adapters.telnet.shared.CallerConsole;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.live.LiveHub;
import dev.scrollback.application.live.LiveItem;
import dev.scrollback.application.live.LiveStream;
import dev.scrollback.application.shared.RecordedEvent;
import dev.scrollback.domain.chat.PageEvent.PageSent;
import dev.scrollback.domain.mail.PrivateMessageEvent.PrivateMessageSent;
import dev.scrollback.domain.shared.AccountId;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What breaks into a logged-in caller's session wherever they are: pages and new private mail to them, as recorded in the
 * log (from any channel, any instance). One live stream for all the sessions of this engine, started at the first
 * login, routes each concerning event to the consoles of its addressee as a one-line notice
 * ({@link CallerConsole#breakIn}, which never blocks): a caller costs an entry in a map, not a thread or a queue.
 */
final class SessionNotices {
    private static final Logger LOG = LoggerFactory.getLogger(SessionNotices.class);
    private static final Duration QUIET = Duration.ofMinutes(5);
    private static final Duration RETRY = Duration.ofSeconds(1);

    /** A session's place in the routing; close it when the session ends. */
    interface Listening extends AutoCloseable {
        @Override
        void close();
    }

    private final LiveHub hub;
    private final Map<AccountId, Set<CallerConsole>> listening = new ConcurrentHashMap<>();
    private final Object starting = new Object();
    private Thread router;

    SessionNotices(LiveHub hub) {
        this.hub = hub;
    }

    Listening listen(CallerConsole console, Caller caller) {
        startRouting();
        var account = caller.account();
        listening.computeIfAbsent(account, a -> ConcurrentHashMap.newKeySet()).add(console);
        return () -> listening.computeIfPresent(account, (a, consoles) -> {
            consoles.remove(console);
            return consoles.isEmpty() ? null : consoles;
        });
    }

    /** The account a notice of {@code recorded} goes to, and its line. */
    static Optional<Map.Entry<AccountId, String>> notice(RecordedEvent recorded) {
        return switch (recorded.event()) {
            case PrivateMessageSent sent -> Optional.of(Map.entry(sent.recipient(), "*** New mail from "
                    + sent.senderHandle().value() + ": " + sent.subject().value() + " (M in the main menu) ***"));
            case PageSent page -> Optional.of(Map.entry(page.to(), "*** Page from " + page.fromHandle().value() + ": "
                    + page.text().value() + " ***"));
            default -> Optional.empty();
        };
    }

    private void startRouting() {
        synchronized (starting) {
            if (router != null) return;
            router = Thread.ofVirtual().name("telnet-notices").start(this::route);
        }
    }

    /** Follows the hub from its head for as long as the process lives; a failure starts over after a second. */
    private void route() {
        long from = hub.head();
        while (true) {
            var stream = new LiveStream(hub);
            var sink = new Router();
            try {
                switch (stream.run(from, recorded -> notice(recorded).filter(n -> listening.containsKey(n.getKey())).isPresent(),
                        sink, QUIET)) {
                    case LiveStream.End.TooSlow slow -> from = slow.lastSent();
                    case LiveStream.End.Gone gone -> from = Math.max(from, sink.last);
                    case LiveStream.End.BeyondLog beyond -> from = beyond.lastPosition();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("Telnet notices stopped; starting over", e);
                from = Math.max(from, sink.last);
            }
            try {
                Thread.sleep(RETRY);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private final class Router implements LiveStream.Sink {
        volatile long last;

        @Override
        public boolean send(LiveItem item) {
            notice(item.event()).ifPresent(notice -> listening.getOrDefault(notice.getKey(), Set.of())
                    .forEach(console -> console.breakIn(notice.getValue())));
            last = item.position();
            return true;
        }

        @Override
        public boolean idle(long head) {
            return true;
        }

        @Override
        public boolean caughtUp(long position) {
            return true;
        }
    }
}

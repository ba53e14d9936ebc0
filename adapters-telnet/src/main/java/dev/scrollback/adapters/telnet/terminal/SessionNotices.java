package dev.scrollback.adapters.telnet.terminal;

import dev.scrollback.adapters.telnet.shared.CallerConsole;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.live.LiveHub;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.RecordedEvent;
import dev.scrollback.domain.chat.PageEvent.PageSent;
import dev.scrollback.domain.mail.PrivateMessageEvent.PrivateMessageSent;
import dev.scrollback.domain.shared.AccountId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What breaks into a logged-in caller's session wherever they are: pages and new private mail to them, as recorded in the
 * log (from any channel, any instance). One follower of the live hub for all the sessions of this engine, started at
 * the first login, routes each concerning event to the consoles of its addressee as a one-line notice
 * ({@link CallerConsole#breakIn}, which never blocks): a caller costs an entry in a map, not a thread or a queue.
 */
final class SessionNotices {

    /** A session's place in the routing; close it when the session ends. */
    interface Listening extends AutoCloseable {
        @Override
        void close();
    }

    private final LiveHub hub;
    private final Map<AccountId, Set<CallerConsole>> listening = new ConcurrentHashMap<>();
    private final Object starting = new Object();
    private EventLog.Subscription routing;

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
            if (routing != null) return;
            routing = hub.follow("telnet-notices",
                    recorded -> notice(recorded).filter(n -> listening.containsKey(n.getKey())).isPresent(),
                    item -> notice(item.event()).ifPresent(notice -> listening.getOrDefault(notice.getKey(), Set.of())
                            .forEach(console -> console.breakIn(notice.getValue()))));
        }
    }
}

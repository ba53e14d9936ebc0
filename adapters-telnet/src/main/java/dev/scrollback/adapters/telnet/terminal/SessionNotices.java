package dev.scrollback.adapters.telnet.terminal;

import dev.scrollback.adapters.telnet.shared.CallerConsole;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.live.LiveHub;
import dev.scrollback.application.live.LiveItem;
import dev.scrollback.application.live.LiveStream;
import dev.scrollback.application.shared.RecordedEvent;
import dev.scrollback.domain.mail.PrivateMessageEvent.PrivateMessageSent;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What breaks into a logged-in caller's session wherever they are: new private mail to them, as it is recorded in the
 * log (from any channel, any instance). A live stream per session, from the log's head at login, on its own virtual
 * thread; each concerning event becomes a one-line notice ({@link CallerConsole#breakIn}).
 */
final class SessionNotices {
    private static final Logger LOG = LoggerFactory.getLogger(SessionNotices.class);
    private static final Duration QUIET = Duration.ofMinutes(5);

    private final LiveHub hub;

    SessionNotices(LiveHub hub) {
        this.hub = hub;
    }

    /** Starts telling {@code caller} on {@code console}; stop the stream when the session ends. */
    LiveStream start(CallerConsole console, Caller caller) {
        var stream = new LiveStream(hub);
        long from = hub.head();
        Thread.ofVirtual().name("notices-" + caller.sessionIfAny().map(Object::toString).orElse("?")).start(() -> {
            try {
                stream.run(from, event -> notice(event, caller).isPresent(), new Sink(console, caller), QUIET);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.warn("Notices for {} stopped", caller.handle().value(), e);
            }
        });
        return stream;
    }

    /** The line a caller is shown for {@code recorded}, if it concerns them. */
    static Optional<String> notice(RecordedEvent recorded, Caller caller) {
        if (recorded.event() instanceof PrivateMessageSent sent && sent.recipient().equals(caller.account())) {
            return Optional.of("*** New mail from " + sent.senderHandle().value() + ": " + sent.subject().value()
                    + " (M in the main menu) ***");
        }
        return Optional.empty();
    }

    private record Sink(CallerConsole console, Caller caller) implements LiveStream.Sink {
        @Override
        public boolean send(LiveItem item) {
            notice(item.event(), caller).ifPresent(console::breakIn);
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

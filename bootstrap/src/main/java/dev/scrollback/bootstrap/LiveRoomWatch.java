package dev.scrollback.bootstrap;

import dev.scrollback.adapters.telnet.chat.RoomWatch;
import dev.scrollback.application.live.LiveHub;
import dev.scrollback.application.live.LiveItem;
import dev.scrollback.application.live.LiveStream;
import dev.scrollback.domain.shared.DomainEvent;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The telnet chat screen's {@link RoomWatch} on the live hub: a live stream per watched room, on a virtual thread. */
final class LiveRoomWatch implements RoomWatch {
    private static final Logger LOG = LoggerFactory.getLogger(LiveRoomWatch.class);
    private static final Duration QUIET = Duration.ofMinutes(5);
    private static final int QUEUE = 256;                // the screen drains at once: it only queues notices

    private final LiveHub hub;

    LiveRoomWatch(LiveHub hub) {
        this.hub = hub;
    }

    @Override
    public long now() {
        return hub.head();
    }

    @Override
    public Watching watch(long from, Predicate<DomainEvent> wanted, Consumer<DomainEvent> onEvent) {
        var stream = new LiveStream(hub, QUEUE);
        var thread = Thread.ofVirtual().name("room-watch").start(() -> {
            try {
                stream.run(from, recorded -> wanted.test(recorded.event()), new LiveStream.Sink() {
                    @Override
                    public boolean send(LiveItem item) {
                        onEvent.accept(item.event().event());
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
                }, QUIET);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.warn("A chat room watch stopped", e);
            }
        });
        return () -> {
            stream.stop();
            try {
                thread.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }
}

package dev.scrollback.bootstrap;

import dev.scrollback.adapters.telnet.chat.RoomWatch;
import dev.scrollback.application.live.LiveHub;
import dev.scrollback.domain.shared.DomainEvent;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** The telnet chat screen's {@link RoomWatch} on the live hub: one of the hub's in-process followers per watched room. */
final class LiveRoomWatch implements RoomWatch {
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
        var following = hub.follow("room-watch", from, recorded -> wanted.test(recorded.event()),
                item -> onEvent.accept(item.event().event()));
        return following::close;
    }
}

package dev.scrollback.adapters.web.live;

import dev.scrollback.application.live.LiveItem;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

/**
 * Each event's frame text, made once and shared by every connection it goes to (a line to a room of a thousand is
 * serialized once, not a thousand times). A small table indexed by position: an entry for another position is simply
 * made again, so it needs no locking and holds at most {@link #SLOTS} frames.
 */
final class Frames {
    static final int SLOTS = 4_096;

    private record Frame(long position, String text) {}

    private final AtomicReferenceArray<Frame> slots = new AtomicReferenceArray<>(SLOTS);
    private final Function<LiveItem, String> make;

    Frames(Function<LiveItem, String> make) {
        this.make = make;
    }

    String of(LiveItem item) {
        int slot = (int) Math.floorMod(item.position(), (long) SLOTS);
        var known = slots.get(slot);
        if (known != null && known.position() == item.position()) return known.text();
        var text = make.apply(item);
        slots.set(slot, new Frame(item.position(), text));
        return text;
    }
}

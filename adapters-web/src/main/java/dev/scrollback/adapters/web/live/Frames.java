package dev.scrollback.adapters.web.live;

import dev.scrollback.application.live.LiveItem;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

/**
 * Each event's frame payload (its envelope as UTF-8 JSON), made once and shared by every connection it goes to (a line
 * to a room of a thousand is serialized and encoded once, not a thousand times). A small table indexed by position: an
 * entry for another position is simply made again, so it needs no locking and holds at most {@link #SLOTS} frames.
 * The buffers handed out are read-only views of their own, so a write that moves one's position moves no other. Small
 * on purpose: a frame is wanted while its event goes out to everyone, and kept longer it only gives the young
 * collections more to copy.
 */
final class Frames {
    static final int SLOTS = 1_024;

    private record Frame(long position, ByteBuffer payload) {}

    private final AtomicReferenceArray<Frame> slots = new AtomicReferenceArray<>(SLOTS);
    private final Function<LiveItem, String> make;

    Frames(Function<LiveItem, String> make) {
        this.make = make;
    }

    ByteBuffer of(LiveItem item) {
        int slot = (int) Math.floorMod(item.position(), (long) SLOTS);
        var known = slots.get(slot);
        if (known != null && known.position() == item.position()) return known.payload().duplicate();
        var payload = ByteBuffer.wrap(make.apply(item).getBytes(StandardCharsets.UTF_8)).asReadOnlyBuffer();
        slots.set(slot, new Frame(item.position(), payload));
        return payload.duplicate();
    }
}

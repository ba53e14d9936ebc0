package dev.scrollback.adapters.web.live;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Optional;

/**
 * A frame on {@code /ws} that is not an event: marked {@code "ephemeral": true}, never with a {@code position}
 * (a client must not take it for a cursor). {@code Heartbeat} tells the head position after a quiet spell,
 * {@code CaughtUp} that everything missed has been sent and what follows is live, {@code Pong} answers a ping,
 * {@code Refused} answers a frame the server does not take, {@code Typing} says who is typing in one of your rooms,
 * {@code Presence} what someone online is doing now.
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
record Ephemeral(boolean ephemeral, String type, Optional<Long> head, Optional<Long> upTo, Optional<Instant> at,
                 Optional<String> detail, Optional<String> room, Optional<String> handle, Optional<String> doing) {
    private static final Optional<Long> NO_POSITION = Optional.empty();
    private static final Optional<String> NO_TEXT = Optional.empty();

    static Ephemeral heartbeat(long head, Instant at) {
        return new Ephemeral(true, "Heartbeat", Optional.of(head), NO_POSITION, Optional.of(at), NO_TEXT, NO_TEXT, NO_TEXT, NO_TEXT);
    }

    static Ephemeral caughtUp(long upTo) {
        return new Ephemeral(true, "CaughtUp", NO_POSITION, Optional.of(upTo), Optional.empty(), NO_TEXT, NO_TEXT, NO_TEXT, NO_TEXT);
    }

    static Ephemeral pong(Instant at) {
        return new Ephemeral(true, "Pong", NO_POSITION, NO_POSITION, Optional.of(at), NO_TEXT, NO_TEXT, NO_TEXT, NO_TEXT);
    }

    static Ephemeral refused(String detail) {
        return new Ephemeral(true, "Refused", NO_POSITION, NO_POSITION, Optional.empty(), Optional.of(detail), NO_TEXT,
                NO_TEXT, NO_TEXT);
    }

    static Ephemeral typing(String room, String handle) {
        return new Ephemeral(true, "Typing", NO_POSITION, NO_POSITION, Optional.empty(), NO_TEXT, Optional.of(room),
                Optional.of(handle), NO_TEXT);
    }

    /** A presence heartbeat: what someone is doing now (who's online, live). */
    static Ephemeral presence(String handle, String doing) {
        return new Ephemeral(true, "Presence", NO_POSITION, NO_POSITION, Optional.empty(), NO_TEXT, NO_TEXT,
                Optional.of(handle), Optional.of(doing));
    }
}

package dev.scrollback.adapters.web.live;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Optional;

/**
 * A frame on {@code /ws} that is not an event: marked {@code "ephemeral": true}, never with a {@code position}
 * (a client must not take it for a cursor). {@code Heartbeat} tells the head position after a quiet spell,
 * {@code CaughtUp} that everything missed has been sent and what follows is live, {@code Pong} answers a ping,
 * {@code Refused} answers a frame the server does not take.
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
record Ephemeral(boolean ephemeral, String type, Optional<Long> head, Optional<Long> upTo, Optional<Instant> at,
                 Optional<String> detail) {
    static Ephemeral heartbeat(long head, Instant at) {
        return new Ephemeral(true, "Heartbeat", Optional.of(head), Optional.empty(), Optional.of(at), Optional.empty());
    }

    static Ephemeral caughtUp(long upTo) {
        return new Ephemeral(true, "CaughtUp", Optional.empty(), Optional.of(upTo), Optional.empty(), Optional.empty());
    }

    static Ephemeral pong(Instant at) {
        return new Ephemeral(true, "Pong", Optional.empty(), Optional.empty(), Optional.of(at), Optional.empty());
    }

    static Ephemeral refused(String detail) {
        return new Ephemeral(true, "Refused", Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(detail));
    }
}

package dev.scrollback.application.hooks;

import java.util.Objects;
import java.util.UUID;

/**
 * How a plugin's post ended: said (in the room with this id), replied (in the thread with this id, as the message with
 * that id), or refused, saying why in words the plugin can log.
 */
public sealed interface PostOutcome {
    record Posted(UUID room) implements PostOutcome {
        public Posted {
            Objects.requireNonNull(room, "room");
        }
    }

    record Replied(UUID thread, UUID message) implements PostOutcome {
        public Replied {
            Objects.requireNonNull(thread, "thread");
            Objects.requireNonNull(message, "message");
        }
    }

    record Refused(String why) implements PostOutcome {
        public Refused {
            Objects.requireNonNull(why, "why");
        }
    }
}

package dev.scrollback.application.shared;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The envelope fields a use case supplies for the events it appends (SPEC §3); the event log adds the event id,
 * stream version and global position. {@code occurredAt} comes from the use case's clock.
 */
public record EventMetadata(Actor actor, Origin origin, Instant occurredAt, UUID correlationId, Optional<UUID> causationId) {

    /** Metadata for the events of a command that starts a new chain of cause and effect. */
    public static EventMetadata of(Actor actor, Origin origin, Instant at) {
        return new EventMetadata(actor, origin, at, UuidV7.next(), Optional.empty());
    }

    public EventMetadata withActor(Actor other) {
        return new EventMetadata(other, origin, occurredAt, correlationId, causationId);
    }
}

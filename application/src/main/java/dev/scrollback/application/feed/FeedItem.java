package dev.scrollback.application.feed;

import dev.scrollback.application.shared.Actor;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.StreamId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** One event of the global feed (SPEC §4), its payload as the stored JSON. */
public record FeedItem(
        long position,
        UUID id,
        String type,
        int schemaVersion,
        StreamId stream,
        long version,
        Instant occurredAt,
        Actor actor,
        Origin origin,
        UUID correlationId,
        Optional<UUID> causationId,
        JsonText data) {}

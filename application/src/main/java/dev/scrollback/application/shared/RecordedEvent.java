package dev.scrollback.application.shared;

import dev.scrollback.domain.shared.DomainEvent;
import java.util.UUID;

/** An event as the log holds it: the domain event in its full envelope (SPEC §3). */
public record RecordedEvent(
        long position,
        UUID id,
        StreamId stream,
        long version,
        String type,
        int schemaVersion,
        EventMetadata metadata,
        DomainEvent event) {}

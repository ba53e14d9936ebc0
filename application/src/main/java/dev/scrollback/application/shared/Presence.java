package dev.scrollback.application.shared;

import dev.scrollback.domain.shared.SessionId;
import java.time.Instant;

/** A session's ephemeral presence: when its caller last did anything, and what they are doing. */
public record Presence(SessionId session, Instant lastSeen, Activity activity) {}

package dev.scrollback.application.history;

import java.time.Instant;
import java.util.Optional;

/**
 * Where an answer was computed, so it can be cited and checked: the point asked for; the moment it stands for (the
 * time asked, or the recording time of the last event at or before the position asked; empty as of position 0); the
 * log's head when asked (no event after it was looked at); and the last event folded into the answer.
 */
public record Reckoning(HistoryPoint asked, Optional<Instant> moment, long head, Optional<EventMark> lastFolded) {}

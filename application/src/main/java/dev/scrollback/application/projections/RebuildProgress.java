package dev.scrollback.application.projections;

import java.time.Instant;
import java.util.Optional;

/**
 * How a rebuild of one projection goes: the global position it has read to ({@code reached}) out of the log's head
 * when it started ({@code head}), how many events it read and how fast, and once finished, its outcome.
 */
public record RebuildProgress(String projection, Instant startedAt, long head, long reached, long events,
                              double eventsPerSecond, Optional<Instant> finishedAt, Outcome outcome) {

    /** What came of a rebuild. */
    public sealed interface Outcome {
        String wireName();

        /** Still reading the log. */
        record Running() implements Outcome {
            public String wireName() {
                return "running";
            }
        }

        /** Swapped in at {@code position}; the rebuilt state was identical to the live one it replaced. */
        record Identical(long position, String digest, int lines) implements Outcome {
            public String wireName() {
                return "identical";
            }
        }

        /**
         * Swapped in at {@code position}, but the live state it replaced differed: {@code firstDifference} names the
         * first key where they did (live first, then rebuilt). The rebuilt state is the log's answer.
         */
        record Differed(long position, String firstDifference, String liveDigest, String rebuiltDigest) implements Outcome {
            public String wireName() {
                return "differed";
            }
        }

        /** The rebuilt state could not apply the event at {@code position}: the live state keeps serving, unchanged. */
        record Failed(long position, String reason) implements Outcome {
            public String wireName() {
                return "failed";
            }
        }
    }
}

package dev.scrollback.application.audit;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a walk of the log's hash chain found (issue 7, decision 0020): how many sealed events and signed checkpoints
 * it checked and, when the record does not verify, the first position where it goes wrong and why.
 */
public record AuditVerification(boolean verified, long events, long checkpoints, OptionalLong firstBadPosition,
                                Optional<String> reason) {
    public AuditVerification {
        Objects.requireNonNull(firstBadPosition, "firstBadPosition");
        Objects.requireNonNull(reason, "reason");
        if (verified != firstBadPosition.isEmpty() || verified != reason.isEmpty()) {
            throw new IllegalArgumentException("a verified log has no bad position or reason, and a failed one has both");
        }
    }

    public static AuditVerification passed(long events, long checkpoints) {
        return new AuditVerification(true, events, checkpoints, OptionalLong.empty(), Optional.empty());
    }

    public static AuditVerification failed(long events, long checkpoints, long position, String reason) {
        return new AuditVerification(false, events, checkpoints, OptionalLong.of(position), Optional.of(reason));
    }
}

package dev.scrollback.application.audit;

/** Out-port: the log's hash chain and its signed checkpoints (decision 0020). */
@FunctionalInterface
public interface AuditChain {
    /** Walks the sealed log from position 1, recomputes the chain and checks every checkpoint; never writes. */
    AuditVerification verify();
}

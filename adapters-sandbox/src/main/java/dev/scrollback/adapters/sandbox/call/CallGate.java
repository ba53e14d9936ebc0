package dev.scrollback.adapters.sandbox.call;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * How a call waits for the instance it runs on (an instance runs one call at a time, in both engines): within the
 * call's own deadline, or it ends as {@code BUSY}; an interrupt while waiting ends it as {@code INTERRUPTED}.
 */
public final class CallGate {
    private CallGate() {}

    /** Takes {@code lock} within {@code timeout}; the fault the call ends with when it could not. */
    public static Optional<CallResult.Faulted> enter(ReentrantLock lock, Duration timeout) {
        try {
            if (lock.tryLock(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS)) return Optional.empty();
            return Optional.of(new CallResult.Faulted(FaultKind.BUSY,
                    "the previous call did not end before this call's deadline", CallLog.empty()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(new CallResult.Faulted(FaultKind.INTERRUPTED, "interrupted while waiting for the previous call",
                    CallLog.empty()));
        }
    }
}

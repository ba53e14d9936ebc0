package dev.scrollback.adapters.sandbox.wasm;

import dev.scrollback.adapters.sandbox.call.CallResult;
import dev.scrollback.adapters.sandbox.call.FaultKind;

/**
 * Thrown by a host function to stop the plugin call: Chicory lets it through the guest's frames unwrapped, and the
 * plugin turns it into a {@link CallResult.Faulted}. Never leaves the engine. No stack trace: it is expected and cheap.
 */
final class KernelFault extends RuntimeException {
    private final FaultKind kind;

    KernelFault(FaultKind kind, String detail) {
        super(detail, null, false, false);
        this.kind = kind;
    }

    FaultKind kind() {
        return kind;
    }

    static KernelFault trap(String detail) {
        return new KernelFault(FaultKind.TRAP, detail);
    }
}

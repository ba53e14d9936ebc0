package dev.scrollback.adapters.sandbox.js;

import dev.scrollback.adapters.sandbox.call.LogLevel;
import java.util.Objects;

/**
 * What one script is granted: its limits and the lowest log level collected. Scripts have no host permissions yet: the
 * API they see is {@code log}, {@code config} and their input. Built by the host from the manifest.
 */
public record JsPolicy(JsLimits limits, LogLevel logLevel) {
    public JsPolicy {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(logLevel, "logLevel");
    }

    /** Default limits, INFO and above logged. */
    public static JsPolicy restrictive() {
        return new JsPolicy(JsLimits.defaults(), LogLevel.INFO);
    }

    public JsPolicy withLimits(JsLimits newLimits) {
        return new JsPolicy(newLimits, logLevel);
    }
}

package dev.scrollback.adapters.web.health;

import java.util.Objects;
import java.util.function.BooleanSupplier;

/** One thing that must be up before this instance takes traffic: {@code store}, {@code projections}, {@code telnet}... */
public record ReadinessCheck(String name, BooleanSupplier up) {
    public ReadinessCheck {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a readiness check needs a name");
        Objects.requireNonNull(up, "up");
    }

    /** A check that throws counts as down: readiness must answer, not fail. */
    boolean passes() {
        try {
            return up.getAsBoolean();
        } catch (RuntimeException e) {
            return false;
        }
    }
}

package dev.scrollback.adapters.telnet;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls until something holds; the cap only keeps a broken build from hanging, it is not a timing assertion. */
public final class Await {
    static final Duration CAP = Duration.ofSeconds(30);

    private Await() {}

    public static <T> T until(String what, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + CAP.toNanos();
        while (true) {
            var found = probe.get();
            if (found.isPresent()) return found.get();
            if (System.nanoTime() > deadline) throw new AssertionError("gave up waiting for " + what);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }

    public static void until(String what, BooleanSupplier condition) {
        until(what, () -> condition.getAsBoolean() ? Optional.of(true) : Optional.empty());
    }
}

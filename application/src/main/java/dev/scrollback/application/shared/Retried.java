package dev.scrollback.application.shared;

import java.util.function.Supplier;

/**
 * Runs a read-decide-append step again when another writer reached one of its streams first ({@link
 * EventLog.Conflict}): the step reads the streams afresh each time, so it decides on what is there now.
 */
public final class Retried {
    private Retried() {}

    /** At most {@code attempts} runs of {@code step}; the last conflict is thrown if every run lost its race. */
    public static <T> T onConflict(int attempts, Supplier<T> step) {
        for (int attempt = 1; ; attempt++) {
            try {
                return step.get();
            } catch (EventLog.Conflict raced) {
                if (attempt >= attempts) throw raced;
            }
        }
    }

    public static void onConflict(int attempts, Runnable step) {
        onConflict(attempts, () -> {
            step.run();
            return null;
        });
    }
}

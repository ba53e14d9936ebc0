package dev.scrollback.application.shared;

import jakarta.inject.Named;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The events this instance of the BBS appended, told as they are appended ({@link NotifyingEventLog}): for work that
 * must happen once per event, where it was made — not on every instance that reads the log, and never when the log is
 * replayed (plugins' event triggers). Listeners run on the appender's thread: they hand work over, quickly, and never
 * throw at it.
 */
@Named
public final class AppendedHere {
    private static final System.Logger LOG = System.getLogger(AppendedHere.class.getName());
    private final List<Consumer<List<RecordedEvent>>> listeners = new CopyOnWriteArrayList<>();

    public void listen(Consumer<List<RecordedEvent>> listener) {
        listeners.add(listener);
    }

    void appended(List<RecordedEvent> events) {
        for (var listener : listeners) {
            try {
                listener.accept(events);
            } catch (RuntimeException e) {                    // the append happened; whoever appended hears nothing of this
                LOG.log(System.Logger.Level.WARNING, "a listener to appended events failed", e);
            }
        }
    }
}

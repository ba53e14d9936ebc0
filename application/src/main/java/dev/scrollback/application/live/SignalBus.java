package dev.scrollback.application.live;

import dev.scrollback.application.shared.EventLog;
import java.util.function.Consumer;

/**
 * Out-port: ephemeral {@link Signal}s to every listener on every instance (in memory on one instance; across
 * instances through Redis pub/sub). Best effort by design: a signal nobody hears is simply gone.
 */
public interface SignalBus {
    /** Never blocks for long; never throws for want of listeners. */
    void publish(Signal signal);

    /** {@code listener} hears every signal published from now on, on a bus thread; it must not block. */
    EventLog.Subscription listen(Consumer<Signal> listener);
}

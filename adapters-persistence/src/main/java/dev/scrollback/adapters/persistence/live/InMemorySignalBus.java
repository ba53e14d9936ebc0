package dev.scrollback.adapters.persistence.live;

import dev.scrollback.application.live.Signal;
import dev.scrollback.application.live.SignalBus;
import dev.scrollback.application.shared.EventLog;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link SignalBus} of a single instance: signals go straight to this process's listeners, on the publisher's thread. */
public final class InMemorySignalBus implements SignalBus {
    private static final Logger LOG = LoggerFactory.getLogger(InMemorySignalBus.class);
    private final CopyOnWriteArrayList<Consumer<Signal>> listeners = new CopyOnWriteArrayList<>();

    @Override
    public void publish(Signal signal) {
        for (var listener : listeners) {
            try {
                listener.accept(signal);
            } catch (RuntimeException e) {
                LOG.warn("A signal listener failed", e);            // one bad listener never silences the others
            }
        }
    }

    @Override
    public EventLog.Subscription listen(Consumer<Signal> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}

package dev.scrollback.adapters.persistence.cluster;

import dev.scrollback.adapters.persistence.live.InMemorySignalBus;
import dev.scrollback.application.live.Signal;
import dev.scrollback.application.live.SignalBus;
import dev.scrollback.application.shared.Activity;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.domain.chat.ChatRoomId;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.SessionId;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link SignalBus} across instances: a signal goes to this process's listeners at once and, on channel
 * {@code <prefix>signals}, to every other instance's (typing, presence heartbeats). A line of tab-separated fields,
 * the sender's instance id first (its own echo is dropped); a message that is too long or does not parse is dropped —
 * signals are best effort by design.
 */
public final class RedisSignalBus implements SignalBus, AutoCloseable {
    static final int MAX_MESSAGE = 1_024;
    private static final Logger LOG = LoggerFactory.getLogger(RedisSignalBus.class);

    private final RedisConnections connections;
    private final String channel;
    private final String self;
    private final InMemorySignalBus here = new InMemorySignalBus();
    private final EventLog.Subscription listening;
    private final WarnOnce failures = new WarnOnce(LOG,
            "Cannot send signals to other instances (typing and presence stay local): {}");

    public RedisSignalBus(RedisConnections connections, String prefix, UUID self) {
        this.connections = connections;
        this.channel = prefix + "signals";
        this.self = self.toString();
        this.listening = connections.listen(channel, message -> decode(message).ifPresent(here::publish));
    }

    @Override
    public void publish(Signal signal) {
        here.publish(signal);
        try {
            connections.commands().async().publish(channel, encode(signal))
                    .whenComplete((n, failure) -> failures.report(failure));
        } catch (RuntimeException closed) {
            failures.report(closed);
        }
    }

    @Override
    public EventLog.Subscription listen(Consumer<Signal> listener) {
        return here.listen(listener);
    }

    byte[] encode(Signal signal) {
        var line = switch (signal) {
            case Signal.Typing t -> String.join("\t", self, "typing", t.room().toString(), t.account().value().toString(),
                    t.handle().value(), t.session().value().toString());
            case Signal.Doing d -> String.join("\t", self, "doing", d.session().value().toString(), d.handle().value(),
                    d.activity().description());
        };
        return line.getBytes(StandardCharsets.UTF_8);
    }

    /** Another instance's signal; empty for our own echo and for anything malformed. */
    Optional<Signal> decode(byte[] message) {
        if (message == null || message.length > MAX_MESSAGE) return Optional.empty();
        var fields = new String(message, StandardCharsets.UTF_8).split("\t", -1);
        if (fields.length < 2 || fields[0].equals(self)) return Optional.empty();
        try {
            return switch (fields[1]) {
                case "typing" -> fields.length != 6 ? Optional.empty() : Optional.of(new Signal.Typing(
                        ChatRoomId.parse(fields[2]), new AccountId(UUID.fromString(fields[3])), new Handle(fields[4]),
                        new SessionId(UUID.fromString(fields[5]))));
                case "doing" -> fields.length != 5 ? Optional.empty() : Optional.of(new Signal.Doing(
                        new SessionId(UUID.fromString(fields[2])), new Handle(fields[3]), new Activity(fields[4])));
                default -> Optional.empty();
            };
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        listening.close();
    }
}

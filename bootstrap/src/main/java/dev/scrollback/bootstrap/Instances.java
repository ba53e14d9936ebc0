package dev.scrollback.bootstrap;

import dev.scrollback.adapters.persistence.cluster.RedisAppendNotices;
import dev.scrollback.adapters.persistence.cluster.RedisConnections;
import dev.scrollback.adapters.persistence.cluster.RedisSharedPresence;
import dev.scrollback.adapters.persistence.cluster.RedisRateLimiter;
import dev.scrollback.adapters.persistence.cluster.RedisSignalBus;
import dev.scrollback.adapters.persistence.ratelimits.InMemoryRateLimiter;
import dev.scrollback.application.shared.RateLimiter;
import dev.scrollback.adapters.persistence.cluster.SingleInstancePresence;
import dev.scrollback.adapters.persistence.live.InMemorySignalBus;
import dev.scrollback.adapters.persistence.shared.EventStore;
import dev.scrollback.application.live.SignalBus;
import dev.scrollback.application.presence.SharedPresence;
import dev.scrollback.application.shared.UuidV7;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * This process among the instances that share the event store: alone (the embedded default), or one of several that
 * know of each other through Redis — sharing presence, and waking each other's live followers on every commit.
 * Each process is a new instance, with an id of its own (UUIDv7).
 */
final class Instances implements AutoCloseable {
    private final UUID id;
    private final SharedPresence presence;
    private final Optional<Redis> redis;
    private final SignalBus signals;

    /** What only exists with Redis. */
    private record Redis(RedisConnections connections, String keyPrefix, RedisSharedPresence presence,
                         RedisAppendNotices notices, RedisSignalBus signals, EventStore store) {}

    private Instances(UUID id, SharedPresence presence, Optional<Redis> redis, SignalBus signals) {
        this.id = id;
        this.presence = presence;
        this.redis = redis;
        this.signals = signals;
    }

    static Instances alone() {
        return new Instances(UuidV7.next(), new SingleInstancePresence(), Optional.empty(), new InMemorySignalBus());
    }

    /** Connects (or fails the start with a message naming the setting) and hooks the store's commits to Redis. */
    static Instances throughRedis(Settings.Redis settings, EventStore store, RedisSharedPresence.Timings timings) {
        var id = UuidV7.next();
        RedisConnections connections;
        try {
            connections = RedisConnections.open(settings.url());
        } catch (RuntimeException e) {
            throw new Settings.Invalid("SCROLLBACK_REDIS_URL", "is unusable: " + e.getMessage());
        }
        try {
            // Real time, not the application's clock: Redis expires heartbeats in real time.
            var presence = new RedisSharedPresence(connections, settings.keyPrefix(), id, timings, Clock.systemUTC());
            var notices = new RedisAppendNotices(connections, settings.keyPrefix(), id, store::appendedElsewhere);
            var signals = new RedisSignalBus(connections, settings.keyPrefix(), id);
            store.afterEachCommit(notices::committed);
            return new Instances(id, presence, Optional.of(new Redis(connections, settings.keyPrefix(), presence, notices, signals, store)), signals);
        } catch (RuntimeException e) {
            connections.close();
            throw e;
        }
    }

    UUID id() {
        return id;
    }

    SharedPresence presence() {
        return presence;
    }

    /** Typing and presence heartbeats: to this process only, or through Redis to every instance. */
    SignalBus signals() {
        return signals;
    }

    /** Rate limits: counted by this instance alone, or in Redis for every instance (SPEC §5). */
    RateLimiter rateLimiter(Clock clock) {
        return redis.<RateLimiter>map(r -> new RedisRateLimiter(r.connections(), r.keyPrefix(), clock))
                .orElseGet(() -> new InMemoryRateLimiter(clock));
    }

    boolean shared() {
        return redis.isPresent();
    }

    /** Where the shared Redis is (no credentials), if any. */
    Optional<String> where() {
        return redis.map(r -> r.connections().where());
    }

    /** Redis answers now; true when there is none to ask. */
    boolean reachable() {
        return redis.map(r -> r.connections().reachable()).orElse(true);
    }

    /** A graceful stop: the other instances see this one leave at once. */
    void withdraw() {
        redis.ifPresent(r -> r.presence().withdraw());
    }

    @Override
    public void close() {
        redis.ifPresent(r -> {
            r.store().afterEachCommit(() -> {});          // the store outlives us: its last commits tell no one
            try {
                r.signals().close();
                r.notices().close();
            } finally {
                r.connections().close();
            }
        });
    }
}

package dev.scrollback.adapters.persistence.cluster;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import dev.scrollback.application.shared.EventLog;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The connections to the Redis that instances share (SPEC §6): one for commands, one for subscriptions, both with
 * string keys and byte values. Lettuce reconnects by itself; while it is disconnected commands fail at once instead of
 * queueing, so a Redis outage shows as errors (and an instance that cannot publish is soon seen as lost by the others)
 * rather than as memory growing or callers waiting.
 */
public final class RedisConnections implements AutoCloseable {
    /** How long one command may take before it fails. */
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);
    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private final RedisClient client;
    private final String where;
    private final StatefulRedisConnection<String, byte[]> commands;
    private final StatefulRedisPubSubConnection<String, byte[]> subscriptions;

    private RedisConnections(RedisClient client, String where, StatefulRedisConnection<String, byte[]> commands,
                             StatefulRedisPubSubConnection<String, byte[]> subscriptions) {
        this.client = client;
        this.where = where;
        this.commands = commands;
        this.subscriptions = subscriptions;
    }

    /**
     * Connects to {@code url} ({@code redis://host:port/db}, {@code rediss://…} for TLS, optionally with
     * {@code user:password@}); fails with a message naming the server (never the password) when it cannot.
     */
    public static RedisConnections open(String url) {
        RedisURI uri;
        try {
            uri = RedisURI.create(url);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a Redis URL: " + e.getMessage(), e);
        }
        uri.setTimeout(COMMAND_TIMEOUT);
        var where = (uri.isSsl() ? "rediss://" : "redis://") + uri.getHost() + ":" + uri.getPort() + "/" + uri.getDatabase();
        var client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .requestQueueSize(10_000)
                .socketOptions(SocketOptions.builder().connectTimeout(COMMAND_TIMEOUT).keepAlive(true).build())
                .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
                .build());
        try {
            var commands = client.connect(CODEC);
            try {
                return new RedisConnections(client, where, commands, client.connectPubSub(CODEC));
            } catch (RuntimeException e) {
                commands.close();
                throw e;
            }
        } catch (RuntimeException e) {
            client.shutdown(0, 2, TimeUnit.SECONDS);
            throw new IllegalStateException("cannot connect to Redis at " + where + ": " + e.getMessage(), e);
        }
    }

    StatefulRedisConnection<String, byte[]> commands() {
        return commands;
    }

    StatefulRedisPubSubConnection<String, byte[]> subscriptions() {
        return subscriptions;
    }

    /**
     * Subscribes to {@code channel} at once; {@code onMessage} runs on Lettuce's event loop for every message on it, so
     * it must return quickly. Closing stops it (waiting up to a second for Redis to confirm).
     */
    EventLog.Subscription listen(String channel, Consumer<byte[]> onMessage) {
        var listener = new RedisPubSubAdapter<String, byte[]>() {
            @Override
            public void message(String from, byte[] message) {
                if (channel.equals(from)) onMessage.accept(message);
            }
        };
        subscriptions.addListener(listener);
        subscriptions.sync().subscribe(channel);
        return () -> {
            subscriptions.removeListener(listener);
            try {
                subscriptions.async().unsubscribe(channel).get(1, TimeUnit.SECONDS);
            } catch (Exception e) {
                if (e instanceof InterruptedException) Thread.currentThread().interrupt();
                // closing anyway; the connection goes with the client
            }
        };
    }

    /** Where it connects, without credentials: for logs. */
    public String where() {
        return where;
    }

    /** Redis answers a PING now (for readiness); never throws. */
    public boolean reachable() {
        try {
            return "PONG".equals(commands.async().ping().get(1, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            subscriptions.close();
            commands.close();
        } finally {
            client.shutdown(0, 2, TimeUnit.SECONDS);
        }
    }
}

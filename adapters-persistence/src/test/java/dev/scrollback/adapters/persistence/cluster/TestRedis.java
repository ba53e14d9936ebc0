package dev.scrollback.adapters.persistence.cluster;

import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import java.util.UUID;

/**
 * The test Redis (127.0.0.1:6379, database 0; {@code .ci/run} starts it) under a key prefix of its own, for one test,
 * whose keys are deleted afterwards. Opening it fails, and so fails the test, when Redis is unreachable.
 */
final class TestRedis implements AutoCloseable {
    static final String URL = "redis://127.0.0.1:6379/0";

    final RedisConnections connections = RedisConnections.open(URL);
    final String prefix = "scrollback-test:" + UUID.randomUUID() + ":";

    /** What a peer (or anyone with access to Redis) can do to the keys. */
    io.lettuce.core.api.sync.RedisCommands<String, byte[]> raw() {
        return connections.commands().sync();
    }

    @Override
    public void close() {
        try {
            var cursor = ScanCursor.INITIAL;
            do {
                var page = raw().scan(cursor, ScanArgs.Builder.matches(prefix + "*").limit(500));
                if (!page.getKeys().isEmpty()) raw().del(page.getKeys().toArray(String[]::new));
                cursor = page;
            } while (!cursor.isFinished());
        } finally {
            connections.close();
        }
    }
}

package dev.scrollback.adapters.persistence.cluster;

import dev.scrollback.application.shared.Presence;
import dev.scrollback.application.presence.SharedPresence;
import dev.scrollback.domain.shared.SessionId;
import io.lettuce.core.KeyValue;
import io.lettuce.core.Range;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Presence across instances in Redis (SPEC §6). Keys, under a prefix ({@code scrollback:} unless configured):
 * <ul>
 * <li>{@code <prefix>instance:<id>} — the heartbeat: while it exists, instance {@code id} is alive. Written by every
 * {@link #publish} with a time-to-live of {@link Timings#heartbeat()}, so an instance that stops publishing (it died,
 * or cannot reach Redis) is gone from it a TTL after its last publish.</li>
 * <li>{@code <prefix>presence:<id>} — the instance's sessions and what their callers are doing ({@link PresenceRecords}),
 * replaced whole by every publish, kept for {@link Timings#ownership()}: it outlives the heartbeat, so survivors can
 * still read whose sessions a dead instance served.</li>
 * <li>{@code <prefix>instances} — a sorted set of instance ids, scored by their last publish (epoch ms): how readers
 * find the others. Members not heard from for an ownership TTL are dropped.</li>
 * </ul>
 * Bounded: an instance publishes at most {@link #MAX_SESSIONS} sessions (and then says its list is partial); a reader
 * reads at most {@link #MAX_INSTANCES} instances and at most {@link #MAX_BYTES} of each one's presence, so a broken or
 * hostile peer cannot make it read without limit.
 */
public final class RedisSharedPresence implements SharedPresence {
    static final int MAX_SESSIONS = 10_000;
    static final int MAX_INSTANCES = 32;
    /** Enough for {@link #MAX_SESSIONS} sessions with the longest activities. */
    static final int MAX_BYTES = 4 * 1024 * 1024;
    /** How long {@link #others()} reuses what it read: who's online may be asked for often. */
    static final Duration OTHERS_FRESH_FOR = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(RedisSharedPresence.class);

    /**
     * {@code heartbeat}: how long an instance counts as alive after its last publish (publish well within it), and how
     * long a session the log holds open may be unknown to every instance before it counts as lost (a session that
     * started a moment ago on a live instance is not published yet). {@code ownership}: how long a dead instance's
     * sessions stay readable, for survivors and for instances that start later.
     */
    public record Timings(Duration heartbeat, Duration ownership) {
        public static final Timings DEFAULT = new Timings(Duration.ofSeconds(10), Duration.ofHours(1));

        public Timings {
            if (heartbeat.toMillis() < 100 || ownership.compareTo(heartbeat) <= 0) {
                throw new IllegalArgumentException("the heartbeat must be at least 100 ms and shorter than ownership");
            }
        }
    }

    /** What the instances said, as read at one moment. */
    private record View(Map<SessionId, Presence> alive, Set<SessionId> servedByDead, boolean aliveListsComplete,
                        long readAtNanos) {}

    private final RedisCommands<String, byte[]> redis;
    private final String prefix;
    private final UUID self;
    private final Timings timings;
    private final Clock clock;
    private final Map<SessionId, Instant> unknownSince = new ConcurrentHashMap<>();
    private volatile Set<SessionId> own = Set.of();
    private volatile View recent;
    private volatile boolean warnedPartial;
    private volatile boolean unreadable;

    /** {@code clock} measures real time (Redis expires keys in real time): not a clock a test stopped. */
    public RedisSharedPresence(RedisConnections connections, String prefix, UUID self, Timings timings, Clock clock) {
        this.redis = connections.commands().sync();
        this.prefix = prefix;
        this.self = self;
        this.timings = timings;
        this.clock = clock;
    }

    public UUID instance() {
        return self;
    }

    @Override
    public void publish(Collection<Presence> local) {
        own = local.stream().map(Presence::session).collect(Collectors.toUnmodifiableSet());
        boolean complete = local.size() <= MAX_SESSIONS;
        var published = complete ? local : local.stream()
                .sorted(Comparator.comparing(Presence::lastSeen).reversed()).limit(MAX_SESSIONS).toList();
        if (!complete && !warnedPartial) {
            warnedPartial = true;
            LOG.warn("This instance serves {} sessions; it publishes the {} most recently active (others then cannot tell "
                    + "when a session is served by no instance, only when its instance died)", local.size(), MAX_SESSIONS);
        }
        long now = clock.millis();
        // Presence before the heartbeat: whoever sees this instance alive also sees what it serves now.
        redis.set(presenceKey(self), PresenceRecords.write(published, complete), SetArgs.Builder.px(timings.ownership().toMillis()));
        redis.set(heartbeatKey(self), bytes(Long.toString(now)), SetArgs.Builder.px(timings.heartbeat().toMillis()));
        redis.zadd(instancesKey(), (double) now, bytes(self.toString()));
        redis.zremrangebyscore(instancesKey(), Range.create(Double.NEGATIVE_INFINITY,
                (double) (now - timings.ownership().toMillis())));
    }

    /** Only for showing: without Redis it is empty (who's online still lists everyone, from the log). */
    @Override
    public Map<SessionId, Presence> others() {
        var view = recent;
        if (view != null && System.nanoTime() - view.readAtNanos() <= OTHERS_FRESH_FOR.toNanos()) return view.alive();
        try {
            var alive = read().alive();
            unreadable = false;
            return alive;
        } catch (RuntimeException e) {
            if (!unreadable) LOG.warn("Cannot read the other instances' presence; who's online shows no activity for their callers", e);
            unreadable = true;
            return Map.of();
        }
    }

    /** Throws when Redis cannot be read: a session is never taken for lost for want of an answer. */
    @Override
    public Set<SessionId> lost(Collection<SessionId> open) {
        var view = read();
        var mine = own;
        var now = clock.instant();
        var lost = new HashSet<SessionId>();
        var unknown = new HashSet<SessionId>();
        for (var session : open) {
            if (mine.contains(session) || view.alive().containsKey(session)) continue;
            if (view.servedByDead().contains(session)) {
                lost.add(session);
                continue;
            }
            // Served by no instance we know of: a login a moment ago whose instance has not published yet, or an
            // instance that died before it could, or whose presence expired. Lost once that has lasted a heartbeat TTL.
            unknown.add(session);
            var since = unknownSince.computeIfAbsent(session, s -> now);
            if (view.aliveListsComplete() && !now.isBefore(since.plus(timings.heartbeat()))) lost.add(session);
        }
        unknownSince.keySet().retainAll(unknown);
        return lost;
    }

    /** Graceful stop: the others see this instance leave at once rather than a heartbeat TTL later. */
    public void withdraw() {
        redis.del(heartbeatKey(self), presenceKey(self));
        redis.zrem(instancesKey(), bytes(self.toString()));
    }

    private View read() {
        var ids = new ArrayList<UUID>();
        for (var member : redis.zrevrange(instancesKey(), 0, MAX_INSTANCES)) {     // inclusive: room for this one
            var id = uuid(new String(member, StandardCharsets.UTF_8));
            if (id != null && !id.equals(self) && ids.size() < MAX_INSTANCES) ids.add(id);
        }
        var alive = new HashMap<SessionId, Presence>();
        var servedByDead = new HashSet<SessionId>();
        boolean complete = true;
        if (!ids.isEmpty()) {
            var beats = redis.mget(ids.stream().map(this::heartbeatKey).toArray(String[]::new));
            var living = beats.stream().filter(KeyValue::hasValue).map(KeyValue::getKey).collect(Collectors.toSet());
            for (var id : ids) {
                var value = redis.getrange(presenceKey(id), 0, MAX_BYTES);   // inclusive: one byte more says "cut"
                boolean isAlive = living.contains(heartbeatKey(id));
                if (value == null || value.length == 0) {
                    if (isAlive) complete = false;                 // alive, but what it serves is unknown
                    continue;
                }
                boolean cut = value.length > MAX_BYTES;
                var read = PresenceRecords.read(cut ? Arrays.copyOf(value, MAX_BYTES) : value, cut, MAX_SESSIONS);
                if (isAlive) {
                    complete &= read.complete();
                    read.sessions().forEach(p -> alive.merge(p.session(), p,
                            (a, b) -> a.lastSeen().isAfter(b.lastSeen()) ? a : b));   // a web session used on two
                } else {
                    read.sessions().forEach(p -> servedByDead.add(p.session()));
                }
            }
        }
        var view = new View(Map.copyOf(alive), Set.copyOf(servedByDead), complete, System.nanoTime());
        recent = view;
        return view;
    }

    private String instancesKey() {
        return prefix + "instances";
    }

    private String heartbeatKey(UUID id) {
        return prefix + "instance:" + id;
    }

    private String presenceKey(UUID id) {
        return prefix + "presence:" + id;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static UUID uuid(String text) {
        try {
            return text.length() == 36 ? UUID.fromString(text) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

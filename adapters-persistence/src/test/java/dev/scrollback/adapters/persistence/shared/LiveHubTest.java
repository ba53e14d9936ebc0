package dev.scrollback.adapters.persistence.shared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.application.live.LiveHub;
import dev.scrollback.application.live.LiveItem;
import dev.scrollback.application.live.LiveInterest;
import dev.scrollback.application.live.LiveStream;
import dev.scrollback.application.shared.ExpectedVersion;
import dev.scrollback.application.shared.StreamAppend;
import dev.scrollback.domain.accounts.AccountEvent.EmailVerified;
import dev.scrollback.domain.sessions.SessionEvent.SessionStarted;
import dev.scrollback.domain.sessions.Terminal;
import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.DomainEvent;
import dev.scrollback.domain.shared.RemoteAddress;
import dev.scrollback.domain.shared.SessionId;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live delivery on a real embedded store (issue 5 item 3): a client resuming from any position gets every event after
 * it that concerns it — from the store beyond the hub's ring, then from the ring, then live — in position order, with
 * no gap and no duplicate, also while others append; a client that stops reading is cut off, not waited for; the
 * public view leaves out personal data.
 */
class LiveHubTest {
    static final int RING = 16;
    /** Each client on its own thread: the common pool has one thread on a 2-core machine, and clients block. */
    static final ExecutorService THREADS = Executors.newVirtualThreadPerTaskExecutor();

    @TempDir
    Path dataDirectory;

    EventStore store;
    LiveHub hub;

    @BeforeEach
    void open() {
        store = EventStore.open(new StoreSettings.Embedded(dataDirectory));
        hub = new LiveHub(store.liveSource(), RING);
    }

    @AfterEach
    void close() {
        hub.close();
        store.close();
    }

    @Test
    void a_client_from_position_zero_gets_every_event_from_the_store_the_ring_and_live_in_order() throws Exception {
        appendVerified(100);                                      // before the hub starts: the store only
        hub.start();
        appendVerified(50);                                       // 50 > RING: some only in the store, some in the ring
        var client = new Recorder();
        var stream = new LiveStream(hub);
        var running = started(stream, 0, client);

        client.await(() -> client.caughtUpSeen);
        appendVerified(30);                                       // live
        client.await(() -> client.positions().size() == 180);
        stream.stop();

        assertThat(running.get(10, TimeUnit.SECONDS)).isInstanceOf(LiveStream.End.Gone.class);
        assertThat(client.positions()).isEqualTo(allPositions());
        assertThat(client.caughtUpAt).isGreaterThanOrEqualTo(150);
    }

    @Test
    void resuming_while_others_append_misses_nothing_and_repeats_nothing() throws Exception {
        hub.start();
        appendVerified(40);
        var appender = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 20; i++) appendVerified(10);
        }, THREADS);
        var client = new Recorder();
        client.slowDown = Duration.ofMillis(1);                   // catching up is paced by the client
        var stream = new LiveStream(hub);
        var running = started(stream, 7, client);
        appender.get(60, TimeUnit.SECONDS);
        client.await(() -> client.positions().size() == allPositions().size() - 7);
        stream.stop();
        running.get(10, TimeUnit.SECONDS);

        assertThat(client.positions()).isEqualTo(allPositions().subList(7, allPositions().size()));
    }

    @Test
    void only_the_events_that_concern_the_client_are_sent_and_the_view_has_no_address() throws Exception {
        hub.start();
        var session = new SessionId(UUID.randomUUID());
        append(new SessionStarted(session, SampleEvents.ACCOUNT, SampleEvents.ALICE, Channel.TELNET,
                Optional.of(new RemoteAddress("192.0.2.44")), Optional.of(new Terminal("xterm", 80, 24)), SampleEvents.T0));
        appendVerified(5);
        var client = new Recorder();
        var stream = new LiveStream(hub);
        var running = started(stream, 0, event -> event.event() instanceof SessionStarted, client, Duration.ofSeconds(5));
        client.await(() -> client.items.size() == 1);
        stream.stop();
        running.get(10, TimeUnit.SECONDS);

        assertThat(client.items).singleElement().satisfies(item -> {
            assertThat(item.view().type()).isEqualTo("SessionStarted");
            assertThat(item.view().data().value()).contains("\"handle\":\"Alice\"", "xterm").doesNotContain("192.0.2.44")
                    .doesNotContain("address");
            assertThat(item.view().origin().address()).isEmpty();
        });
        var feed = store.eventFeed().after(0, 10).getFirst();
        assertThat(feed.data().value()).as("the sysop's feed keeps it").contains("192.0.2.44");
    }

    @Test
    void a_client_that_stops_reading_is_cut_off_and_told_where_to_resume_while_others_go_on() throws Exception {
        hub.start();
        var stuck = new Recorder();
        stuck.blockAfterFirst = new CountDownLatch(1);
        var healthy = new Recorder();
        var stuckStream = new LiveStream(hub);
        var healthyStream = new LiveStream(hub);
        var stuckRun = started(stuckStream, hub.head(), stuck);
        var healthyRun = started(healthyStream, hub.head(), healthy);
        stuck.await(() -> stuck.caughtUpAt >= 0 && stuck.caughtUpSeen);
        healthy.await(() -> healthy.caughtUpSeen);

        appendVerified(LiveStream.QUEUE + 50);                  // more than a queue behind
        healthy.await(() -> healthy.positions().size() == LiveStream.QUEUE + 50);
        stuck.blockAfterFirst.countDown();

        assertThat(stuckRun.get(30, TimeUnit.SECONDS)).isInstanceOfSatisfying(LiveStream.End.TooSlow.class,
                slow -> assertThat(slow.lastSent()).isEqualTo(stuck.positions().getLast()));
        assertThat(hub.clients()).isEqualTo(1);
        healthyStream.stop();
        healthyRun.get(10, TimeUnit.SECONDS);
        assertThat(hub.clients()).isZero();
    }

    @Test
    void a_client_whose_missed_events_in_the_ring_exceed_its_queue_catches_up_from_the_store_instead_of_looping()
            throws Exception {
        hub.start();
        appendVerified(20);                                       // the ring (16) holds 5..20
        awaitHead(allPositions().getLast());                      // else the follower may bring them live, a burst
        var client = new Recorder();
        var stream = new LiveStream(hub, 4);                      // far less than the 12 it missed
        var running = started(stream, 8, event -> event.event() instanceof EmailVerified, client, Duration.ofSeconds(5));
        client.await(() -> client.caughtUpSeen);
        appendVerified(3);
        client.await(() -> client.positions().size() == 15);
        stream.stop();

        assertThat(running.get(10, TimeUnit.SECONDS)).isInstanceOf(LiveStream.End.Gone.class);
        assertThat(client.positions()).isEqualTo(allPositions().subList(8, 23));
    }

    @Test
    void a_position_the_log_has_not_reached_is_refused() throws Exception {
        hub.start();
        appendVerified(3);
        var end = new LiveStream(hub).run(1_000, event -> true, new Recorder(), Duration.ofSeconds(1));
        assertThat(end).isEqualTo(new LiveStream.End.BeyondLog(3));
    }

    @Test
    void a_quiet_client_gets_heartbeats_with_the_head_position() throws Exception {
        hub.start();
        appendVerified(2);
        var client = new Recorder();
        var stream = new LiveStream(hub);
        var running = started(stream, 0, event -> false, client, Duration.ofMillis(20));
        client.await(() -> client.heartbeats.size() >= 2);
        stream.stop();
        running.get(10, TimeUnit.SECONDS);
        assertThat(client.items).isEmpty();
        assertThat(client.heartbeats).allSatisfy(head -> assertThat(head).isEqualTo(2));
    }

    @Test
    void a_client_that_takes_pushed_items_gets_every_event_in_order_across_catching_up_and_live() throws Exception {
        hub.start();
        appendVerified(40);
        var appender = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 30; i++) appendVerified(10);
        }, THREADS);
        var client = new Recorder();
        client.pushing = true;
        client.slowDown = Duration.ofMillis(1);                   // so that live items queue up while it catches up
        var stream = new LiveStream(hub);
        var running = started(stream, 3, client);
        appender.get(60, TimeUnit.SECONDS);
        client.await(() -> client.caughtUpSeen);
        awaitPushing();                                           // what was queued meanwhile is sent first
        assertThat(running.get(10, TimeUnit.SECONDS)).as("the client's thread is done once pushed to")
                .isInstanceOf(LiveStream.End.Pushed.class);
        appendVerified(25);                                       // so these are surely pushed
        client.await(() -> client.positions().size() == allPositions().size() - 3);
        stream.stop();

        assertThat(client.positions()).isEqualTo(allPositions().subList(3, allPositions().size()));
        assertThat(client.pushed.get()).as("live items were pushed, not sent by the client's thread").isGreaterThanOrEqualTo(25);
        assertThat(hub.clients()).isZero();
        assertThat(client.ended).as("stopped by its transport, so not told").isNull();
    }

    @Test
    void a_pushed_client_whose_queue_is_full_is_cut_off_and_told_the_last_position_it_took() throws Exception {
        hub.start();
        var client = new Recorder();
        client.pushing = true;
        client.pushLimit = 5;                                     // takes five, then says its queue is full
        var stream = new LiveStream(hub);
        var running = started(stream, hub.head(), client);
        client.await(() -> client.caughtUpSeen);
        awaitPushing();
        assertThat(running.get(30, TimeUnit.SECONDS)).isInstanceOf(LiveStream.End.Pushed.class);
        appendVerified(10);

        client.await(() -> client.ended != null);
        assertThat(client.ended).isInstanceOfSatisfying(LiveStream.End.TooSlow.class,
                slow -> assertThat(slow.lastSent()).isEqualTo(allPositions().get(4)));
        assertThat(client.positions()).isEqualTo(allPositions().subList(0, 5));
        assertThat(hub.clients()).isZero();
    }

    @Test
    void a_pushed_client_that_does_not_take_a_heartbeat_is_cut_off_at_the_last_position_it_took() throws Exception {
        hub.start();
        appendVerified(3);
        var client = new Recorder();
        client.pushing = true;
        client.refuseHeartbeats = true;
        var stream = new LiveStream(hub);
        var running = started(stream, 1, event -> event.event() instanceof EmailVerified, client, Duration.ofMillis(20));
        assertThat(running.get(30, TimeUnit.SECONDS)).isInstanceOf(LiveStream.End.Pushed.class);

        client.await(() -> client.ended != null);
        assertThat(client.ended).isInstanceOfSatisfying(LiveStream.End.TooSlow.class,
                slow -> assertThat(slow.lastSent()).isEqualTo(3));
        assertThat(hub.clients()).isZero();
    }

    @Test
    void closing_the_hub_tells_pushed_clients_that_the_stream_is_over() throws Exception {
        hub.start();
        var client = new Recorder();
        client.pushing = true;
        var stream = new LiveStream(hub);
        var running = started(stream, hub.head(), client);
        assertThat(running.get(30, TimeUnit.SECONDS)).isInstanceOf(LiveStream.End.Pushed.class);

        hub.close();

        assertThat(client.ended).isInstanceOf(LiveStream.End.Gone.class);
        assertThat(hub.clients()).isZero();
    }

    @Test
    void a_quiet_pushed_client_gets_heartbeats_with_the_head_position() throws Exception {
        hub.start();
        appendVerified(2);
        var client = new Recorder();
        client.pushing = true;
        var stream = new LiveStream(hub);
        var running = started(stream, 2, event -> event.event() instanceof EmailVerified, client, Duration.ofMillis(20));
        client.await(() -> client.heartbeats.size() >= 2);
        appendVerified(1);
        client.await(() -> client.pushed.get() == 1);
        client.await(() -> client.heartbeats.contains(3L));
        stream.stop();
        assertThat(running.get(10, TimeUnit.SECONDS)).isInstanceOf(LiveStream.End.Pushed.class);
        assertThat(client.positions()).containsExactly(3L);
        assertThat(client.heartbeats).containsOnly(2L, 3L);
    }

    @Test
    void a_client_resuming_from_a_position_the_follower_has_not_reached_gets_nothing_twice() throws Exception {
        hub.start();
        appendVerified(50);                                       // the store has them at once; the follower soon
        var client = new Recorder();
        var stream = new LiveStream(hub);
        var running = started(stream, 50, client);
        client.await(() -> client.caughtUpSeen);
        appendVerified(1);
        client.await(() -> !client.items.isEmpty());
        stream.stop();
        running.get(10, TimeUnit.SECONDS);
        assertThat(client.positions()).containsExactly(51L);
    }

    /** Until the hub's follower has handed out everything up to {@code position}. */
    private void awaitHead(long position) throws InterruptedException {
        eventually(() -> hub.head() >= position, () -> "the follower never reached " + position);
    }

    /** Until the hub pushes to the client: it switches once the client's thread found nothing queued. */
    private void awaitPushing() throws InterruptedException {
        eventually(() -> hub.pushedClients() > 0, () -> "the hub never pushed to the client");
    }

    /** Waits up to 30 s for {@code condition}; fails saying {@code why} otherwise. */
    static void eventually(BooleanSupplier condition, Supplier<String> why) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError(why.get());
            Thread.sleep(5);
        }
    }

    private static LiveStream.End run(LiveStream stream, long after, LiveInterest interest, Recorder client, Duration heartbeat) {
        try {
            return stream.run(after, interest, client, heartbeat);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CompletableFuture<LiveStream.End> started(LiveStream stream, long after, Recorder client) {
        return started(stream, after, event -> event.event() instanceof EmailVerified, client, Duration.ofSeconds(5));
    }

    /** The stream, run on one of the test's threads. */
    private static CompletableFuture<LiveStream.End> started(LiveStream stream, long after, LiveInterest interest,
                                                             Recorder client, Duration heartbeat) {
        return CompletableFuture.supplyAsync(() -> run(stream, after, interest, client, heartbeat), THREADS);
    }

    private List<Long> allPositions() {
        var positions = new ArrayList<Long>();
        long after = 0;
        while (true) {
            var page = store.eventLog().readAfter(after, 500);
            if (page.isEmpty()) return positions;
            page.forEach(event -> positions.add(event.position()));
            after = page.getLast().position();
        }
    }

    private void appendVerified(int count) {
        for (int i = 0; i < count; i++) append(new EmailVerified(SampleEvents.ACCOUNT, Instant.EPOCH.plusSeconds(i)));
    }

    private void append(DomainEvent event) {
        store.eventLog().append(new StreamAppend(SampleEvents.streamOf(event), ExpectedVersion.any(), List.of(event)),
                SampleEvents.metadata());
    }

    /** A client: records what it is sent; may be slow, or stop reading after its first item. */
    static final class Recorder implements LiveStream.Sink {
        final List<LiveItem> items = new CopyOnWriteArrayList<>();
        final List<Long> heartbeats = new CopyOnWriteArrayList<>();
        volatile long caughtUpAt = -1;
        volatile boolean caughtUpSeen;
        volatile Duration slowDown = Duration.ZERO;
        volatile CountDownLatch blockAfterFirst;
        /** Takes live items pushed by the hub once caught up (as a WebSocket does), up to {@link #pushLimit}. */
        volatile boolean pushing;
        volatile int pushLimit = Integer.MAX_VALUE;
        final AtomicInteger pushed = new AtomicInteger();
        volatile boolean refuseHeartbeats;
        /** How a pushed stream ended, when the hub said so. */
        volatile LiveStream.End ended;

        @Override
        public void ended(LiveStream.End end) {
            assertThat(ended).as("told once").isNull();
            ended = end;
        }

        @Override
        public boolean pushes() {
            return pushing;
        }

        @Override
        public boolean push(LiveItem item) {
            if (items.size() >= pushLimit) return false;
            items.add(item);
            pushed.incrementAndGet();
            return true;
        }

        @Override
        public boolean send(LiveItem item) {
            if (!items.isEmpty() && blockAfterFirst != null) {
                try {
                    blockAfterFirst.await();
                } catch (InterruptedException e) {
                    return false;
                }
            }
            items.add(item);
            if (!slowDown.isZero()) {
                try {
                    Thread.sleep(slowDown);
                } catch (InterruptedException e) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public boolean idle(long head) {
            if (refuseHeartbeats) return false;
            heartbeats.add(head);
            return true;
        }

        @Override
        public boolean caughtUp(long position) {
            caughtUpAt = position;
            caughtUpSeen = true;
            return true;
        }

        List<Long> positions() {
            return items.stream().map(LiveItem::position).toList();
        }

        void await(BooleanSupplier condition) throws InterruptedException {
            eventually(condition, () -> "gave up waiting; got " + positions());
        }
    }
}

package dev.scrollback.application.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrollback.application.accounts.AccessDenied;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.shared.Actor;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.RateLimited;
import dev.scrollback.application.shared.StreamId;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.shared.InvalidValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.Test;

class FollowFeedServiceTest {
    /** A log in memory that rings its watchers on each append. */
    static final class Log implements EventFeed, FeedTail {
        final List<FeedItem> items = new CopyOnWriteArrayList<>();
        final List<LongConsumer> watchers = new CopyOnWriteArrayList<>();
        final List<Long> reads = new CopyOnWriteArrayList<>();

        void append(String type, String stream) {
            synchronized (this) {
                var item = new FeedItem(items.size() + 1, UUID.randomUUID(), type, 1, new StreamId(stream), 0,
                        Instant.parse("2025-03-01T20:00:00Z"), Actor.system(), Origin.system(), UUID.randomUUID(),
                        Optional.empty(), new JsonText("{}"));
                items.add(item);
                watchers.forEach(w -> w.accept(item.position()));
            }
        }

        @Override
        public List<FeedItem> after(long after, int limit) {
            reads.add(after);
            return items.stream().filter(i -> i.position() > after).limit(limit).toList();
        }

        @Override
        public long lastPosition() {
            return items.size();
        }

        @Override
        public EventLog.Subscription watch(LongConsumer moved) {
            watchers.add(moved);
            return () -> watchers.remove(moved);
        }
    }

    /** Hands each item to a queue, as a client that keeps up. */
    static final class Client implements FollowFeed.Sink {
        final LinkedBlockingQueue<Object> got = new LinkedBlockingQueue<>();

        @Override
        public boolean send(FeedItem item) {
            return got.add(item.position());
        }

        @Override
        public boolean flush() {
            return true;
        }

        @Override
        public boolean heartbeat() {
            return got.add("heartbeat");
        }

        List<Object> take(int n) throws InterruptedException {
            var taken = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                var next = got.poll(5, TimeUnit.SECONDS);
                assertThat(next).as("item %d of %d", i + 1, n).isNotNull();
                taken.add(next);
            }
            return taken;
        }
    }

    final Log log = new Log();
    final FollowFeedService service = new FollowFeedService(log, log, 2);
    final Caller sysop = ReadFeedServiceTest.holding(Role.SYSOP, Role.MEMBER);

    Thread running(FollowFeed.Following following, FollowFeed.Sink sink, Duration heartbeat) {
        return Thread.ofVirtual().start(() -> {
            try {
                following.run(sink, heartbeat);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Test
    void catches_up_page_by_page_then_follows_appends_with_no_gap_and_no_duplicate() throws Exception {
        for (int i = 0; i < 1_200; i++) log.append("ChatMessageSent", "chatroom-1");
        var client = new Client();
        try (var following = service.open(sysop, 100, FeedFilter.EVERYTHING)) {
            var thread = running(following, client, Duration.ofMinutes(1));
            var caughtUp = client.take(1_100);
            log.append("ChatMessageSent", "chatroom-1");
            log.append("BoardCreated", "board-2");
            var live = client.take(2);
            following.stop();
            thread.join(5_000);
            var all = new ArrayList<>(caughtUp);
            all.addAll(live);
            assertThat(all).containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(101, 1_202).boxed().toList());
            assertThat(client.got).isEmpty();
        }
        assertThat(log.reads).contains(100L, 600L, 1_100L);   // pages of 500 from the store, never the whole log
    }

    @Test
    void the_filter_keeps_only_the_types_and_categories_asked_for() throws Exception {
        log.append("ChatMessageSent", "chatroom-1");
        log.append("MessagePosted", "thread-1");
        log.append("PluginEnabled", "plugin-1");
        log.append("ChatJoined", "chatroom-1");
        var client = new Client();
        var filter = new FeedFilter(Set.of("ChatMessageSent", "PluginEnabled", "MessagePosted"), Set.of("chatroom", "plugin"));
        try (var following = service.open(sysop, 0, filter)) {
            var thread = running(following, client, Duration.ofMinutes(1));
            assertThat(client.take(2)).containsExactly(1L, 3L);
            log.append("MessagePosted", "thread-2");
            log.append("ChatMessageSent", "chatroom-2");
            assertThat(client.take(1)).containsExactly(6L);
            following.stop();
            thread.join(5_000);
        }
    }

    @Test
    void news_of_an_event_the_store_does_not_show_yet_is_read_again_until_it_does() throws Exception {
        var client = new Client();
        try (var following = service.open(sysop, 0, FeedFilter.EVERYTHING)) {
            var thread = running(following, client, Duration.ofMinutes(1));
            while (log.watchers.isEmpty()) Thread.sleep(5);
            log.watchers.forEach(w -> w.accept(1));            // the tail is ahead of the store
            Thread.sleep(100);
            log.watchers.clear();                               // and tells nothing more: the stream reads on its own
            log.append("ChatMessageSent", "chatroom-1");
            assertThat(client.take(1)).containsExactly(1L);
            following.stop();
            thread.join(5_000);
        }
    }

    @Test
    void a_quiet_stream_says_heartbeat() throws Exception {
        var client = new Client();
        try (var following = service.open(sysop, 0, FeedFilter.EVERYTHING)) {
            var thread = running(following, client, Duration.ofMillis(50));
            assertThat(client.take(2)).containsExactly("heartbeat", "heartbeat");
            following.stop();
            thread.join(5_000);
            assertThat(thread.isAlive()).isFalse();
        }
    }

    @Test
    void a_client_that_has_gone_ends_the_run_and_its_stream_is_given_back() throws Exception {
        log.append("ChatMessageSent", "chatroom-1");
        var following = service.open(sysop, 0, FeedFilter.EVERYTHING);
        assertThat(service.open(sysop.account())).isEqualTo(1);
        long last = following.run(new FollowFeed.Sink() {
            @Override public boolean send(FeedItem item) { return false; }
            @Override public boolean flush() { return false; }
            @Override public boolean heartbeat() { return false; }
        }, Duration.ofSeconds(1));
        assertThat(last).isZero();
        following.close();
        following.close();
        assertThat(service.open(sysop.account())).isZero();
        assertThat(log.watchers).isEmpty();
    }

    @Test
    void at_most_so_many_streams_per_account() {
        var one = service.open(sysop, 0, FeedFilter.EVERYTHING);
        var two = service.open(sysop, 0, FeedFilter.EVERYTHING);
        assertThatThrownBy(() -> service.open(sysop, 0, FeedFilter.EVERYTHING)).isInstanceOf(RateLimited.class);
        var other = ReadFeedServiceTest.holding(Role.SYSOP);
        service.open(other, 0, FeedFilter.EVERYTHING).close();
        one.close();
        service.open(sysop, 0, FeedFilter.EVERYTHING).close();
        two.close();
    }

    @Test
    void refuses_callers_who_may_not_read_the_feed_and_positions_the_log_has_not_reached() {
        var member = ReadFeedServiceTest.holding(Role.MEMBER);
        assertThatThrownBy(() -> service.open(member, 0, FeedFilter.EVERYTHING)).isInstanceOf(AccessDenied.class);
        assertThat(service.mayFollow(member)).isFalse();
        assertThat(service.mayFollow(sysop)).isTrue();
        log.append("ChatMessageSent", "chatroom-1");
        assertThatThrownBy(() -> service.open(sysop, 2, FeedFilter.EVERYTHING)).isInstanceOf(InvalidValue.class)
                .hasMessageContaining("last position 1");
        assertThatThrownBy(() -> service.open(sysop, -1, FeedFilter.EVERYTHING)).isInstanceOf(InvalidValue.class);
        assertThat(service.open(sysop.account())).isZero();
    }
}

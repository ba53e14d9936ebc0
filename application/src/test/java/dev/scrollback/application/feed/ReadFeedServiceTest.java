package dev.scrollback.application.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.scrollback.application.accounts.AccessDenied;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.shared.Actor;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.StreamId;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.InvalidValue;
import dev.scrollback.domain.shared.SessionId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReadFeedServiceTest {
    record Request(long after, int limit) {}

    /** A feed holding positions 1..stored (positions 4 and 5 missing: gaps are allowed). */
    final long stored = 12;
    final List<Request> requests = new ArrayList<>();
    final EventFeed feed = (after, limit) -> {
        requests.add(new Request(after, limit));
        return LongStream.rangeClosed(1, stored).filter(p -> p != 4 && p != 5).filter(p -> p > after).limit(limit)
                .mapToObj(ReadFeedServiceTest::item).toList();
    };
    final ReadFeed readFeed = new ReadFeedService(feed);

    static FeedItem item(long position) {
        return new FeedItem(position, UUID.randomUUID(), "AccountRegistered", 1, new StreamId("account-" + position), 0,
                Instant.parse("2025-03-01T20:00:00Z"), Actor.system(), Origin.system(), UUID.randomUUID(), Optional.empty(),
                new JsonText("{}"));
    }

    static Caller holding(Role... roles) {
        return new Caller(new AccountId(UUID.randomUUID()), new Handle("someone"), new SessionId(UUID.randomUUID()), Set.of(roles));
    }

    final Caller sysop = holding(Role.SYSOP, Role.MEMBER);

    @Test
    void a_sysop_reads_from_the_start() {
        var page = readFeed.read(sysop, 0, 3);
        assertThat(page.events()).extracting(FeedItem::position).containsExactly(1L, 2L, 3L);
        assertThat(page.next()).isEqualTo(3);
        assertThat(requests).containsExactly(new Request(0, 3));
    }

    @Test
    void next_continues_where_the_page_ended_across_gaps() {
        var first = readFeed.read(sysop, 0, 3);
        var second = readFeed.read(sysop, first.next(), 3);
        assertThat(second.events()).extracting(FeedItem::position).containsExactly(6L, 7L, 8L);
        assertThat(second.next()).isEqualTo(8);
    }

    @Test
    void at_the_end_next_stays_where_it_was_so_polling_picks_up_new_events() {
        var last = readFeed.read(sysop, 10, 100);
        assertThat(last.events()).extracting(FeedItem::position).containsExactly(11L, 12L);
        assertThat(last.next()).isEqualTo(12);
        var empty = readFeed.read(sysop, 12, 100);
        assertThat(empty.events()).isEmpty();
        assertThat(empty.next()).isEqualTo(12);
        assertThat(readFeed.read(sysop, 500, 100).next()).isEqualTo(500);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 100, 1000})
    void limits_from_1_to_1000_are_passed_on(int limit) {
        readFeed.read(sysop, 0, limit);
        assertThat(requests).containsExactly(new Request(0, limit));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 1001, Integer.MAX_VALUE, Integer.MIN_VALUE})
    void other_limits_are_refused_without_reading(int limit) {
        assertThatThrownBy(() -> readFeed.read(sysop, 0, limit))
                .isInstanceOf(InvalidValue.class)
                .satisfies(e -> assertThat(((InvalidValue) e).field()).isEqualTo("limit"));
        assertThat(requests).isEmpty();
    }

    @Test
    void a_negative_position_is_refused() {
        assertThatThrownBy(() -> readFeed.read(sysop, -1, 10))
                .isInstanceOf(InvalidValue.class)
                .satisfies(e -> assertThat(((InvalidValue) e).field()).isEqualTo("after"));
    }

    @Test
    void callers_who_are_not_sysops_are_denied_before_anything_is_read() {
        for (var caller : List.of(holding(Role.MEMBER), holding(Role.GUEST), holding(Role.MODERATOR, Role.AUDITOR, Role.MEMBER))) {
            var denied = catchThrowableOfType(AccessDenied.class, () -> readFeed.read(caller, 0, 10));
            assertThat(denied.reason()).isEqualTo(new AccessDenied.NeedsRole(Set.of(Role.SYSOP)));
        }
        assertThat(requests).isEmpty();
    }

    @Test
    void access_is_checked_before_the_arguments() {
        assertThatThrownBy(() -> readFeed.read(holding(Role.MEMBER), -1, 0)).isInstanceOf(AccessDenied.class);
    }
}

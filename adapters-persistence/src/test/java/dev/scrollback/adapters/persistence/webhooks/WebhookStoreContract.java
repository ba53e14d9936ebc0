package dev.scrollback.adapters.persistence.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.persistence.shared.StoreSettings;
import dev.scrollback.application.webhooks.DeliveryAttempt;
import dev.scrollback.application.webhooks.Subscription;
import dev.scrollback.application.webhooks.WebhookSecret;
import dev.scrollback.domain.webhooks.WebhookDescription;
import dev.scrollback.domain.webhooks.WebhookFilter;
import dev.scrollback.domain.webhooks.WebhookId;
import dev.scrollback.domain.webhooks.WebhookState.Status;
import dev.scrollback.domain.webhooks.WebhookUrl;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every webhook store does, on each database. */
abstract class WebhookStoreContract {
    static final Instant T0 = Instant.parse("2031-05-01T12:00:00.123456789Z");
    static final WebhookSecret SECRET = secret(1);
    static final WebhookSecret NEXT = secret(2);

    protected abstract StoreSettings settings();

    static WebhookSecret secret(int fill) {
        var bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) fill);
        return new WebhookSecret("whsec_" + Base64.getEncoder().encodeToString(bytes));
    }

    static Subscription subscription(long cursor) {
        return new Subscription(new WebhookId(UUID.randomUUID()), new WebhookUrl("https://hooks.example.org/in?t=1"),
                new WebhookFilter(Set.of("MessagePosted", "AccountRegistered"), Set.of("thread")),
                new WebhookDescription("CRM — sync"), Status.ACTIVE, cursor, T0, Optional.empty());
    }

    @Test
    void a_subscription_reads_back_as_written_with_its_secret() {
        try (var store = JdbcWebhookStore.open(settings())) {
            var s = subscription(7);
            store.add(s, SECRET);
            assertThat(store.find(s.id())).contains(s);
            assertThat(store.all()).containsExactly(s);
            assertThat(store.secrets(s.id()).orElseThrow().signingAt(T0)).containsExactly(SECRET);
            assertThat(store.find(new WebhookId(UUID.randomUUID()))).isEmpty();
        }
    }

    @Test
    void the_cursor_moves_forward_only_and_clears_failures() {
        try (var store = JdbcWebhookStore.open(settings())) {
            var s = subscription(7);
            store.add(s, SECRET);
            var failing = new Subscription.Failing(9, T0, 3, T0.plusSeconds(40), "HTTP 503");
            store.failing(s.id(), failing);
            assertThat(store.find(s.id()).orElseThrow().failing()).contains(failing);
            assertThat(store.find(s.id()).orElseThrow().dueAt(T0)).isFalse();
            store.acknowledged(s.id(), 9);
            var now = store.find(s.id()).orElseThrow();
            assertThat(now.cursor()).isEqualTo(9);
            assertThat(now.failing()).isEmpty();
            store.acknowledged(s.id(), 8);                          // a late, older acknowledgement changes nothing
            assertThat(store.find(s.id()).orElseThrow().cursor()).isEqualTo(9);
        }
    }

    @Test
    void disabling_keeps_the_failure_and_resuming_forgets_it() {
        try (var store = JdbcWebhookStore.open(settings())) {
            var s = subscription(0);
            store.add(s, SECRET);
            store.failing(s.id(), new Subscription.Failing(3, T0, 80, T0, "connection refused"));
            store.status(s.id(), Status.DISABLED);
            assertThat(store.find(s.id()).orElseThrow().failing()).isPresent();
            store.status(s.id(), Status.ACTIVE);
            var resumed = store.find(s.id()).orElseThrow();
            assertThat(resumed.status()).isEqualTo(Status.ACTIVE);
            assertThat(resumed.failing()).isEmpty();
            assertThat(resumed.cursor()).isZero();
        }
    }

    @Test
    void a_rotated_secret_signs_beside_the_new_one_until_it_expires() {
        try (var store = JdbcWebhookStore.open(settings())) {
            var s = subscription(0);
            store.add(s, SECRET);
            store.rotate(s.id(), NEXT, T0.plusSeconds(60));
            var secrets = store.secrets(s.id()).orElseThrow();
            assertThat(secrets.signingAt(T0)).containsExactly(NEXT, SECRET);
            assertThat(secrets.signingAt(T0.plusSeconds(60))).containsExactly(NEXT);
        }
    }

    @Test
    void one_holder_at_a_time_leases_a_subscription_until_it_expires_or_is_released() {
        try (var store = JdbcWebhookStore.open(settings())) {
            var s = subscription(0);
            store.add(s, SECRET);
            assertThat(store.lease(s.id(), "a", T0.plusSeconds(120), T0)).isTrue();
            assertThat(store.lease(s.id(), "b", T0.plusSeconds(130), T0.plusSeconds(10))).isFalse();
            assertThat(store.lease(s.id(), "a", T0.plusSeconds(200), T0.plusSeconds(10))).as("renewal").isTrue();
            assertThat(store.lease(s.id(), "b", T0.plusSeconds(300), T0.plusSeconds(201))).as("expired").isTrue();
            store.release(s.id(), "a");                              // not a's any more: nothing happens
            assertThat(store.lease(s.id(), "a", T0.plusSeconds(400), T0.plusSeconds(202))).isFalse();
            store.release(s.id(), "b");
            assertThat(store.lease(s.id(), "a", T0.plusSeconds(400), T0.plusSeconds(202))).isTrue();
        }
    }

    @Test
    void the_delivery_log_keeps_the_latest_attempts_newest_first_and_pages() {
        try (var store = JdbcWebhookStore.open(settings())) {
            var s = subscription(0);
            store.add(s, SECRET);
            for (int i = 1; i <= 12; i++) {
                store.record(new DeliveryAttempt(s.id(), T0.plusSeconds(i), i, UUID.randomUUID(), 1,
                        i % 2 == 0 ? Optional.of(200) : Optional.empty(), i % 2 == 0 ? Optional.empty()
                        : Optional.of("x".repeat(1000)), Duration.ofMillis(i), false), 10);
            }
            var newest = store.attempts(s.id(), Long.MAX_VALUE, 4);
            assertThat(newest).extracting(DeliveryAttempt.Logged::sequence).containsExactly(12L, 11L, 10L, 9L);
            assertThat(newest.getFirst().attempt().status()).contains(200);
            assertThat(newest.get(1).attempt().error().orElseThrow()).hasSize(DeliveryAttempt.MAX_ERROR);
            assertThat(store.attempts(s.id(), 9, 100)).extracting(DeliveryAttempt.Logged::sequence)
                    .containsExactly(8L, 7L, 6L, 5L, 4L, 3L);               // 1 and 2 pruned: 10 kept
            store.remove(s.id());
            assertThat(store.attempts(s.id(), Long.MAX_VALUE, 100)).isEmpty();
            store.record(new DeliveryAttempt(s.id(), T0, 1, UUID.randomUUID(), 1, Optional.of(200), Optional.empty(),
                    Duration.ZERO, false), 10);                              // after deletion: not kept
            assertThat(store.attempts(s.id(), Long.MAX_VALUE, 100)).isEmpty();
        }
    }

    @Test
    void a_second_opening_finds_what_the_first_wrote() {
        var s = subscription(5);
        try (var store = JdbcWebhookStore.open(settings())) {
            store.add(s, SECRET);
        }
        try (var store = JdbcWebhookStore.open(settings())) {
            assertThat(store.find(s.id())).contains(s);
        }
    }
}

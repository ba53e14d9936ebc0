package dev.scrollback.adapters.persistence.signingkeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.persistence.shared.EventStore;
import dev.scrollback.adapters.persistence.shared.StoreSettings;
import dev.scrollback.application.accounts.StoredSigningKey;
import dev.scrollback.application.accounts.StoredSigningKey.Pkcs8PrivateKey;
import dev.scrollback.application.accounts.StoredSigningKey.X509PublicKey;
import dev.scrollback.domain.accounts.SigningKeyId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** What every signing key store does, on each database the event store runs on. */
abstract class SigningKeyStoreContract {
    static final Instant T0 = Instant.parse("2025-03-01T20:00:00.123456789Z");

    protected abstract StoreSettings settings();

    static StoredSigningKey key(String kid, long generation, Instant at) {
        return new StoredSigningKey(new SigningKeyId(kid), generation, "ES256", at, Optional.empty(),
                Optional.of(new Pkcs8PrivateKey(("private " + kid).getBytes())), new X509PublicKey(("public " + kid).getBytes()));
    }

    @Test
    void keys_come_back_as_they_were_added_oldest_first_and_survive_a_reopen() {
        try (var store = JdbcSigningKeyStore.open(settings())) {
            assertThat(store.keys()).isEmpty();
            assertThat(store.add(key("second", 1, T0.plusSeconds(60)))).isTrue();
            assertThat(store.add(key("first", 0, T0))).isTrue();
        }
        try (var store = JdbcSigningKeyStore.open(settings())) {
            assertThat(store.keys()).containsExactly(key("first", 0, T0), key("second", 1, T0.plusSeconds(60)));
        }
    }

    @Test
    void a_taken_generation_or_id_is_refused_and_nothing_is_written() {
        try (var store = JdbcSigningKeyStore.open(settings())) {
            assertThat(store.add(key("first", 0, T0))).isTrue();
            assertThat(store.add(key("other", 0, T0))).as("same generation").isFalse();
            assertThat(store.add(key("first", 1, T0))).as("same id").isFalse();
            assertThat(store.keys()).containsExactly(key("first", 0, T0));
        }
    }

    @Test
    void retiring_erases_the_private_half_once() {
        try (var store = JdbcSigningKeyStore.open(settings())) {
            store.add(key("first", 0, T0));
            store.add(key("second", 1, T0));
            var at = T0.plusSeconds(3600);
            assertThat(store.retire(new SigningKeyId("first"), at)).isTrue();
            assertThat(store.retire(new SigningKeyId("first"), at.plusSeconds(1))).as("already retired").isFalse();
            assertThat(store.retire(new SigningKeyId("unknown"), at)).isFalse();
            var first = store.keys().getFirst();
            assertThat(first.retiredAt()).contains(at);
            assertThat(first.privateKey()).isEmpty();
            assertThat(first.publicKey()).isEqualTo(new X509PublicKey("public first".getBytes()));
            assertThat(store.keys().get(1)).isEqualTo(key("second", 1, T0));
        }
    }

    @Test
    void of_two_instances_adding_the_same_generation_at_once_exactly_one_succeeds() throws Exception {
        try (var one = JdbcSigningKeyStore.open(settings()); var two = JdbcSigningKeyStore.open(settings());
             var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int generation = 0; generation < 20; generation++) {
                var barrier = new CyclicBarrier(2);
                long g = generation;
                var tasks = new ArrayList<Callable<Boolean>>();
                tasks.add(() -> { barrier.await(); return one.add(key("one" + g, g, T0)); });
                tasks.add(() -> { barrier.await(); return two.add(key("two" + g, g, T0)); });
                int winners = 0;
                for (var result : pool.invokeAll(tasks)) if (result.get()) winners++;
                assertThat(winners).as("generation %d", g).isEqualTo(1);
            }
            assertThat(one.keys()).hasSize(20).isEqualTo(two.keys());
        }
    }

    @Test
    void the_table_lives_beside_the_events_in_the_same_database() {
        try (var events = EventStore.open(settings()); var store = JdbcSigningKeyStore.open(settings())) {
            assertThat(store.add(key("first", 0, T0))).isTrue();
            assertThat(events.isOpen()).isTrue();
            assertThat(events.eventLog().lastPosition()).isZero();
            assertThat(store.keys()).hasSize(1);
        }
    }
}

package dev.scrollback.application.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrollback.application.accounts.StoredSigningKey.Pkcs8PrivateKey;
import dev.scrollback.application.accounts.StoredSigningKey.X509PublicKey;
import dev.scrollback.application.shared.Actor;
import dev.scrollback.application.shared.ControlledClock;
import dev.scrollback.application.shared.InMemoryEventLog;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.RecordedEvent;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.accounts.SigningKeyEvent.RotationReason;
import dev.scrollback.domain.accounts.SigningKeyEvent.SigningKeyRetired;
import dev.scrollback.domain.accounts.SigningKeyEvent.SigningKeyRotated;
import dev.scrollback.domain.accounts.SigningKeyId;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.SessionId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SigningKeyRotationTest {
    static final Duration INTERVAL = Duration.ofDays(30);
    static final Duration REFRESH = Duration.ofDays(30);

    final ControlledClock clock = ControlledClock.at("2025-03-01T20:00:00Z");
    final InMemoryEventLog log = new InMemoryEventLog();
    final InMemorySigningKeyStore store = new InMemorySigningKeyStore();
    final AtomicInteger minted = new AtomicInteger();
    final SigningKeyMint mint = () -> {
        int n = minted.incrementAndGet();
        return new NewSigningKey(new SigningKeyId("key" + n), "ES256", new Pkcs8PrivateKey(new byte[] {(byte) n}),
                new X509PublicKey(new byte[] {(byte) n, 1}));
    };
    final SigningKeyRotation rotation = rotation(store);

    SigningKeyRotation rotation(SigningKeyStore keys) {
        return new SigningKeyRotation(keys, mint, log, clock, SigningKeyPolicy.of(INTERVAL, REFRESH));
    }

    static Caller caller(Role... roles) {
        return new Caller(new AccountId(UUID.randomUUID()), new Handle("Root"), new SessionId(UUID.randomUUID()), Set.of(roles));
    }

    List<RecordedEvent> events() {
        return log.read(SigningKeyRotation.STREAM).events();
    }

    @Test
    void the_first_start_makes_one_key_and_records_it() {
        var first = rotation.ensureSigningKey(Optional.empty());
        assertThat(rotation.ensureSigningKey(Optional.empty())).as("a second start keeps it").isEqualTo(first);
        assertThat(store.keys()).hasSize(1);
        assertThat(events()).singleElement().satisfies(e -> {
            assertThat(e.event()).isEqualTo(new SigningKeyRotated(first, Optional.empty(), RotationReason.INITIAL, clock.instant()));
            assertThat(e.metadata().actor()).isEqualTo(Actor.system());
        });
    }

    @Test
    void an_imported_key_becomes_the_first_key() {
        var imported = new NewSigningKey(new SigningKeyId("fromfile"), "ES256", new Pkcs8PrivateKey(new byte[] {9}),
                new X509PublicKey(new byte[] {9, 9}));
        assertThat(rotation.ensureSigningKey(Optional.of(imported))).isEqualTo(imported.id());
        assertThat(minted).hasValue(0);
    }

    @Test
    void a_sysop_rotates_and_the_old_key_keeps_verifying_for_the_refresh_lifetime() {
        var first = rotation.ensureSigningKey(Optional.empty());
        clock.advance(Duration.ofHours(1));
        var root = caller(Role.SYSOP, Role.MEMBER);
        var outcome = new RotateSigningKeyService(rotation).rotate(root, Origin.system());
        assertThat(outcome.previous()).contains(first);
        var ring = rotation.ring();
        assertThat(ring.signing().orElseThrow().id()).isEqualTo(outcome.key());
        var old = ring.keys().getFirst();
        assertThat(ring.verifiesUntil(old, rotation.policy().verifyFor())).contains(clock.instant().plus(REFRESH).plus(SigningKeyPolicy.MARGIN));
        assertThat(events().getLast().event()).isEqualTo(new SigningKeyRotated(outcome.key(), Optional.of(first),
                RotationReason.ON_DEMAND, clock.instant()));
        assertThat(events().getLast().metadata().actor()).isEqualTo(root.actor());

        var listed = new ListSigningKeysService(rotation, clock).list(root);
        assertThat(listed).extracting(ListSigningKeys.Listed::state)
                .containsExactly(SigningKeyRing.State.VERIFYING, SigningKeyRing.State.SIGNING);

        clock.advance(REFRESH.plus(SigningKeyPolicy.MARGIN));
        assertThat(rotation.retireExpired()).as("not a moment early").isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(rotation.retireExpired()).isEqualTo(1);
        assertThat(rotation.retireExpired()).as("once").isZero();
        assertThat(store.keys().getFirst().privateKey()).as("its private half is erased").isEmpty();
        assertThat(events().getLast().event()).isEqualTo(new SigningKeyRetired(first, clock.instant()));
        assertThat(new ListSigningKeysService(rotation, clock).list(root)).extracting(ListSigningKeys.Listed::state)
                .containsExactly(SigningKeyRing.State.RETIRED, SigningKeyRing.State.SIGNING);
    }

    @Test
    void only_a_sysop_may_rotate_or_list() {
        rotation.ensureSigningKey(Optional.empty());
        for (var role : new Role[] {Role.MEMBER, Role.MODERATOR, Role.AUDITOR}) {
            assertThatThrownBy(() -> new RotateSigningKeyService(rotation).rotate(caller(role), Origin.system()))
                    .isInstanceOf(AccessDenied.class);
            assertThatThrownBy(() -> new ListSigningKeysService(rotation, clock).list(caller(role)))
                    .isInstanceOf(AccessDenied.class);
        }
        assertThat(store.keys()).hasSize(1);
    }

    @Test
    void the_schedule_rotates_once_the_interval_is_over() {
        var first = rotation.ensureSigningKey(Optional.empty());
        clock.advance(INTERVAL.minusSeconds(1));
        assertThat(rotation.run()).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        var rotated = rotation.run().orElseThrow();
        assertThat(rotated.previous()).contains(first);
        assertThat(rotation.run()).as("the new key is not due").isEmpty();
        assertThat(events().getLast().event()).isEqualTo(new SigningKeyRotated(rotated.key(), Optional.of(first),
                RotationReason.SCHEDULED, clock.instant()));
    }

    @Test
    void of_two_instances_due_at_once_exactly_one_rotates() {
        rotation.ensureSigningKey(Optional.empty());
        clock.advance(INTERVAL);
        // The other instance read the ring, found the key due, and then this one added the next generation first.
        var racing = new SigningKeyStore() {
            boolean raced;

            @Override
            public List<StoredSigningKey> keys() {
                return store.keys();
            }

            @Override
            public boolean add(StoredSigningKey key) {
                if (!raced) {
                    raced = true;
                    assertThat(rotation.run()).isPresent();
                }
                return store.add(key);
            }

            @Override
            public boolean retire(SigningKeyId key, java.time.Instant at) {
                return store.retire(key, at);
            }
        };
        assertThat(rotation(racing).run()).as("the loser re-reads and finds the key fresh").isEmpty();
        assertThat(store.keys()).hasSize(2);
        assertThat(events()).filteredOn(e -> e.event() instanceof SigningKeyRotated r && r.reason() == RotationReason.SCHEDULED)
                .hasSize(1);
    }

    @Test
    void a_rotation_interval_under_an_hour_is_refused() {
        assertThatThrownBy(() -> SigningKeyPolicy.of(Duration.ofMinutes(59), REFRESH)).isInstanceOf(IllegalArgumentException.class);
    }
}

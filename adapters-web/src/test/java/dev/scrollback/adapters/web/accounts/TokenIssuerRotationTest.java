package dev.scrollback.adapters.web.accounts;

import static dev.scrollback.adapters.web.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import dev.scrollback.adapters.web.TestServer;
import dev.scrollback.application.accounts.InMemorySigningKeyStore;
import dev.scrollback.application.accounts.SigningKeyPolicy;
import dev.scrollback.application.accounts.SigningKeyRotation;
import dev.scrollback.application.accounts.SigningKeyStore;
import dev.scrollback.application.accounts.StoredSigningKey;
import dev.scrollback.application.shared.Actor;
import dev.scrollback.application.shared.ControlledClock;
import dev.scrollback.application.shared.InMemoryEventLog;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.accounts.SigningKeyId;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.SessionId;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decision 0008: keys rotate without logging anyone out, and instances sharing the key store agree on them. */
class TokenIssuerRotationTest {
    static final String ISSUER = "https://bbs.example.test";
    static final Duration ACCESS = Duration.ofMinutes(15);
    static final Duration REFRESH = Duration.ofDays(30);
    static final SigningKeyPolicy POLICY = SigningKeyPolicy.of(Duration.ofDays(30), REFRESH);

    final ControlledClock clock = new ControlledClock(Instant.parse("2025-03-01T20:00:00Z"));
    final AccountId account = new AccountId(UUID.randomUUID());
    final SessionId session = new SessionId(UUID.randomUUID());
    final InMemorySigningKeyStore store = new InMemorySigningKeyStore();
    final SigningKeyRotation rotation = new SigningKeyRotation(store, TokenIssuer.keyMint(), new InMemoryEventLog(), clock, POLICY);

    @TempDir Path data;

    TokenIssuer instance(SigningKeyStore keys) {
        rotation.ensureSigningKey(Optional.empty());
        return TokenIssuer.over(keys, POLICY, ISSUER, clock, ACCESS, REFRESH);
    }

    TokenCheck valid() {
        return new TokenCheck.Valid(new SessionToken(account, session));
    }

    @Test
    void a_token_signed_before_a_rotation_still_verifies_after_it() {
        var tokens = instance(store);
        var before = tokens.issue(account, session);
        var rotated = rotation.rotateNow(Actor.system(), Origin.system());
        tokens.reload();

        assertThat(tokens.keyId()).isEqualTo(rotated.key().value());
        var after = tokens.issue(account, session);
        assertThat(JWT.decode(after.accessToken()).getKeyId()).isEqualTo(rotated.key().value());
        assertThat(JWT.decode(before.accessToken()).getKeyId()).isEqualTo(rotated.previous().orElseThrow().value());
        assertThat(tokens.checkAccess(before.accessToken())).isEqualTo(valid());
        assertThat(tokens.checkRefresh(before.refreshToken())).isEqualTo(valid());
        assertThat(tokens.checkAccess(after.accessToken())).isEqualTo(valid());
    }

    @Test
    void the_jwks_lists_the_signing_key_and_the_one_before_it() throws Exception {
        var tokens = instance(store);
        var old = tokens.keyId();
        rotation.rotateNow(Actor.system(), Origin.system());
        tokens.reload();
        try (var server = TestServer.start(new JwksRoutes(tokens))) {
            var keys = json(server.get("/.well-known/jwks.json")).path("keys");
            assertThat(keys).hasSize(2);
            assertThat(keys.get(0).path("kid").asText()).as("the signing key first").isEqualTo(tokens.keyId());
            assertThat(keys.get(1).path("kid").asText()).isEqualTo(old);
            assertThat(keys.toString()).doesNotContain("\"d\"");                 // no private part
        }
    }

    @Test
    void two_instances_over_one_store_verify_each_others_tokens_after_a_rotation_on_one() {
        var first = instance(store);
        var second = instance(store);
        var fromSecondBefore = second.issue(account, session);
        rotation.rotateNow(Actor.system(), Origin.system());
        first.reload();                                     // the instance that rotated

        var fromFirst = first.issue(account, session);
        assertThat(second.checkAccess(fromFirst.accessToken())).as("a kid it has not seen makes it re-read").isEqualTo(valid());
        assertThat(second.keyId()).as("and it signs with the new key from then on").isEqualTo(first.keyId());
        assertThat(first.checkRefresh(fromSecondBefore.refreshToken())).isEqualTo(valid());
        assertThat(second.checkRefresh(fromSecondBefore.refreshToken())).isEqualTo(valid());
    }

    @Test
    void an_old_key_verifies_for_the_refresh_lifetime_and_then_no_more() {
        var tokens = instance(store);
        clock.advance(Duration.ofDays(3));
        var before = tokens.issue(account, session);
        rotation.rotateNow(Actor.system(), Origin.system());
        tokens.reload();

        clock.advance(REFRESH.minusSeconds(1));
        assertThat(tokens.checkRefresh(before.refreshToken())).as("its last second").isEqualTo(valid());
        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.checkRefresh(before.refreshToken())).as("expired, its key still verifies").isInstanceOf(TokenCheck.Expired.class);
        var oldKid = JWT.decode(before.accessToken()).getKeyId();
        assertThat(tokens.publicJwks()).extracting(Jwk::kid).contains(oldKid);

        clock.advance(SigningKeyPolicy.MARGIN.plusSeconds(1));
        assertThat(tokens.publicJwks()).extracting(Jwk::kid).as("gone from the JWKS once its window passed").doesNotContain(oldKid);
        assertThat(tokens.checkRefresh(before.refreshToken())).isInstanceOf(TokenCheck.Invalid.class);
        assertThat(rotation.retireExpired()).isEqualTo(1);
        tokens.reload();
        assertThat(tokens.checkAccess(before.accessToken())).as("a retired key verifies nothing").isInstanceOf(TokenCheck.Invalid.class);
        assertThat(store.keys().getFirst().privateKey()).isEmpty();
    }

    @Test
    void a_forged_kid_makes_at_most_one_read_of_the_store_a_second() {
        var reads = new AtomicInteger();
        var counting = new SigningKeyStore() {
            @Override
            public List<StoredSigningKey> keys() {
                reads.incrementAndGet();
                return store.keys();
            }

            @Override
            public boolean add(StoredSigningKey key) {
                return store.add(key);
            }

            @Override
            public boolean retire(SigningKeyId key, Instant at) {
                return store.retire(key, at);
            }
        };
        var tokens = instance(counting);
        var genuine = tokens.issue(account, session).accessToken();
        int atStart = reads.get();
        var forged = new ArrayList<String>();
        for (int i = 0; i < 50; i++) {
            var parts = genuine.split("\\.");
            var header = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ("{\"alg\":\"ES256\",\"typ\":\"JWT\",\"kid\":\"forged" + i + "\"}").getBytes());
            forged.add(header + "." + parts[1] + "." + parts[2]);
        }
        for (var token : forged) assertThat(tokens.checkAccess(token)).isInstanceOf(TokenCheck.Invalid.class);
        assertThat(reads.get() - atStart).as("however many unknown kids arrive within a second").isEqualTo(1);
        assertThat(tokens.checkAccess(genuine)).isEqualTo(valid());
        assertThat(reads.get() - atStart).as("known kids cost no read").isEqualTo(1);
    }

    @Test
    void an_upgrade_imports_the_key_file_and_logs_nobody_out() {
        var keys = data.resolve("keys");
        var beforeUpgrade = TokenIssuer.loadOrCreate(keys, ISSUER, clock, ACCESS, REFRESH).issue(account, session);
        var imported = TokenIssuer.keyFileIn(keys);
        assertThat(imported).isPresent();
        rotation.ensureSigningKey(imported);
        var tokens = TokenIssuer.over(store, POLICY, ISSUER, clock, ACCESS, REFRESH);
        assertThat(tokens.keyId()).isEqualTo(imported.get().id().value());
        assertThat(tokens.checkAccess(beforeUpgrade.accessToken())).isEqualTo(valid());
        assertThat(tokens.checkRefresh(beforeUpgrade.refreshToken())).isEqualTo(valid());
        assertThat(TokenIssuer.keyFileIn(data.resolve("nothing-here"))).isEmpty();
    }
}

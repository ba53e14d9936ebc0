package dev.scrollback.adapters.web.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.scrollback.application.accounts.InMemorySigningKeyStore;
import dev.scrollback.application.accounts.SigningKeyPolicy;
import dev.scrollback.application.accounts.SigningKeyRotation;
import dev.scrollback.application.shared.Actor;
import dev.scrollback.application.shared.ControlledClock;
import dev.scrollback.application.shared.InMemoryEventLog;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.accounts.SigningKeyId;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.SessionId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An access token that checked out once is not verified again, and yet every answer is the one a full check would
 * give: expired when it expires, refused once its key no longer verifies, and a forgery is verified (and refused) each
 * time however like a remembered token it looks.
 */
class TokenIssuerCacheTest {
    static final String ISSUER = TokenIssuerRotationTest.ISSUER;
    static final Duration ACCESS = TokenIssuerRotationTest.ACCESS;
    static final Duration REFRESH = TokenIssuerRotationTest.REFRESH;
    static final SigningKeyPolicy POLICY = TokenIssuerRotationTest.POLICY;

    final ControlledClock clock = new ControlledClock(Instant.parse("2025-03-01T20:00:00Z"));
    final AccountId account = new AccountId(UUID.randomUUID());
    final SessionId session = new SessionId(UUID.randomUUID());
    final TokenCheck valid = new TokenCheck.Valid(new SessionToken(account, session));

    @TempDir Path data;

    /** Keys rotated in {@code store}, with a signing key made already. */
    SigningKeyRotation signingKeysIn(InMemorySigningKeyStore store) {
        var rotation = new SigningKeyRotation(store, TokenIssuer.keyMint(), new InMemoryEventLog(), clock, POLICY);
        rotation.ensureSigningKey(Optional.empty());
        return rotation;
    }

    TokenIssuer issuer() {
        return TokenIssuer.loadOrCreate(data.resolve("keys"), ISSUER, clock, ACCESS, REFRESH);
    }

    @Test
    void a_token_checked_once_is_not_verified_again() {
        var tokens = issuer();
        var token = tokens.issue(account, session).accessToken();
        long before = tokens.fullChecks();
        for (int i = 0; i < 3; i++) assertThat(tokens.checkAccess(token)).isEqualTo(valid);
        assertThat(tokens.fullChecks() - before).isEqualTo(1);
        assertThat(tokens.rememberedAccessTokens()).isEqualTo(1);

        var another = tokens.issue(account, session).accessToken();
        assertThat(tokens.checkAccess(another)).isEqualTo(valid);
        assertThat(tokens.fullChecks() - before).as("a token of its own").isEqualTo(2);
    }

    @Test
    void a_remembered_token_is_expired_when_it_expires() {
        var tokens = issuer();
        var token = tokens.issue(account, session).accessToken();
        assertThat(tokens.checkAccess(token)).isEqualTo(valid);
        long before = tokens.fullChecks();

        clock.advance(ACCESS.minusMillis(1));
        assertThat(tokens.checkAccess(token)).as("its last millisecond").isEqualTo(valid);
        assertThat(tokens.fullChecks()).isEqualTo(before);
        clock.advance(Duration.ofMillis(1));
        assertThat(tokens.checkAccess(token)).isInstanceOf(TokenCheck.Expired.class);
        assertThat(tokens.checkAccess(token)).isInstanceOf(TokenCheck.Expired.class);
        assertThat(tokens.rememberedAccessTokens()).isZero();
        clock.advance(Duration.ofMinutes(-1));
        assertThat(tokens.checkAccess(token)).as("a clock set back: checked in full, valid again as it would be uncached")
                .isEqualTo(valid);
    }

    @Test
    void a_tampered_token_is_invalid_every_time_though_the_genuine_one_is_remembered() {
        var tokens = issuer();
        var genuine = tokens.issue(account, session).accessToken();
        assertThat(tokens.checkAccess(genuine)).isEqualTo(valid);
        var parts = genuine.split("\\.");

        var stranger = SigningKey.loadOrCreate(data.resolve("stranger"));
        var strangerSignature = Algorithm.ECDSA256(stranger.publicKey(), stranger.privateKey())
                .sign(parts[0].getBytes(StandardCharsets.US_ASCII), parts[1].getBytes(StandardCharsets.US_ASCII));
        var samePayloadOtherSigner = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(strangerSignature);
        var claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        var otherAccount = claims.replace(account.toString(), new AccountId(UUID.randomUUID()).toString());
        var otherPayloadSameSignature = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(otherAccount.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        // a character well inside the signature: the last one holds padding bits a decoder may ignore, so changing it
        // could leave the signature's bytes as they were (this test failed that way about once in 64 runs)
        int at = genuine.length() - 10;
        var flippedSignature = genuine.substring(0, at) + (genuine.charAt(at) == 'A' ? 'B' : 'A') + genuine.substring(at + 1);
        var noSignature = parts[0] + "." + parts[1] + ".";

        long before = tokens.fullChecks();
        for (var forged : new String[] {samePayloadOtherSigner, otherPayloadSameSignature, flippedSignature, noSignature}) {
            assertThat(tokens.checkAccess(forged)).isInstanceOf(TokenCheck.Invalid.class);
            assertThat(tokens.checkAccess(forged)).isInstanceOf(TokenCheck.Invalid.class);
        }
        assertThat(tokens.fullChecks() - before).as("each forgery checked in full each time").isEqualTo(8);
        assertThat(tokens.rememberedAccessTokens()).isEqualTo(1);
        assertThat(tokens.checkAccess(genuine)).isEqualTo(valid);
    }

    @Test
    void refresh_tokens_and_refusals_are_never_remembered() {
        var tokens = issuer();
        var pair = tokens.issue(account, session);
        long before = tokens.fullChecks();
        assertThat(tokens.checkAccess(pair.refreshToken())).isInstanceOf(TokenCheck.Invalid.class);
        assertThat(tokens.checkAccess(pair.refreshToken())).isInstanceOf(TokenCheck.Invalid.class);
        assertThat(tokens.checkRefresh(pair.refreshToken())).isEqualTo(valid);
        assertThat(tokens.checkRefresh(pair.refreshToken())).isEqualTo(valid);
        assertThat(tokens.fullChecks() - before).isEqualTo(4);
        assertThat(tokens.rememberedAccessTokens()).isZero();
        assertThat(tokens.checkRefresh(pair.accessToken())).as("an access token remembered is still no refresh token")
                .isInstanceOf(TokenCheck.Invalid.class);
    }

    @Test
    void a_remembered_token_is_refused_once_its_key_is_retired_and_the_ring_re_read() {
        var store = new InMemorySigningKeyStore();
        var rotation = signingKeysIn(store);
        var tokens = TokenIssuer.over(store, POLICY, ISSUER, clock, ACCESS, REFRESH);
        var token = tokens.issue(account, session).accessToken();
        assertThat(tokens.checkAccess(token)).isEqualTo(valid);
        long before = tokens.fullChecks();

        rotation.rotateNow(Actor.system(), Origin.system());
        tokens.reload();
        assertThat(tokens.checkAccess(token)).as("its key still verifies after a rotation").isEqualTo(valid);
        assertThat(tokens.fullChecks()).isEqualTo(before);

        store.retire(new SigningKeyId(JWT.decode(token).getKeyId()), clock.instant());
        assertThat(tokens.checkAccess(token)).as("the ring as last read still has the key, as it would uncached").isEqualTo(valid);
        tokens.reload();
        assertThat(tokens.checkAccess(token)).as("retired and re-read: refused").isInstanceOf(TokenCheck.Invalid.class);
        assertThat(tokens.checkAccess(token)).isInstanceOf(TokenCheck.Invalid.class);
        assertThat(tokens.rememberedAccessTokens()).isZero();
    }

    @Test
    void a_remembered_token_is_refused_the_moment_its_key_stops_verifying() {
        // Access tokens as long-lived as refresh tokens, signed by an instance that kept an old key past the margin:
        // the only way a token outlives the window of its key.
        var store = new InMemorySigningKeyStore();
        var rotation = signingKeysIn(store);
        var tokens = TokenIssuer.over(store, POLICY, ISSUER, clock, REFRESH, REFRESH);
        var oldKey = tokens.keyId();
        var rotatedAt = clock.instant();
        rotation.rotateNow(Actor.system(), Origin.system());    // by another instance: this one has not re-read yet
        clock.advance(SigningKeyPolicy.MARGIN.plusMinutes(1));
        var token = tokens.issue(account, session).accessToken();
        assertThat(JWT.decode(token).getKeyId()).isEqualTo(oldKey);
        tokens.reload();
        assertThat(tokens.checkAccess(token)).isEqualTo(valid);
        long before = tokens.fullChecks();

        var until = rotatedAt.plus(POLICY.verifyFor());
        clock.set(until);
        assertThat(tokens.checkAccess(token)).as("the key's last instant").isEqualTo(valid);
        assertThat(tokens.fullChecks()).isEqualTo(before);
        clock.set(until.plusMillis(1));
        assertThat(JWT.decode(token).getExpiresAtAsInstant()).as("the token itself has not expired").isAfter(clock.instant());
        assertThat(tokens.checkAccess(token)).isInstanceOf(TokenCheck.Invalid.class);
        assertThat(TokenIssuer.over(store, POLICY, ISSUER, clock, REFRESH, REFRESH).checkAccess(token))
                .as("as an instance that never saw it answers").isInstanceOf(TokenCheck.Invalid.class);
    }
}

package dev.scrollback.adapters.web.accounts;

import static dev.scrollback.adapters.web.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import dev.scrollback.application.shared.ControlledClock;
import dev.scrollback.adapters.web.TestServer;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.SessionId;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenIssuerTest {
    static final String ISSUER = "https://bbs.example.test";
    final ControlledClock clock = new ControlledClock(Instant.parse("2025-03-01T20:00:00Z"));
    final AccountId account = new AccountId(UUID.randomUUID());
    final SessionId session = new SessionId(UUID.randomUUID());

    @TempDir Path data;

    TokenIssuer issuer() {
        return TokenIssuer.loadOrCreate(data.resolve("keys"), ISSUER, clock, Duration.ofMinutes(15), Duration.ofDays(30));
    }

    @Test
    void the_key_survives_a_restart() {
        var first = issuer();
        var token = first.issue(account, session).accessToken();
        var second = issuer();
        assertThat(second.keyId()).isEqualTo(first.keyId());
        assertThat(second.checkAccess(token)).isEqualTo(new TokenCheck.Valid(new SessionToken(account, session)));
    }

    @Test
    void the_key_file_is_readable_by_its_owner_only() throws Exception {
        issuer();
        var file = data.resolve("keys").resolve("token-signing.p8");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(Files.readString(file)).contains("-----BEGIN PRIVATE KEY-----").contains("-----BEGIN PUBLIC KEY-----");
        try (var stream = Files.list(file.getParent())) {
            assertThat(stream.toList()).containsExactly(file);              // no temporary file left behind
        }
    }

    @Test
    void tokens_carry_the_claims_the_spec_names() {
        var pair = issuer().issue(account, session);
        var access = JWT.decode(pair.accessToken());
        assertThat(access.getAlgorithm()).isEqualTo("ES256");
        assertThat(access.getKeyId()).isEqualTo(issuer().keyId());
        assertThat(access.getIssuer()).isEqualTo(ISSUER);
        assertThat(access.getSubject()).isEqualTo(account.toString());
        assertThat(access.getClaim("sid").asString()).isEqualTo(session.toString());
        assertThat(access.getClaim("typ").asString()).isEqualTo("access");
        assertThat(access.getId()).isNotBlank();
        assertThat(access.getIssuedAtAsInstant()).isEqualTo(clock.instant());
        assertThat(access.getExpiresAtAsInstant()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
        var refresh = JWT.decode(pair.refreshToken());
        assertThat(refresh.getClaim("typ").asString()).isEqualTo("refresh");
        assertThat(refresh.getExpiresAtAsInstant()).isEqualTo(clock.instant().plus(Duration.ofDays(30)));
        assertThat(pair.toString()).doesNotContain(pair.accessToken());
    }

    @Test
    void refresh_tokens_carry_their_generation_and_access_tokens_none() {
        var tokens = issuer();
        var login = tokens.issue(account, session);
        assertThat(JWT.decode(login.refreshToken()).getClaim("gen").asLong()).isZero();
        assertThat(JWT.decode(login.accessToken()).getClaim("gen").isMissing()).isTrue();
        var rotated = tokens.issue(account, session, 3);
        assertThat(tokens.checkRefresh(rotated.refreshToken())).isEqualTo(new TokenCheck.Valid(new SessionToken(account, session)));
        assertThat(tokens.generation(rotated.refreshToken())).isEqualTo(3);
        assertThat(tokens.generation(login.refreshToken())).isZero();
        assertThatThrownBy(() -> tokens.issue(account, session, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_refresh_token_from_before_rotation_counts_as_generation_zero() {
        var key = SigningKey.loadOrCreate(data.resolve("keys"));
        var old = JWT.create().withKeyId(key.keyId()).withIssuer(ISSUER).withSubject(account.toString())
                .withClaim("sid", session.toString()).withClaim("typ", "refresh").withJWTId(UUID.randomUUID().toString())
                .withIssuedAt(clock.instant()).withExpiresAt(clock.instant().plus(Duration.ofDays(30)))
                .sign(Algorithm.ECDSA256(key.publicKey(), key.privateKey()));
        var tokens = issuer();
        assertThat(tokens.checkRefresh(old)).isInstanceOf(TokenCheck.Valid.class);
        assertThat(tokens.generation(old)).isZero();
    }

    @Test
    void access_tokens_expire_and_refresh_tokens_outlive_them() {
        var tokens = issuer();
        var pair = tokens.issue(account, session);
        clock.advance(Duration.ofMinutes(16));
        assertThat(tokens.checkAccess(pair.accessToken())).isInstanceOf(TokenCheck.Expired.class);
        assertThat(tokens.checkRefresh(pair.refreshToken())).isInstanceOf(TokenCheck.Valid.class);
        clock.advance(Duration.ofDays(30));
        assertThat(tokens.checkRefresh(pair.refreshToken())).isInstanceOf(TokenCheck.Expired.class);
    }

    @Test
    void the_jwks_verifies_an_issued_token() throws Exception {
        var tokens = issuer();
        var token = tokens.issue(account, session).accessToken();
        try (var server = TestServer.start(new JwksRoutes(tokens))) {
            var response = server.get("/.well-known/jwks.json");
            assertThat(response.statusCode()).isEqualTo(200);
            var key = json(response).path("keys").get(0);
            assertThat(key.path("kty").asText()).isEqualTo("EC");
            assertThat(key.path("crv").asText()).isEqualTo("P-256");
            assertThat(key.path("alg").asText()).isEqualTo("ES256");
            assertThat(key.path("use").asText()).isEqualTo("sig");
            assertThat(key.path("kid").asText()).isEqualTo(JWT.decode(token).getKeyId());

            var point = new ECPoint(unsigned(key.path("x").asText()), unsigned(key.path("y").asText()));
            var publicKey = (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, SigningKey.p256()));
            var verifier = (JWTVerifier.BaseVerification) JWT.require(Algorithm.ECDSA256(publicKey, null)).withIssuer(ISSUER);
            var verified = verifier.build(clock).verify(token);
            assertThat(verified.getSubject()).isEqualTo(account.toString());
        }
    }

    @Test
    void an_unusable_key_file_fails_loudly_and_is_left_alone() throws Exception {
        var directory = data.resolve("keys");
        Files.createDirectories(directory);
        var file = directory.resolve("token-signing.p8");
        for (var content : new String[] {"", "garbage", "-----BEGIN PRIVATE KEY-----\n!!!!\n-----END PRIVATE KEY-----\n",
                "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n",
                "-----BEGIN PRIVATE KEY-----\n" + "A".repeat(20_000) + "\n-----END PRIVATE KEY-----\n"}) {
            Files.writeString(file, content);
            assertThatThrownBy(this::issuer).isInstanceOf(IllegalStateException.class).hasMessageContaining("unusable");
            assertThat(Files.readString(file)).isEqualTo(content);
        }
    }

    @Test
    void mismatched_keys_are_refused() throws Exception {
        issuer();
        var other = data.resolve("other");
        TokenIssuer.loadOrCreate(other, ISSUER, clock, Duration.ofMinutes(15), Duration.ofDays(30));
        var mine = Files.readString(data.resolve("keys/token-signing.p8"));
        var theirs = Files.readString(other.resolve("token-signing.p8"));
        var mixed = mine.substring(0, mine.indexOf("-----BEGIN PUBLIC KEY-----")) + theirs.substring(theirs.indexOf("-----BEGIN PUBLIC KEY-----"));
        Files.writeString(data.resolve("keys/token-signing.p8"), mixed);
        assertThatThrownBy(this::issuer).hasMessageContaining("does not match");
    }

    private static BigInteger unsigned(String base64url) {
        return new BigInteger(1, Base64.getUrlDecoder().decode(base64url));
    }
}

package dev.scrollback.adapters.web.accounts;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.InvalidValue;
import dev.scrollback.domain.shared.SessionId;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * Signs and checks the bearer tokens of web sessions (ES256, java-jwt). An access token lives minutes, a refresh token
 * days; both name the account ({@code sub}) and the session ({@code sid}), and {@code typ} keeps one from passing for
 * the other. A token only says which session it was issued for: whether that session is still open is asked of the
 * application on every use. A refresh token also carries its generation ({@code gen}) in its session's rotation: the
 * application refreshes only the newest one and ends the session when an older one comes back.
 */
public final class TokenIssuer {
    static final String SESSION = "sid";
    static final String TYPE = "typ";
    static final String GENERATION = "gen";
    private static final String ACCESS = "access";
    private static final String REFRESH = "refresh";
    /** Far above what we issue (~600 bytes); bounds what a hostile header makes us decode. */
    private static final int MAX_TOKEN_LENGTH = 4096;
    /** Instances' clocks differ a little: a token minted a moment "in the future" is fine. */
    private static final long ISSUED_AT_LEEWAY_SECONDS = 30;

    private final SigningKey key;
    private final String issuer;
    private final Clock clock;
    private final Duration accessTtl;
    private final Duration refreshTtl;
    private final Algorithm algorithm;
    private final JWTVerifier accessVerifier;
    private final JWTVerifier refreshVerifier;

    private TokenIssuer(SigningKey key, String issuer, Clock clock, Duration accessTtl, Duration refreshTtl) {
        this.key = key;
        this.issuer = issuer;
        this.clock = clock;
        this.accessTtl = accessTtl;
        this.refreshTtl = refreshTtl;
        this.algorithm = Algorithm.ECDSA256(key.publicKey(), key.privateKey());
        this.accessVerifier = verifier(ACCESS);
        this.refreshVerifier = verifier(REFRESH);
    }

    /**
     * Loads the signing key from {@code keyDirectory/token-signing.p8}, creating the directory (mode 700) and the key
     * (mode 600) on first use. Fails loudly, and touches nothing, when the file exists but is unusable.
     *
     * @param issuer the public URL, written as {@code iss} and required on every token checked
     */
    public static TokenIssuer loadOrCreate(Path keyDirectory, String issuer, Clock clock, Duration accessTtl, Duration refreshTtl) {
        Objects.requireNonNull(keyDirectory, "keyDirectory");
        Objects.requireNonNull(clock, "clock");
        if (issuer == null || issuer.isBlank()) throw new IllegalArgumentException("issuer (the public URL) is required");
        if (accessTtl.isNegative() || accessTtl.toSeconds() < 1) throw new IllegalArgumentException("accessTtl must be at least a second");
        if (refreshTtl.compareTo(accessTtl) < 0) throw new IllegalArgumentException("refreshTtl must not be shorter than accessTtl");
        return new TokenIssuer(SigningKey.loadOrCreate(keyDirectory), issuer, clock, accessTtl, refreshTtl);
    }

    /** The pair a login issues: refresh generation 0. */
    public TokenPair issue(AccountId account, SessionId session) {
        return issue(account, session, 0);
    }

    /** The pair for the session's refresh {@code generation} (0 at login, one more at each rotation). */
    public TokenPair issue(AccountId account, SessionId session, long generation) {
        if (generation < 0) throw new IllegalArgumentException("generation must not be negative");
        return new TokenPair(sign(account, session, ACCESS, accessTtl, -1),
                sign(account, session, REFRESH, refreshTtl, generation), accessTtl);
    }

    public TokenCheck checkAccess(String token) {
        return check(token, accessVerifier);
    }

    public TokenCheck checkRefresh(String token) {
        return check(token, refreshVerifier);
    }

    /**
     * The generation of a refresh token {@link #checkRefresh} found valid. One signed before rotation existed has no
     * {@code gen}: it counts as 0, the generation its session starts at, so an upgrade logs nobody out.
     */
    long generation(String validRefreshToken) {
        var gen = JWT.decode(validRefreshToken).getClaim(GENERATION);
        return gen.isMissing() || gen.isNull() || gen.asLong() == null ? 0 : gen.asLong();
    }

    public Duration accessTtl() {
        return accessTtl;
    }

    /** The key that verifies every token this issuer signs; its {@code kid} is in each token's header. */
    public Jwk publicJwk() {
        return key.jwk();
    }

    public String keyId() {
        return key.keyId();
    }

    /** {@code generation} is written on refresh tokens only (negative: none). */
    private String sign(AccountId account, SessionId session, String type, Duration ttl, long generation) {
        var now = clock.instant();
        var builder = JWT.create();
        if (generation >= 0) builder.withClaim(GENERATION, generation);
        return builder
                .withKeyId(key.keyId())
                .withIssuer(issuer)
                .withSubject(account.toString())
                .withClaim(SESSION, session.toString())
                .withClaim(TYPE, type)
                .withJWTId(UUID.randomUUID().toString())
                .withIssuedAt(now)
                .withExpiresAt(now.plus(ttl))
                .sign(algorithm);
    }

    private TokenCheck check(String token, JWTVerifier verifier) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) return new TokenCheck.Invalid();
        DecodedJWT jwt;
        try {
            jwt = verifier.verify(token);
        } catch (TokenExpiredException e) {
            return new TokenCheck.Expired();
        } catch (JWTVerificationException | IllegalArgumentException e) {
            return new TokenCheck.Invalid();
        }
        try {
            return new TokenCheck.Valid(new SessionToken(AccountId.parse(jwt.getSubject()),
                    SessionId.parse(jwt.getClaim(SESSION).asString())));
        } catch (InvalidValue | NullPointerException e) {
            return new TokenCheck.Invalid();
        }
    }

    private JWTVerifier verifier(String type) {
        var verification = (JWTVerifier.BaseVerification) JWT.require(algorithm)
                .withIssuer(issuer)
                .withClaim(TYPE, type)
                .withClaimPresence("sub")
                .withClaimPresence(SESSION)
                .withClaimPresence("exp")                        // java-jwt only checks exp when it is there
                .withClaimPresence("jti")
                .acceptIssuedAt(ISSUED_AT_LEEWAY_SECONDS);
        return verification.build(clock);
    }

    @Override
    public String toString() {
        return "TokenIssuer[" + issuer + ", kid " + key.keyId() + "]";
    }
}

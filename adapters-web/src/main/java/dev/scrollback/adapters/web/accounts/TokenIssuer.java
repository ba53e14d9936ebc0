package dev.scrollback.adapters.web.accounts;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.auth0.jwt.interfaces.ECDSAKeyProvider;
import dev.scrollback.application.accounts.NewSigningKey;
import dev.scrollback.application.accounts.SigningKeyMint;
import dev.scrollback.application.accounts.SigningKeyPolicy;
import dev.scrollback.application.accounts.SigningKeyRing;
import dev.scrollback.application.accounts.SigningKeyStore;
import dev.scrollback.application.accounts.StoredSigningKey;
import dev.scrollback.domain.accounts.SigningKeyId;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.InvalidValue;
import dev.scrollback.domain.shared.SessionId;
import java.nio.file.Path;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs and checks the bearer tokens of web sessions (ES256, java-jwt). An access token lives minutes, a refresh token
 * days; both name the account ({@code sub}) and the session ({@code sid}), and {@code typ} keeps one from passing for
 * the other. A token only says which session it was issued for: whether that session is still open is asked of the
 * application on every use. A refresh token also carries its generation ({@code gen}) in its session's rotation: the
 * application refreshes only the newest one and ends the session when an older one comes back.
 *
 * <p>Keys (decision 0008): tokens are signed with the newest key of the shared key ring and carry its {@code kid};
 * they are checked with whichever key their {@code kid} names, as long as that key verifies (an old key does until
 * every token it signed has expired). The ring is read into memory by {@link #reload} (every minute, and after a
 * rotation here); a token naming a key this instance has not seen yet makes it read the ring again at once, at most
 * once a second, so a key another instance made a moment ago is accepted.
 *
 * <p>An access token that checked out is remembered ({@link VerifiedTokens}) and not verified again while its time
 * claims hold and the key that signed it still verifies: every answer is the one a full check would give at that
 * moment, without the ES256 verification that dominated the cost of an authenticated request.
 */
public final class TokenIssuer {
    /** How many verified access tokens are remembered: about one per session busy in the last 15 minutes; ~5 MB full. */
    public static final int REMEMBERED_ACCESS_TOKENS = 20_000;
    static final String SESSION = "sid";
    static final String TYPE = "typ";
    static final String GENERATION = "gen";
    private static final Logger LOG = LoggerFactory.getLogger(TokenIssuer.class);
    private static final String ACCESS = "access";
    private static final String REFRESH = "refresh";
    /** Far above what we issue (~600 bytes); bounds what a hostile header makes us decode. */
    private static final int MAX_TOKEN_LENGTH = 4096;
    /** Instances' clocks differ a little: a token minted a moment "in the future" is fine. */
    private static final long ISSUED_AT_LEEWAY_SECONDS = 30;
    /** Unknown {@code kid}s are a stranger's to choose: they may make us read the ring at most this often. */
    private static final long UNKNOWN_KEY_RELOAD_GAP_NANOS = Duration.ofSeconds(1).toNanos();

    private final Supplier<List<StoredSigningKey>> keys;
    private final Duration verifyFor;
    private final String issuer;
    private final Clock clock;
    private final Duration accessTtl;
    private final Duration refreshTtl;
    private final JWTVerifier accessVerifier;
    private final JWTVerifier refreshVerifier;
    private final AtomicLong lastUnknownKeyReload = new AtomicLong(System.nanoTime() - UNKNOWN_KEY_RELOAD_GAP_NANOS);
    private final VerifiedTokens verifiedAccess = new VerifiedTokens(REMEMBERED_ACCESS_TOKENS);
    private final LongAdder fullChecks = new LongAdder();
    private volatile Ring ring;

    private TokenIssuer(Supplier<List<StoredSigningKey>> keys, Duration verifyFor, String issuer, Clock clock,
                        Duration accessTtl, Duration refreshTtl) {
        Objects.requireNonNull(clock, "clock");
        if (issuer == null || issuer.isBlank()) throw new IllegalArgumentException("issuer (the public URL) is required");
        if (accessTtl.isNegative() || accessTtl.toSeconds() < 1) throw new IllegalArgumentException("accessTtl must be at least a second");
        if (refreshTtl.compareTo(accessTtl) < 0) throw new IllegalArgumentException("refreshTtl must not be shorter than accessTtl");
        if (verifyFor.compareTo(refreshTtl) < 0) throw new IllegalArgumentException("old keys must verify at least as long as a refresh token lives");
        this.keys = keys;
        this.verifyFor = verifyFor;
        this.issuer = issuer;
        this.clock = clock;
        this.accessTtl = accessTtl;
        this.refreshTtl = refreshTtl;
        var byKeyId = Algorithm.ECDSA256(new KeysById());
        this.accessVerifier = verifier(byKeyId, ACCESS);
        this.refreshVerifier = verifier(byKeyId, REFRESH);
    }

    /**
     * Signs with the shared key ring in {@code store}, read at the first use or {@link #reload}, whichever comes first;
     * by then the ring must hold a signing key ({@code SigningKeyRotation.ensureSigningKey} makes the first one).
     *
     * @param issuer the public URL, written as {@code iss} and required on every token checked
     */
    public static TokenIssuer over(SigningKeyStore store, SigningKeyPolicy policy, String issuer, Clock clock,
                                   Duration accessTtl, Duration refreshTtl) {
        Objects.requireNonNull(store, "store");
        return new TokenIssuer(store::keys, policy.verifyFor(), issuer, clock, accessTtl, refreshTtl);
    }

    /**
     * One key, never rotated, loaded from {@code keyDirectory/token-signing.p8} and created there (directory mode 700,
     * file mode 600) on first use; for tests and benchmarks. Fails loudly, and touches nothing, when the file exists but
     * is unusable.
     */
    public static TokenIssuer loadOrCreate(Path keyDirectory, String issuer, Clock clock, Duration accessTtl, Duration refreshTtl) {
        Objects.requireNonNull(keyDirectory, "keyDirectory");
        var only = List.of(SigningKey.loadOrCreate(keyDirectory).asNew().stored(0, Instant.EPOCH));
        var tokens = new TokenIssuer(() -> only, refreshTtl.plus(SigningKeyPolicy.MARGIN), issuer, clock, accessTtl, refreshTtl);
        tokens.reload();
        return tokens;
    }

    /** Makes ES256 key pairs for the key ring: the algorithm is this class's to choose. */
    public static SigningKeyMint keyMint() {
        return SigningKey::mint;
    }

    /** The key file an earlier version kept in {@code keyDirectory}, if any: imported as the first key of the ring. */
    public static Optional<NewSigningKey> keyFileIn(Path keyDirectory) {
        return SigningKey.importable(keyDirectory);
    }

    /**
     * Reads the key ring again: signs with its newest key from now on, and verifies with every key that still
     * verifies. When the ring cannot be read, or its signing key is unusable, the keys held so far stay in use.
     */
    public void reload() {
        var next = Ring.of(keys.get(), verifyFor);
        ring = next;
    }

    /** The pair a login issues: refresh generation 0. */
    public TokenPair issue(AccountId account, SessionId session) {
        return issue(account, session, 0);
    }

    /** The pair for the session's refresh {@code generation} (0 at login, one more at each rotation). */
    public TokenPair issue(AccountId account, SessionId session, long generation) {
        if (generation < 0) throw new IllegalArgumentException("generation must not be negative");
        var signing = ring().signing();
        return new TokenPair(sign(signing, account, session, ACCESS, accessTtl, -1),
                sign(signing, account, session, REFRESH, refreshTtl, generation), accessTtl);
    }

    public TokenCheck checkAccess(String token) {
        if (!presentable(token)) return new TokenCheck.Invalid();
        var fingerprint = VerifiedTokens.Fingerprint.of(token);
        var known = verifiedAccess.find(fingerprint);
        if (known.isPresent()) {
            var now = clock.instant();
            if (known.get().holdsAt(now) && keyVerifies(known.get().keyId(), now)) return known.get().check();
            verifiedAccess.forget(known.get());           // the full check below gives the answer, as it would uncached
        }
        return check(token, accessVerifier, (jwt, valid) -> remember(fingerprint, jwt, valid));
    }

    /** Not cached: refreshing is rare, and its generation must be read from the token anyway. */
    public TokenCheck checkRefresh(String token) {
        if (!presentable(token)) return new TokenCheck.Invalid();
        return check(token, refreshVerifier, (jwt, valid) -> {});
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

    /** Every key that verifies now, newest (the signing key) first: the JWKS. */
    public List<Jwk> publicJwks() {
        var now = clock.instant();
        var current = ring();
        var jwks = new ArrayList<Jwk>();
        jwks.add(current.signing().jwk());
        current.verifying().values().stream()
                .filter(v -> !v.keyId().equals(current.signing().keyId()) && v.verifiesAt(now))
                .sorted(Comparator.comparingLong(Verifying::generation).reversed())
                .forEach(v -> jwks.add(SigningKey.jwk(v.publicKey(), v.keyId())));
        return List.copyOf(jwks);
    }

    /** The key that signs now; its {@code kid} is in each token's header. */
    public String keyId() {
        return ring().signing().keyId();
    }

    /** {@code generation} is written on refresh tokens only (negative: none). */
    private String sign(Signing signing, AccountId account, SessionId session, String type, Duration ttl, long generation) {
        var now = clock.instant();
        var builder = JWT.create();
        if (generation >= 0) builder.withClaim(GENERATION, generation);
        return builder
                .withKeyId(signing.keyId())
                .withIssuer(issuer)
                .withSubject(account.toString())
                .withClaim(SESSION, session.toString())
                .withClaim(TYPE, type)
                .withJWTId(UUID.randomUUID().toString())
                .withIssuedAt(now)
                .withExpiresAt(now.plus(ttl))
                .sign(signing.algorithm());
    }

    /** How many tokens were checked in full (signature and all) rather than found remembered; for tests. */
    long fullChecks() {
        return fullChecks.sum();
    }

    /** How many access tokens are remembered; for tests. */
    int rememberedAccessTokens() {
        return verifiedAccess.size();
    }

    private static boolean presentable(String token) {
        return token != null && !token.isEmpty() && token.length() <= MAX_TOKEN_LENGTH;
    }

    /** The full check; {@code onValid} sees the decoded token when the answer is {@link TokenCheck.Valid}. */
    private TokenCheck check(String token, JWTVerifier verifier, BiConsumer<DecodedJWT, TokenCheck.Valid> onValid) {
        fullChecks.increment();
        DecodedJWT jwt;
        try {
            jwt = verifier.verify(token);
        } catch (TokenExpiredException e) {
            return new TokenCheck.Expired();
        } catch (JWTVerificationException | IllegalArgumentException | IllegalStateException e) {
            return new TokenCheck.Invalid();
        }
        TokenCheck.Valid valid;
        try {
            valid = new TokenCheck.Valid(new SessionToken(AccountId.parse(jwt.getSubject()),
                    SessionId.parse(jwt.getClaim(SESSION).asString())));
        } catch (InvalidValue | NullPointerException e) {
            return new TokenCheck.Invalid();
        }
        onValid.accept(jwt, valid);
        return valid;
    }

    /**
     * Remembers an access token that checked out, with the window in which java-jwt's time checks pass (it compares
     * whole seconds: {@code exp} after now, {@code iat} no later than now plus the leeway, {@code nbf} no later than
     * now) and the key that verified it, as the ring names it.
     */
    private void remember(VerifiedTokens.Fingerprint fingerprint, DecodedJWT jwt, TokenCheck.Valid valid) {
        var keyId = jwt.getKeyId();
        var key = keyId == null ? null : ring().verifying().get(keyId);
        var expiresAt = jwt.getExpiresAtAsInstant();
        if (key == null || expiresAt == null) return;      // the ring moved on meanwhile: the next use is checked in full
        var usableFrom = Instant.MIN;
        var issuedAt = jwt.getIssuedAtAsInstant();
        if (issuedAt != null) usableFrom = issuedAt.minusSeconds(ISSUED_AT_LEEWAY_SECONDS);
        var notBefore = jwt.getNotBeforeAsInstant();
        if (notBefore != null && notBefore.isAfter(usableFrom)) usableFrom = notBefore;
        verifiedAccess.remember(new VerifiedTokens.Verified(fingerprint, valid, key.keyId(), usableFrom, expiresAt), clock.instant());
    }

    /** Whether a token signed by {@code keyId} would still find its key now: the same test {@link #verifyingKey} makes. */
    private boolean keyVerifies(String keyId, Instant now) {
        var key = ring().verifying().get(keyId);
        return key != null && key.verifiesAt(now);
    }

    private JWTVerifier verifier(Algorithm byKeyId, String type) {
        var verification = (JWTVerifier.BaseVerification) JWT.require(byKeyId)
                .withIssuer(issuer)
                .withClaim(TYPE, type)
                .withClaimPresence("sub")
                .withClaimPresence(SESSION)
                .withClaimPresence("exp")                        // java-jwt only checks exp when it is there
                .withClaimPresence("jti")
                .acceptIssuedAt(ISSUED_AT_LEEWAY_SECONDS);
        return verification.build(clock);
    }

    /** The public key a token's {@code kid} names, if that key verifies now; null (java-jwt's "none") otherwise. */
    private ECPublicKey verifyingKey(String keyId) {
        if (!SigningKeyId.isValid(keyId)) return null;
        var found = ring().verifying().get(keyId);
        if (found == null && mayReloadForUnknownKey()) {
            try {
                reload();
            } catch (RuntimeException e) {
                LOG.warn("Could not re-read the token signing keys for an unknown key id; the token is refused", e);
            }
            found = ring.verifying().get(keyId);
        }
        return found != null && found.verifiesAt(clock.instant()) ? found.publicKey() : null;
    }

    /** The ring as last read; read now if it never was. */
    private Ring ring() {
        var current = ring;
        if (current != null) return current;
        synchronized (this) {
            if (ring == null) reload();
            return ring;
        }
    }

    private boolean mayReloadForUnknownKey() {
        long now = System.nanoTime();
        long last = lastUnknownKeyReload.get();
        return now - last >= UNKNOWN_KEY_RELOAD_GAP_NANOS && lastUnknownKeyReload.compareAndSet(last, now);
    }

    @Override
    public String toString() {
        var current = ring;
        return "TokenIssuer[" + issuer + ", kid " + (current == null ? "not read yet" : current.signing().keyId()) + "]";
    }

    /** java-jwt asks this for the key of each token it verifies; this class never signs through it. */
    private final class KeysById implements ECDSAKeyProvider {
        @Override
        public ECPublicKey getPublicKeyById(String keyId) {
            return verifyingKey(keyId);
        }

        @Override
        public ECPrivateKey getPrivateKey() {
            return null;
        }

        @Override
        public String getPrivateKeyId() {
            return null;
        }
    }

    /** The key that signs, with its java-jwt algorithm built once. */
    private record Signing(String keyId, Algorithm algorithm, Jwk jwk) {}

    /** A key that verifies until {@code until} (empty: no end in sight, it is the signing key). */
    private record Verifying(String keyId, long generation, ECPublicKey publicKey, Optional<Instant> until) {
        boolean verifiesAt(Instant now) {
            return until.map(u -> !now.isAfter(u)).orElse(true);
        }
    }

    /** The ring as this instance last read it. */
    private record Ring(Signing signing, Map<String, Verifying> verifying) {
        static Ring of(List<StoredSigningKey> stored, Duration verifyFor) {
            var ring = new SigningKeyRing(stored);
            var signingRow = ring.signing().orElseThrow(() -> new IllegalStateException("there is no token signing key yet"));
            var key = SigningKey.of(signingRow);
            var signing = new Signing(key.keyId(), Algorithm.ECDSA256(key.publicKey(), key.privateKey()), key.jwk());
            var verifying = new HashMap<String, Verifying>();
            for (var row : ring.keys()) {
                if (row.isRetired()) continue;
                try {
                    var until = row.equals(signingRow) ? Optional.<Instant>empty() : ring.verifiesUntil(row, verifyFor);
                    verifying.put(row.id().value(), new Verifying(row.id().value(), row.generation(), SigningKey.publicKey(row), until));
                } catch (IllegalStateException unusable) {
                    LOG.warn("Token signing key {} is left out: {}", row.id(), unusable.getMessage());
                }
            }
            return new Ring(signing, Map.copyOf(verifying));
        }
    }
}

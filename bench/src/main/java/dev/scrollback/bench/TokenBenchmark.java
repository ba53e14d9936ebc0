package dev.scrollback.bench;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.scrollback.adapters.web.accounts.TokenCheck;
import dev.scrollback.adapters.web.accounts.TokenIssuer;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.SessionId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What an authenticated web request costs before it reaches the application (issue 3, item 12): checking its access
 * token with {@link TokenIssuer#checkAccess}, both for a token it has checked before and remembers (a client sends the
 * same token for 15 minutes) and for one it has not (ES256 signature, issuer, type and required claims, then parsing the
 * ids), against the baseline of a bare java-jwt ES256 verification of a token of the same shape. Also signing, since
 * every login and refresh signs two tokens.
 *
 * <pre>bench/run jmh TokenBenchmark -f 1 -wi 3 -i 5 -w 1s -r 2s</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3)
public class TokenBenchmark {
    private static final String ISSUER = "http://127.0.0.1:8080";

    private Path keyDirectory;
    private TokenIssuer issuer;
    private String accessToken;
    /** More tokens than the issuer remembers, checked in turn: each is the one forgotten longest ago, so none is remembered. */
    private String[] unseenTokens;
    private int nextUnseen;
    private AccountId account;
    private SessionId session;
    private Algorithm rawAlgorithm;
    private JWTVerifier rawVerifier;
    private String rawToken;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        keyDirectory = Files.createTempDirectory("scrollback-bench-keys").resolve("keys");
        var ttl = Duration.ofHours(1);                      // outlives the run: every check below is of a valid token
        issuer = TokenIssuer.loadOrCreate(keyDirectory, ISSUER, Clock.systemUTC(), ttl, ttl);
        account = new AccountId(UUID.randomUUID());
        session = new SessionId(UUID.randomUUID());
        accessToken = issuer.issue(account, session).accessToken();
        if (!(issuer.checkAccess(accessToken) instanceof TokenCheck.Valid)) throw new IllegalStateException("token not valid");
        unseenTokens = new String[TokenIssuer.REMEMBERED_ACCESS_TOKENS + 1_000];
        for (int i = 0; i < unseenTokens.length; i++) unseenTokens[i] = issuer.issue(account, session).accessToken();

        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        var pair = generator.generateKeyPair();
        rawAlgorithm = Algorithm.ECDSA256((ECPublicKey) pair.getPublic(), (ECPrivateKey) pair.getPrivate());
        rawVerifier = JWT.require(rawAlgorithm).build();
        var now = Clock.systemUTC().instant();
        rawToken = JWT.create().withKeyId("bench").withIssuer(ISSUER).withSubject(account.toString())
                .withClaim("sid", session.toString()).withClaim("typ", "access").withJWTId(UUID.randomUUID().toString())
                .withIssuedAt(now).withExpiresAt(now.plus(ttl)).sign(rawAlgorithm);
    }

    @TearDown(Level.Trial)
    public void removeKeys() throws IOException {
        try (var paths = Files.walk(keyDirectory.getParent())) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** The token of every request of a client that has one: remembered since its first check. */
    @Benchmark
    public TokenCheck check_access_token() {
        return issuer.checkAccess(accessToken);
    }

    /** A token the issuer does not remember: checked in full (and then remembered, pushing out the oldest). */
    @Benchmark
    public TokenCheck check_access_token_not_seen_before() {
        var token = unseenTokens[nextUnseen];
        nextUnseen = nextUnseen + 1 == unseenTokens.length ? 0 : nextUnseen + 1;
        return issuer.checkAccess(token);
    }

    @Benchmark
    public DecodedJWT raw_es256_verify() {
        return rawVerifier.verify(rawToken);
    }

    @Benchmark
    public Object issue_token_pair() {
        return issuer.issue(account, session);
    }
}

package dev.scrollback.bench;

import dev.scrollback.adapters.persistence.shared.EventStore;
import dev.scrollback.adapters.persistence.shared.StoreSettings;
import dev.scrollback.application.accounts.AccountStreams;
import dev.scrollback.application.accounts.AuthenticateSession;
import dev.scrollback.application.sessions.SessionActivity;
import dev.scrollback.application.sessions.SessionStreams;
import dev.scrollback.application.shared.Actor;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.EventMetadata;
import dev.scrollback.application.shared.ExpectedVersion;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.StreamAppend;
import dev.scrollback.domain.accounts.AccountDecider;
import dev.scrollback.domain.accounts.AccountEvent;
import dev.scrollback.domain.accounts.AccountEvent.AccountRegistered;
import dev.scrollback.domain.accounts.AccountEvent.EmailVerified;
import dev.scrollback.domain.accounts.AccountEvent.LoginSucceeded;
import dev.scrollback.domain.accounts.AccountState;
import dev.scrollback.domain.accounts.EmailAddress;
import dev.scrollback.domain.accounts.PasswordHash;
import dev.scrollback.domain.sessions.SessionEvent.SessionStarted;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.RemoteAddress;
import dev.scrollback.domain.shared.SessionId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the application pays to authenticate a request on an account with a long history: {@link AuthenticateSession}
 * (the service the web adapter calls after the token check) on a real embedded H2 store whose account stream holds
 * {@code logins} {@code LoginSucceeded} events, against the baseline of reading and replaying that stream in full (what
 * every load did before folded states were cached, and what the first request after a restart still pays), and of the
 * one store round trip a cached load still makes. The service is package-private, so it is built reflectively with the
 * same parts Spring gives it.
 *
 * <pre>bench/run jmh AuthenticateBenchmark -f 1 -wi 3 -i 5 -w 1s -r 2s</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3)
public class AuthenticateBenchmark {
    private static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");
    private static final PasswordHash HASH = new PasswordHash("$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA");

    @Param({"5000"})
    public int logins;

    private Path directory;
    private EventStore store;
    private EventLog log;
    private AuthenticateSession authenticate;
    private AccountId account;
    private SessionId session;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        directory = Files.createTempDirectory("scrollback-bench-authenticate");
        store = EventStore.open(new StoreSettings.Embedded(directory));
        log = store.eventLog();
        account = new AccountId(UUID.randomUUID());
        var handle = new Handle("busy");
        var metadata = EventMetadata.of(Actor.user(account, handle), Origin.of(Channel.WEB, new RemoteAddress("127.0.0.1")), T0);
        var stream = AccountStreams.account(account);
        log.append(new StreamAppend(stream, ExpectedVersion.noStream(), List.of(
                new AccountRegistered(account, handle, Optional.of(new EmailAddress("busy@example.org")), HASH, T0),
                new EmailVerified(account, T0))), metadata);
        long version = 1;
        for (int written = 0; written < logins; ) {                  // appended in batches: setting up, not measuring
            var batch = new ArrayList<AccountEvent>();
            for (int i = 0; i < 500 && written < logins; i++, written++) {
                batch.add(new LoginSucceeded(account, handle, new SessionId(UUID.randomUUID()), T0.plusSeconds(written)));
            }
            log.append(new StreamAppend(stream, ExpectedVersion.exactly(version), batch), metadata);
            version += batch.size();
        }
        session = new SessionId(UUID.randomUUID());
        log.append(new StreamAppend(SessionStreams.session(session), ExpectedVersion.noStream(), List.of(
                new SessionStarted(session, account, handle, Channel.WEB, Optional.empty(), Optional.empty(),
                        T0.plusSeconds(logins)))), metadata);

        var clock = Clock.systemUTC();
        var service = Class.forName("dev.scrollback.application.accounts.AuthenticateSessionService")
                .getDeclaredConstructor(EventLog.class, SessionActivity.class, Clock.class);
        service.setAccessible(true);
        authenticate = (AuthenticateSession) service.newInstance(log, new SessionActivity(clock), clock);
        if (authenticate.authenticate(session, account).isEmpty()) throw new IllegalStateException("the session does not authenticate");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        store.close();
        try (var files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** One authenticated request's application part: the session's stream and the account's, folded. */
    @Benchmark
    public Object authenticateSession() {
        return authenticate.authenticate(session, account).orElseThrow();
    }

    /** What a cached load still asks of the store: the account stream's tail after its last version (no rows). */
    @Benchmark
    public Object readAccountTail() {
        return log.readAfter(AccountStreams.account(account), logins + 1);
    }

    /** The baseline: the account stream read and replayed in full, as every load did before. */
    @Benchmark
    public AccountState replayAccountStream() {
        return new AccountDecider().replay(log.read(AccountStreams.account(account)).eventsOf(AccountEvent.class));
    }
}

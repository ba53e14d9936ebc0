package dev.scrollback.application.accounts;

import dev.scrollback.application.sessions.SessionActivity;
import dev.scrollback.application.sessions.SessionStreams;
import dev.scrollback.application.shared.Actor;
import dev.scrollback.application.shared.Decision;
import dev.scrollback.application.shared.Decision.Loaded;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.EventMetadata;
import dev.scrollback.application.shared.ExpectedVersion;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.Retried;
import dev.scrollback.application.shared.RateLimited;
import dev.scrollback.application.shared.RateLimiter;
import dev.scrollback.application.shared.StreamAppend;
import dev.scrollback.application.shared.UuidV7;
import dev.scrollback.domain.accounts.AccountCommand.IssueUnlockCode;
import dev.scrollback.domain.accounts.AccountCommand.LogIn;
import dev.scrollback.domain.accounts.AccountDecider;
import dev.scrollback.domain.accounts.AccountEvent;
import dev.scrollback.domain.accounts.AccountEvent.AccountLocked;
import dev.scrollback.domain.accounts.AccountEvent.LoginFailed;
import dev.scrollback.domain.accounts.AccountEvent.LoginSucceeded;
import dev.scrollback.domain.accounts.AccountRejected;
import dev.scrollback.domain.accounts.AccountRejected.EmailNotVerified;
import dev.scrollback.domain.accounts.AccountRejected.InvalidCredentials;
import dev.scrollback.domain.accounts.AccountRejected.LockedOut;
import dev.scrollback.domain.accounts.AccountRejected.SlowDown;
import dev.scrollback.domain.accounts.AccountRejected.WrongTotp;
import dev.scrollback.domain.accounts.AccountState;
import dev.scrollback.domain.accounts.LoginAttempts;
import dev.scrollback.domain.accounts.PasswordHash;
import dev.scrollback.domain.accounts.Secret;
import dev.scrollback.domain.accounts.SecondFactorCheck;
import dev.scrollback.domain.accounts.SecretCheck;
import dev.scrollback.domain.accounts.UnknownHandleEvent.UnknownHandleLoginFailed;
import dev.scrollback.domain.sessions.SessionCommand.Start;
import dev.scrollback.domain.sessions.SessionDecider;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.SessionId;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;

@Named
final class LogInCallerService implements LogInCaller {
    private static final System.Logger LOG = System.getLogger(LogInCallerService.class.getName());

    /** Password checks (each one Argon2 run) per remote address, whatever the handle; refused early attempts are free. */
    static final RateLimiter.Limit PER_ADDRESS = new RateLimiter.Limit("login-per-address", 30, Duration.ofMinutes(15));
    /** How many unknown handles' failure records are kept in memory (least recently tried dropped first). */
    static final int UNKNOWN_HANDLES_KEPT = 50_000;

    private final EventLog log;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final SessionActivity activity;
    private final RateLimiter limiter;
    private final Mailer mailer;
    private final TotpCodes totpCodes;
    /** Hashed once, checked against for unknown handles so that they cost as much time as known ones. */
    private final PasswordHash decoy;
    /** Failures on handles nobody holds, by handle key: run through the same policy, so they lock alike. */
    private final Map<String, LoginAttempts> unknownHandles = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, LoginAttempts> eldest) {
            return size() > UNKNOWN_HANDLES_KEPT;
        }
    };

    @Inject
    LogInCallerService(EventLog log, PasswordHasher hasher, Clock clock, SessionActivity activity, RateLimiter limiter,
                       Mailer mailer, TotpCodes totpCodes) {
        this.log = log;
        this.hasher = hasher;
        this.clock = clock;
        this.activity = activity;
        this.limiter = limiter;
        this.mailer = mailer;
        this.totpCodes = totpCodes;
        this.decoy = hasher.hash(new Secret("decoy password, never matches anything " + UuidV7.next()));
    }

    @Override
    public Caller logIn(Command command) {
        var account = HandleLookup.accountOf(log, command.handle());
        if (account.isEmpty()) throw unknownHandle(command);
        // Hashing is the costly part (tens of ms): a retry after a concurrent login must not pay it again.
        var password = hasher.checking(command.password());
        var unlockCode = command.unlockCode().map(hasher::checking);
        // Another login on this account at the same moment: decide again on what is there now.
        return Retried.onConflict(5, () -> attempt(command, account.get(), password, unlockCode));
    }

    /**
     * The same steps, checks and answers as a known account; its failures counted in memory (no stream per guessed
     * name) and recorded on the day's {@link AccountStreams#loginFailures} stream.
     */
    private RuntimeException unknownHandle(Command command) {
        var key = command.handle().key();
        var at = clock.instant();
        LoginAttempts attempts;
        synchronized (unknownHandles) {
            attempts = unknownHandles.getOrDefault(key, LoginAttempts.none());
        }
        var refusal = attempts.refusal(at);
        if (refusal.isPresent()) {
            if (refusal.get() instanceof LockedOut && command.unlockCode().isPresent()) {
                perAddress(command.origin());
                hasher.matches(command.unlockCode().get(), decoy);   // a known account checks the code here
            }
            return refused(refusal.get(), at);
        }
        perAddress(command.origin());
        hasher.matches(command.password(), decoy);
        var locks = attempts.nextFailureLocks();
        var after = locks ? attempts.failed(at).locked(at.plus(LoginAttempts.LOCK_FOR)) : attempts.failed(at);
        synchronized (unknownHandles) {
            unknownHandles.put(key, after);
        }
        // Recorded for the audit log as a known handle's failure is; a guessed name gets no stream of its own.
        log.append(new StreamAppend(AccountStreams.loginFailures(at), ExpectedVersion.any(),
                List.of(new UnknownHandleLoginFailed(command.handle(), locks, at))),
                EventMetadata.of(Actor.anonymous(), command.origin(), at));
        return new AccountRejected(locks ? new LockedOut(at.plus(LoginAttempts.LOCK_FOR)) : new InvalidCredentials());
    }

    private Caller attempt(Command command, AccountId account, SecretCheck password, Optional<SecretCheck> unlockCode) {
        var at = clock.instant();
        var session = command.origin().session()
                .filter(id -> !log.read(SessionStreams.session(id)).exists())   // a second login on one connection
                .orElseGet(() -> new SessionId(UuidV7.next()));
        var origin = command.origin().inSession(session);
        var decider = new AccountDecider();
        var loaded = Loaded.load(log, AccountStreams.account(account), decider, AccountEvent.class);
        // An erased account answers exactly like a handle nobody holds (decision 0021)
        if (!(loaded.state() instanceof AccountState.Registered registered)) throw unknownHandle(command);
        var lock = registered.attempts().lockAt(at);
        boolean checksASecret = lock.isPresent() ? command.unlockCode().isPresent() : registered.attempts().refusal(at).isEmpty();
        if (checksASecret) perAddress(command.origin());
        List<AccountEvent> events;
        try {
            var secondFactor = command.totp()
                    .map(typed -> (SecondFactorCheck) new SecondFactor(typed, totpCodes, hasher, at));
            events = decider.decide(new LogIn(password, unlockCode, secondFactor, session, at), registered);
        } catch (AccountRejected rejected) {
            throw refused(rejected.reason(), at);
        }
        var decision = new Decision<>(loaded.stream(), loaded.version(), loaded.state(), events);
        var success = events.stream().filter(LoginSucceeded.class::isInstance).map(LoginSucceeded.class::cast).findFirst();
        if (success.isPresent()) {
            var started = new SessionDecider(session).decide(new Start(account, registered.handle(),
                    origin.channel(), origin.address(), command.terminal(), at), new SessionDecider(session).initialState());
            var actor = Actor.user(account, registered.handle());
            log.append(List.of(decision.toAppend(),
                    new StreamAppend(SessionStreams.session(session), ExpectedVersion.noStream(), started)),
                    EventMetadata.of(actor, origin, at));
            activity.touch(session);
            var after = evolveAll(decider, registered, events);
            return new Caller(account, registered.handle(), session, after.effectiveRoles());
        }
        var failed = events.stream().filter(LoginFailed.class::isInstance).map(LoginFailed.class::cast).findFirst().orElseThrow();
        var locked = events.stream().filter(AccountLocked.class::isInstance).map(AccountLocked.class::cast).findFirst();
        if (locked.isPresent()) {
            lockAndMail(decision, registered, locked.get(), origin, at);
            throw new AccountRejected(new LockedOut(locked.get().until().orElseThrow()));
        }
        log.append(decision.toAppend(), EventMetadata.of(Actor.anonymous(), origin, at));
        throw new AccountRejected(switch (failed.reason()) {
            case WRONG_PASSWORD -> new InvalidCredentials();
            case EMAIL_NOT_VERIFIED -> new EmailNotVerified(registered.handle());
            case WRONG_TOTP -> new WrongTotp();
        });
    }

    /** The failure, the lock and the hash of a fresh unlock code go in at once; then the code is mailed to the owner. */
    private void lockAndMail(Decision<AccountState, AccountEvent> decision, AccountState.Registered registered,
                             AccountLocked locked, Origin origin, Instant at) {
        var decider = new AccountDecider();
        var code = UnlockCodes.next();
        var lockedState = evolveAll(decider, registered, decision.events());
        var events = new ArrayList<>(decision.events());
        events.addAll(decider.decide(new IssueUnlockCode(hasher.hash(new Secret(code)), at), lockedState));
        log.append(new StreamAppend(decision.stream(), ExpectedVersion.after(decision.version()), events),
                EventMetadata.of(Actor.anonymous(), origin, at));
        registered.email().ifPresent(email -> {
            try {
                mailer.send(UnlockCodes.mail(email, registered.handle(), code, locked.until().orElseThrow()));
            } catch (Mailer.MailFailed e) {
                LOG.log(System.Logger.Level.WARNING, "unlock mail failed: " + e.getMessage());
            }
        });
    }

    private static AccountState.Registered evolveAll(AccountDecider decider, AccountState state, List<AccountEvent> events) {
        var after = state;
        for (var event : events) after = decider.evolve(after, event);
        return (AccountState.Registered) after;
    }

    private void perAddress(Origin origin) {
        origin.address().ifPresent(address -> limiter.acquire(PER_ADDRESS, address.value()).orThrow());
    }

    /** A slow-down is a rate limit to every channel (web: 429 with Retry-After); everything else stays as it is. */
    private static RuntimeException refused(AccountRejected.Reason reason, Instant at) {
        if (reason instanceof SlowDown slow) return new RateLimited(Duration.between(at, slow.notBefore()));
        return new AccountRejected(reason);
    }
}

package dev.scrollback.application.accounts;

import dev.scrollback.application.shared.Actor;
import dev.scrollback.application.shared.Decision;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.EventMetadata;
import dev.scrollback.domain.accounts.AccountCommand;
import dev.scrollback.domain.accounts.AccountDecider;
import dev.scrollback.domain.accounts.AccountEvent;
import dev.scrollback.domain.accounts.AccountRejected;
import dev.scrollback.domain.accounts.AccountRejected.WrongCode;
import dev.scrollback.domain.accounts.Secret;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import dev.scrollback.application.shared.RateLimiter;
import java.time.Clock;
import java.time.Duration;

@Named
final class VerifyEmailService implements VerifyEmail {
    private final EventLog log;
    /** Per handle, known or not: a 6-digit code lives a day, so guesses from many addresses must be capped too. */
    static final RateLimiter.Limit PER_ACCOUNT = new RateLimiter.Limit("verify-per-account", 10, Duration.ofMinutes(15));

    private final PasswordHasher hasher;
    private final Clock clock;
    private final RateLimiter limiter;

    @Inject
    VerifyEmailService(EventLog log, PasswordHasher hasher, Clock clock, RateLimiter limiter) {
        this.log = log;
        this.hasher = hasher;
        this.clock = clock;
        this.limiter = limiter;
    }

    @Override
    public Verified verify(Command command) {
        limiter.acquire(PER_ACCOUNT, command.handle().key()).orThrow();
        if (!VerificationCodes.wellFormed(command.code())) throw new AccountRejected(new WrongCode());
        var account = HandleLookup.accountOf(log, command.handle()).orElseThrow(() -> new AccountRejected(new WrongCode()));
        var code = new Secret(command.code());
        var at = clock.instant();
        var decision = Decision.make(log, AccountStreams.account(account), new AccountDecider(), AccountEvent.class,
                new AccountCommand.VerifyEmail(hasher.checking(code), at));
        log.append(decision.toAppend(), EventMetadata.of(Actor.user(account, command.handle()), command.origin(), at));
        return new Verified(account, command.handle());
    }
}

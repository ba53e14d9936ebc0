package dev.scrollback.application.presence;

import dev.scrollback.application.accounts.AccountStreams;
import dev.scrollback.application.accounts.CompletePasswordReset;
import dev.scrollback.application.accounts.PasswordHasher;
import dev.scrollback.application.accounts.PasswordResetIndex;
import dev.scrollback.application.accounts.ResetCodes;
import dev.scrollback.application.shared.Actor;
import dev.scrollback.application.shared.Decision;
import dev.scrollback.application.shared.Decision.Loaded;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.EventMetadata;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.RateLimiter;
import dev.scrollback.application.shared.RateLimiter.Limit;
import dev.scrollback.domain.accounts.AccountCommand;
import dev.scrollback.domain.accounts.AccountDecider;
import dev.scrollback.domain.accounts.AccountEvent;
import dev.scrollback.domain.accounts.AccountRejected;
import dev.scrollback.domain.accounts.AccountRejected.WrongCode;
import dev.scrollback.domain.accounts.AccountState;
import dev.scrollback.domain.accounts.CommonPasswords;
import dev.scrollback.domain.accounts.PasswordPolicy;
import dev.scrollback.domain.accounts.Secret;
import dev.scrollback.domain.sessions.EndReason;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Duration;

/** In presence: it ends the account's sessions found there. */
@Named
final class CompletePasswordResetService implements CompletePasswordReset {
    /** Per account whose code was guessed at: a 16-digit code cannot be found this way, and the owner is not slowed. */
    static final Limit PER_ACCOUNT = new Limit("password-reset-complete-per-account", 10, Duration.ofMinutes(30));
    static final String ENDED_NOTICE = "Your password was reset - goodbye.";

    private final EventLog log;
    private final PasswordResetIndex index;
    private final PasswordHasher hasher;
    private final CommonPasswords common;
    private final Clock clock;
    private final RateLimiter limiter;
    private final OwnedSessions sessions;

    @Inject
    CompletePasswordResetService(EventLog log, PasswordResetIndex index, PasswordHasher hasher, CommonPasswords common,
                                 Clock clock, RateLimiter limiter, OwnedSessions sessions) {
        this.log = log;
        this.index = index;
        this.hasher = hasher;
        this.common = common;
        this.clock = clock;
        this.limiter = limiter;
        this.sessions = sessions;
    }

    @Override
    public Outcome complete(String code, Secret newPassword, Origin origin) {
        var digest = ResetCodes.digestOf(code).orElseThrow(() -> new AccountRejected(new WrongCode()));
        var account = index.accountOf(digest).orElseThrow(() -> new AccountRejected(new WrongCode()));
        limiter.acquire(PER_ACCOUNT, account.toString()).orThrow();
        var stream = AccountStreams.account(account);
        var check = ResetCodes.matching(digest);
        // The code is looked at before the new password is hashed: a wrong guess costs no Argon2 run.
        var loaded = Loaded.load(log, stream, new AccountDecider(), AccountEvent.class);
        if (!(loaded.state() instanceof AccountState.Registered before)
                || before.reset().pending().filter(p -> check.matches(p.codeDigest())).isEmpty()) {
            throw new AccountRejected(new WrongCode());
        }
        var weakness = PasswordPolicy.check(newPassword, before.handle(), before.email(), common);
        if (weakness.isPresent()) throw new AccountRejected(new AccountRejected.WeakPassword(weakness.get()));
        var at = clock.instant();
        var decision = Decision.make(log, stream, new AccountDecider(), AccountEvent.class,
                new AccountCommand.CompletePasswordReset(check, newPassword, hasher.hash(newPassword), common, at));
        var actor = Actor.user(account, before.handle());
        log.append(decision.toAppend(), EventMetadata.of(actor, origin, at));
        int ended = sessions.endAll(account, EndReason.REVOKED, actor, origin, ENDED_NOTICE);
        return new Outcome(before.handle(), ended);
    }
}

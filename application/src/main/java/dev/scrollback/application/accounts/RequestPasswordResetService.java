package dev.scrollback.application.accounts;

import dev.scrollback.application.shared.Actor;
import dev.scrollback.application.shared.Decision;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.EventMetadata;
import dev.scrollback.application.accounts.RequestPasswordReset.Identity;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.RateLimiter;
import dev.scrollback.application.shared.RateLimiter.Limit;
import dev.scrollback.domain.accounts.AccountCommand;
import dev.scrollback.domain.accounts.AccountDecider;
import dev.scrollback.domain.accounts.AccountEvent;
import dev.scrollback.domain.accounts.AccountEvent.ResetCause;
import dev.scrollback.domain.accounts.AccountRejected;
import dev.scrollback.domain.accounts.AccountState;
import dev.scrollback.domain.shared.AccountId;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executor;

@Named
final class RequestPasswordResetService implements RequestPasswordReset {
    /** Per handle or address asked about, known or not: enough for a caller who lost a mail, too few to mail-bomb. */
    static final Limit PER_IDENTITY = new Limit("password-reset-per-identity", 3, Duration.ofHours(1));
    private static final System.Logger LOG = System.getLogger(RequestPasswordResetService.class.getName());

    private final EventLog log;
    private final PasswordResetIndex index;
    private final Mailer mailer;
    private final Clock clock;
    private final RateLimiter limiter;
    private final Executor background;

    @Inject
    RequestPasswordResetService(EventLog log, PasswordResetIndex index, Mailer mailer, Clock clock, RateLimiter limiter) {
        this(log, index, mailer, clock, limiter, task -> Thread.ofVirtual().name("password-reset").start(task));
    }

    /** {@code background} runs the work after the answer (tests pass one that runs it at once). */
    RequestPasswordResetService(EventLog log, PasswordResetIndex index, Mailer mailer, Clock clock, RateLimiter limiter,
                                Executor background) {
        this.log = log;
        this.index = index;
        this.mailer = mailer;
        this.clock = clock;
        this.limiter = limiter;
        this.background = background;
    }

    @Override
    public void request(Command command) {
        limiter.acquire(PER_IDENTITY, key(command.identity())).orThrow();
        background.execute(() -> {
            try {
                for (var account : accountsOf(command.identity())) issue(account, command.origin());
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "password reset request failed", e);
            }
        });
    }

    private Set<AccountId> accountsOf(Identity identity) {
        return switch (identity) {
            case Identity.ByHandle h -> HandleLookup.accountOf(log, h.handle()).map(Set::of).orElse(Set.of());
            case Identity.ByEmail e -> index.accountsOf(e.email());
        };
    }

    /** Records the digest of a fresh code, then mails the code. An account without an address gets nothing. */
    private void issue(AccountId account, Origin origin) {
        var at = clock.instant();
        var issued = ResetCodes.issue();
        var digest = issued.digest();
        var expiresAt = at.plus(ResetCodes.VALIDITY);
        Decision<AccountState, AccountEvent> decision;
        try {
            decision = Decision.make(log, AccountStreams.account(account), new AccountDecider(), AccountEvent.class,
                    new AccountCommand.RequestPasswordReset(digest, expiresAt, ResetCause.OWNER_REQUEST, at));
        } catch (AccountRejected noEmailOnFile) {
            return;
        }
        log.append(decision.toAppend(), EventMetadata.of(Actor.anonymous(), origin, at));
        index.remember(account, digest);
        if (decision.before() instanceof AccountState.Registered r && r.email().isPresent()) {
            try {
                mailer.send(ResetCodes.mail(r.email().get(), r.handle(), issued.text(), expiresAt, r.reset().required()));
            } catch (Mailer.MailFailed e) {
                LOG.log(System.Logger.Level.WARNING, "password reset mail failed: " + e.getMessage());
            }
        }
    }

    private static String key(Identity identity) {
        return switch (identity) {
            case Identity.ByHandle h -> "handle:" + h.handle().key();
            case Identity.ByEmail e -> "email:" + e.email().value().toLowerCase(Locale.ROOT);
        };
    }
}

package dev.scrollback.application.accounts;

import dev.scrollback.application.shared.Actor;
import dev.scrollback.application.shared.Decision;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.EventMetadata;
import dev.scrollback.domain.accounts.AccountDecider;
import dev.scrollback.domain.accounts.AccountEvent;
import dev.scrollback.domain.accounts.AccountRejected;
import dev.scrollback.domain.accounts.AccountState;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import dev.scrollback.application.shared.RateLimiter;
import java.time.Clock;
import java.time.Duration;

@Named
final class ResendVerificationService implements ResendVerification {
    private static final System.Logger LOG = System.getLogger(ResendVerificationService.class.getName());

    private final EventLog log;
    private final Mailer mailer;
    private final Clock clock;
    private final VerificationCodes codes;

    /** Per handle, known or not: nobody's mailbox is flooded from many addresses. */
    static final RateLimiter.Limit PER_ACCOUNT = new RateLimiter.Limit("verification-mail-per-account", 3, Duration.ofHours(1));

    private final RateLimiter limiter;

    @Inject
    ResendVerificationService(EventLog log, PasswordHasher hasher, Mailer mailer, Clock clock, RateLimiter limiter) {
        this.limiter = limiter;
        this.log = log;
        this.mailer = mailer;
        this.clock = clock;
        this.codes = new VerificationCodes(hasher);
    }

    @Override
    public void resend(Command command) {
        limiter.acquire(PER_ACCOUNT, command.handle().key()).orThrow();
        var account = HandleLookup.accountOf(log, command.handle());
        if (account.isEmpty()) return;
        var at = clock.instant();
        var issued = codes.issue(at);
        Decision<AccountState, AccountEvent> decision;
        try {
            decision = Decision.make(log, AccountStreams.account(account.get()), new AccountDecider(), AccountEvent.class,
                    issued.command());
        } catch (AccountRejected alreadyVerifiedOrNoEmail) {
            return;                                                   // nothing to send, and nothing to tell
        }
        log.append(decision.toAppend(), EventMetadata.of(Actor.user(account.get(), command.handle()), command.origin(), at));
        if (decision.before() instanceof AccountState.Registered r && r.email().isPresent()) {
            try {
                mailer.send(VerificationCodes.mail(r.email().get(), r.handle(), issued.code()));
            } catch (Mailer.MailFailed e) {
                LOG.log(System.Logger.Level.WARNING, "verification mail failed: " + e.getMessage());
            }
        }
    }
}

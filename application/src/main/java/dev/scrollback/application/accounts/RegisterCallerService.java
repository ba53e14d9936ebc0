package dev.scrollback.application.accounts;

import dev.scrollback.application.shared.Actor;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.EventMetadata;
import dev.scrollback.application.shared.UuidV7;
import dev.scrollback.domain.accounts.AccountCommand.Register;
import dev.scrollback.domain.accounts.AccountDecider;
import dev.scrollback.domain.accounts.AccountEvent;
import dev.scrollback.domain.accounts.CommonPasswords;
import dev.scrollback.domain.shared.AccountId;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import dev.scrollback.application.shared.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Optional;

@Named
final class RegisterCallerService implements RegisterCaller {
    private static final System.Logger LOG = System.getLogger(RegisterCallerService.class.getName());

    private final EventLog log;
    private final PasswordHasher hasher;
    private final Mailer mailer;
    private final Clock clock;
    private final VerificationCodes codes;
    private final CommonPasswords common;

    /** Per email address: sign-ups mail a code, so one address cannot be flooded by signing it up again and again. */
    static final RateLimiter.Limit PER_EMAIL = new RateLimiter.Limit("signup-per-email", 3, Duration.ofDays(1));

    private final RateLimiter limiter;

    @Inject
    RegisterCallerService(EventLog log, PasswordHasher hasher, Mailer mailer, Clock clock, CommonPasswords common,
                          RateLimiter limiter) {
        this.limiter = limiter;
        this.common = common;
        this.log = log;
        this.hasher = hasher;
        this.mailer = mailer;
        this.clock = clock;
        this.codes = new VerificationCodes(hasher);
    }

    @Override
    public Registered register(Command command) {
        var email = Optional.of(command.email());
        AccountOpening.requireStrong(command.password(), command.handle(), email, common);
        limiter.acquire(PER_EMAIL, command.email().value().toLowerCase(java.util.Locale.ROOT)).orThrow();
        var at = clock.instant();
        var account = new AccountId(UuidV7.next());
        var claim = AccountOpening.claim(log, command.handle(), account, false, at);
        var decider = new AccountDecider();
        var registered = decider.decide(new Register(account, command.handle(), email, hasher.hash(command.password()), at),
                decider.initialState());
        var issued = codes.issue(at);
        var events = new ArrayList<AccountEvent>(registered);
        events.addAll(decider.decide(issued.command(), decider.replay(registered)));

        AccountOpening.open(log, claim, account, events, EventMetadata.of(Actor.user(account, command.handle()), command.origin(), at));
        send(VerificationCodes.mail(command.email(), command.handle(), issued.code()));
        return new Registered(account, command.handle());
    }

    /** The account stands even when mail fails: the caller can ask for a fresh code. */
    private void send(Mail mail) {
        try {
            mailer.send(mail);
        } catch (Mailer.MailFailed e) {
            LOG.log(System.Logger.Level.WARNING, "verification mail to " + mail.to() + " failed: " + e.getMessage());
        }
    }
}

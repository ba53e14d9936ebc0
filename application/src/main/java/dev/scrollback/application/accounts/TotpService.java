package dev.scrollback.application.accounts;

import dev.scrollback.application.shared.Decision;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.EventMetadata;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.accounts.AccountCommand;
import dev.scrollback.domain.accounts.AccountDecider;
import dev.scrollback.domain.accounts.AccountEvent;
import dev.scrollback.domain.accounts.RecoveryCodeHashes;
import dev.scrollback.domain.accounts.Secret;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.util.function.Function;

@Named
final class TotpService implements EnrolTotp, DisableTotp {
    private final EventLog log;
    private final PasswordHasher hasher;
    private final TotpCodes codes;
    private final Clock clock;

    @Inject
    TotpService(EventLog log, PasswordHasher hasher, TotpCodes codes, Clock clock) {
        this.log = log;
        this.hasher = hasher;
        this.codes = codes;
        this.clock = clock;
    }

    @Override
    public Enrolment enrol(Caller caller, Secret password, Origin origin) {
        var secret = codes.newSecret();
        var recoveryCodes = RecoveryCodes.next();
        var hashes = new RecoveryCodeHashes(recoveryCodes.stream()
                .map(code -> hasher.hash(new Secret(RecoveryCodes.normalized(code)))).toList());
        decide(caller, origin, at -> new AccountCommand.EnrolTotp(hasher.checking(password), secret, hashes, at));
        return new Enrolment(codes.otpauthUri(secret, caller.handle()), secret.base32(), recoveryCodes);
    }

    @Override
    public void disable(Caller caller, Secret password, Origin origin) {
        decide(caller, origin, at -> new AccountCommand.DisableTotp(hasher.checking(password), at));
    }

    private void decide(Caller caller, Origin origin, Function<java.time.Instant, AccountCommand> command) {
        var at = clock.instant();
        var decision = Decision.make(log, AccountStreams.account(caller.account()), new AccountDecider(), AccountEvent.class,
                command.apply(at));
        log.append(decision.toAppend(), EventMetadata.of(caller.actor(), origin.inSession(caller.session()), at));
    }
}

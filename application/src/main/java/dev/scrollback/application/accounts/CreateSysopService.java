package dev.scrollback.application.accounts;

import dev.scrollback.application.shared.Actor;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.EventMetadata;
import dev.scrollback.application.shared.UuidV7;
import dev.scrollback.domain.accounts.AccountCommand.RegisterSysop;
import dev.scrollback.domain.accounts.AccountDecider;
import dev.scrollback.domain.accounts.CommonPasswords;
import dev.scrollback.domain.shared.AccountId;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;

@Named
final class CreateSysopService implements CreateSysop {
    private final EventLog log;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final AccountDirectory directory;
    private final CommonPasswords common;

    @Inject
    CreateSysopService(EventLog log, PasswordHasher hasher, Clock clock, AccountDirectory directory, CommonPasswords common) {
        this.common = common;
        this.log = log;
        this.hasher = hasher;
        this.clock = clock;
        this.directory = directory;
    }

    @Override
    public Outcome create(Command command) {
        var existing = directory.anySysop();
        if (existing.isPresent()) return new Outcome.SysopExists(existing.get());
        AccountOpening.requireStrong(command.password(), command.handle(), command.email(), common);
        var at = clock.instant();
        var account = new AccountId(UuidV7.next());
        var claim = AccountOpening.claim(log, command.handle(), account, true, at);
        var decider = new AccountDecider();
        var events = decider.decide(new RegisterSysop(account, command.handle(), command.email(),
                hasher.hash(command.password()), at), decider.initialState());
        AccountOpening.open(log, claim, account, events, EventMetadata.of(Actor.system(), command.origin(), at));
        events.forEach(directory::apply);                  // read-your-writes: a second call right away sees this sysop
        return new Outcome.Created(account, command.handle());
    }
}

package dev.scrollback.bootstrap;

import dev.scrollback.application.accounts.CreateSysop;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.accounts.AccountRejected;
import dev.scrollback.domain.accounts.EmailAddress;
import dev.scrollback.domain.accounts.Secret;
import dev.scrollback.domain.shared.Handle;
import java.util.Optional;

/** Creates the first sysop from SCROLLBACK_SYSOP_HANDLE / _PASSWORD (/ _EMAIL) when the store holds none (SPEC §4). */
final class FirstSysop {
    private final CreateSysop createSysop;
    private final Settings settings;
    private final Origin origin;

    FirstSysop(CreateSysop createSysop, Settings settings, Origin origin) {
        this.createSysop = createSysop;
        this.settings = settings;
        this.origin = origin;
    }

    /** Empty when the settings name no sysop. */
    Optional<CreateSysop.Outcome> createIfConfigured() {
        return settings.sysop().map(s -> create(s));
    }

    CreateSysop.Outcome createFromSettings() {
        return create(settings.sysop().orElseThrow(() ->
                new Settings.Invalid("SCROLLBACK_SYSOP_HANDLE", "is needed to create a sysop")));
    }

    private CreateSysop.Outcome create(Settings.Sysop sysop) {
        return createSysop.create(new CreateSysop.Command(new Handle(sysop.handle()),
                sysop.email().map(EmailAddress::new), new Secret(sysop.password()), origin));
    }

    static String explain(AccountRejected rejected) {
        return switch (rejected.reason()) {
            case AccountRejected.WeakPassword w -> "the sysop password is too weak: " + w.weakness().explanation();
            case AccountRejected.HandleTaken t -> "the handle " + t.handle() + " is taken by another account";
            case AccountRejected.HandleReserved r -> "the handle " + r.handle() + " is reserved";
            default -> "refused: " + rejected.reason();
        };
    }
}

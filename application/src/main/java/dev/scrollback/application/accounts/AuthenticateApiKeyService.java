package dev.scrollback.application.accounts;

import dev.scrollback.application.shared.Decision.Loaded;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.domain.accounts.AccountDecider;
import dev.scrollback.domain.accounts.AccountEvent;
import dev.scrollback.domain.accounts.AccountState;
import dev.scrollback.domain.accounts.ApiKeyDecider;
import dev.scrollback.domain.accounts.ApiKeyEvent;
import dev.scrollback.domain.accounts.ApiKeyEvent.ApiKeyIssued;
import dev.scrollback.domain.accounts.ApiKeyState;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.util.Optional;

/**
 * Reads the key's own stream (named by the id inside the key) and its account's stream: no projection, so a key works
 * the moment its issue was appended and stops the moment its revocation was. The digest is compared before anything
 * about the key is told; a failed-login lock does not stop keys (anyone typing wrong passwords could otherwise switch
 * off an integration), a sysop's lock and a sysop-required password reset do.
 */
@Named
final class AuthenticateApiKeyService implements AuthenticateApiKey {
    private final EventLog log;
    private final Clock clock;

    @Inject
    AuthenticateApiKeyService(EventLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    @Override
    public Check authenticate(PlainApiKey key) {
        var id = key.keyId();
        if (id.isEmpty()) return new Check.Unknown();
        var state = Loaded.load(log, ApiKeyStreams.key(id.get()), new ApiKeyDecider(id.get()), ApiKeyEvent.class).state();
        var found = switch (state) {
            case ApiKeyState.NotIssued n -> Optional.<ApiKeyIssued>empty();
            case ApiKeyState.Issued i -> Optional.of(i.issued());
            case ApiKeyState.Revoked r -> Optional.of(r.issued());
        };
        if (found.isEmpty() || !key.matches(found.get().hash())) return new Check.Unknown();
        var issued = found.get();
        if (!(state instanceof ApiKeyState.Issued live)) return new Check.Revoked();
        var now = clock.instant();
        if (!live.liveAt(now)) return new Check.Expired();
        var holder = Loaded.load(log, AccountStreams.account(issued.account()), new AccountDecider(), AccountEvent.class).state();
        if (!(holder instanceof AccountState.Registered account)) return new Check.Unknown();
        if (!account.mayActAt(now)) return new Check.AccountCannotAct();
        return new Check.Valid(Caller.withApiKey(issued.account(), account.handle(), issued.key(), issued.scopes(),
                account.effectiveRoles()));
    }
}

package dev.scrollback.application.accounts;

import dev.scrollback.application.shared.Decision;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.EventMetadata;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.UuidV7;
import dev.scrollback.domain.accounts.ApiKeyCommand;
import dev.scrollback.domain.accounts.ApiKeyDecider;
import dev.scrollback.domain.accounts.ApiKeyEvent;
import dev.scrollback.domain.accounts.ApiKeyId;
import dev.scrollback.domain.accounts.ApiKeyRejected;
import dev.scrollback.domain.accounts.ApiKeyRejected.TooManyKeys;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.util.List;

/**
 * Issue, list and revoke the caller's own API keys. All three need the caller's session ({@link Caller#session()}):
 * an API key never manages keys, so a leaked key cannot mint itself a successor or hide by revoking others.
 */
@Named
final class ApiKeyService implements IssueApiKey, ListApiKeys, RevokeApiKey {
    private final EventLog log;
    private final Clock clock;
    private final ApiKeyIndex index;

    @Inject
    ApiKeyService(EventLog log, Clock clock, ApiKeyIndex index) {
        this.log = log;
        this.clock = clock;
        this.index = index;
    }

    @Override
    public Issued issue(Caller caller, Command command, Origin origin) {
        var inSession = origin.inSession(caller.session());
        var at = clock.instant();
        // The projection may lag other servers by moments, so a burst spread over several could pass the bound by a
        // few keys; the bound is against clutter and abuse, not a security boundary, and the route is rate limited.
        if (index.liveCount(caller.account(), at) >= MAX_LIVE_KEYS) throw new ApiKeyRejected(new TooManyKeys(MAX_LIVE_KEYS));
        var id = new ApiKeyId(UuidV7.next());
        var key = PlainApiKey.fresh(id);
        var expiresAt = command.lifetime().map(at::plus);
        var decision = Decision.make(log, ApiKeyStreams.key(id), new ApiKeyDecider(id), ApiKeyEvent.class,
                new ApiKeyCommand.Issue(caller.account(), command.name(), command.scopes(), key.digest(), expiresAt, at));
        log.append(decision.toAppend(), EventMetadata.of(caller.actor(), inSession, at));
        decision.events().forEach(index::apply);
        return new Issued(id, command.name(), command.scopes(), key, at, expiresAt);
    }

    @Override
    public List<ApiKeySummary> list(Caller caller) {
        caller.session();                                           // refuses an API key
        return index.of(caller.account());
    }

    @Override
    public void revoke(Caller caller, ApiKeyId key, Origin origin) {
        var inSession = origin.inSession(caller.session());
        var at = clock.instant();
        var decision = Decision.make(log, ApiKeyStreams.key(key), new ApiKeyDecider(key), ApiKeyEvent.class,
                new ApiKeyCommand.RevokeOwn(caller.account(), at));
        if (decision.isEmpty()) return;                             // revoked before: nothing to record
        log.append(decision.toAppend(), EventMetadata.of(caller.actor(), inSession, at));
        decision.events().forEach(index::apply);
    }
}

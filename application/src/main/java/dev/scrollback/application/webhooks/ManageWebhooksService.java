package dev.scrollback.application.webhooks;

import dev.scrollback.application.accounts.AccessDenied;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.shared.Decision;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.EventMetadata;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.UuidV7;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.shared.InvalidValue;
import dev.scrollback.domain.webhooks.WebhookCommand;
import dev.scrollback.domain.webhooks.WebhookDecider;
import dev.scrollback.domain.webhooks.WebhookDescription;
import dev.scrollback.domain.webhooks.WebhookEvent;
import dev.scrollback.domain.webhooks.WebhookFilter;
import dev.scrollback.domain.webhooks.WebhookId;
import dev.scrollback.domain.webhooks.WebhookRejected;
import dev.scrollback.domain.webhooks.WebhookState.Status;
import dev.scrollback.domain.webhooks.WebhookUrl;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Checks the sysop, decides on the subscription's stream, appends, and then brings the table in line. Creation writes
 * the table first (the dispatcher works from it and needs the secret) and takes the row back if the append fails.
 */
@Named
final class ManageWebhooksService implements ManageWebhooks {
    private final WebhookStore store;
    private final WebhookTransport transport;
    private final WebhookSigning signing;
    private final WebhookDispatcher dispatcher;
    private final EventLog log;
    private final Clock clock;

    @Inject
    ManageWebhooksService(WebhookStore store, WebhookTransport transport, WebhookSigning signing, WebhookDispatcher dispatcher,
                          EventLog log, Clock clock) {
        this.store = store;
        this.transport = transport;
        this.signing = signing;
        this.dispatcher = dispatcher;
        this.log = log;
        this.clock = clock;
    }

    @Override
    public Created subscribe(Caller sysop, Origin origin, WebhookUrl url, WebhookFilter filter, WebhookDescription description,
                             OptionalLong after) {
        check(sysop);
        long last = log.lastPosition();
        long from = after.orElse(last);
        if (from < 0 || from > last) throw new InvalidValue("after", "must be 0 to the log's last position " + last);
        var refusal = transport.refusal(url);
        if (refusal.isPresent()) throw new InvalidValue("url", refusal.get());
        var id = new WebhookId(UuidV7.next());
        var now = clock.instant();
        var decision = Decision.make(log, WebhookDispatcher.stream(id), new WebhookDecider(id), WebhookEvent.class,
                new WebhookCommand.Subscribe(url, filter, description, from, now));
        var subscription = new Subscription(id, url, filter, description, Status.ACTIVE, from, now, Optional.empty());
        var secret = signing.mint();
        store.add(subscription, secret);
        try {
            log.append(decision.toAppend(), EventMetadata.of(sysop.actor(), origin, now));
        } catch (RuntimeException e) {
            store.remove(id);
            throw e;
        }
        return new Created(subscription, secret);
    }

    @Override
    public List<Subscription> list(Caller sysop) {
        check(sysop);
        return store.all();
    }

    @Override
    public Subscription show(Caller sysop, WebhookId id) {
        check(sysop);
        return existing(id);
    }

    @Override
    public Subscription pause(Caller sysop, Origin origin, WebhookId id) {
        check(sysop);
        decide(sysop, origin, id, new WebhookCommand.Pause(clock.instant()));
        store.status(id, Status.PAUSED);
        return existing(id);
    }

    @Override
    public Subscription resume(Caller sysop, Origin origin, WebhookId id) {
        check(sysop);
        decide(sysop, origin, id, new WebhookCommand.Resume(clock.instant()));
        store.status(id, Status.ACTIVE);
        return existing(id);
    }

    @Override
    public Rotated rotateSecret(Caller sysop, Origin origin, WebhookId id) {
        check(sysop);
        var now = clock.instant();
        var previousUntil = now.plus(dispatcher.policy().previousSecretFor());
        existing(id);
        var fresh = signing.mint();
        decide(sysop, origin, id, new WebhookCommand.RotateSecret(previousUntil, now));
        store.rotate(id, fresh, previousUntil);
        return new Rotated(fresh, previousUntil);
    }

    @Override
    public void delete(Caller sysop, Origin origin, WebhookId id) {
        check(sysop);
        decide(sysop, origin, id, new WebhookCommand.Delete(clock.instant()));
        store.remove(id);
    }

    @Override
    public DeliveryAttempt test(Caller sysop, WebhookId id) {
        check(sysop);
        var subscription = existing(id);
        var message = UuidV7.next();
        var body = WebhookDispatcher.utf8("{\"type\":\"WebhookTest\",\"webhook\":\"" + id + "\",\"message\":\"" + message
                + "\",\"sentAt\":\"" + clock.instant() + "\"}");
        return dispatcher.test(subscription, message, body);
    }

    @Override
    public DeliveryPage deliveries(Caller sysop, WebhookId id, long before, int limit) {
        check(sysop);
        existing(id);
        if (limit < 1 || limit > MAX_PAGE) throw new InvalidValue("limit", "must be 1 to " + MAX_PAGE);
        if (before < 1) throw new InvalidValue("before", "must be a delivery number (1 or more)");
        var page = store.attempts(id, before, limit);
        var next = page.size() == limit ? OptionalLong.of(page.getLast().sequence()) : OptionalLong.empty();
        return new DeliveryPage(page, next);
    }

    private Subscription existing(WebhookId id) {
        return store.find(id).orElseThrow(() -> new WebhookRejected(new WebhookRejected.NoSuchWebhook(id)));
    }

    private void decide(Caller sysop, Origin origin, WebhookId id, WebhookCommand command) {
        var decision = Decision.make(log, WebhookDispatcher.stream(id), new WebhookDecider(id), WebhookEvent.class, command);
        if (!decision.isEmpty()) log.append(decision.toAppend(), EventMetadata.of(sysop.actor(), origin, clock.instant()));
    }

    private static void check(Caller sysop) {
        AccessDenied.unlessAny(sysop, Role.SYSOP);            // an API key reaches here with the admin scope only
    }
}

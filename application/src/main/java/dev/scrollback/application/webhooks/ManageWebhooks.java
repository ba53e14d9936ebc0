package dev.scrollback.application.webhooks;

import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.webhooks.WebhookDescription;
import dev.scrollback.domain.webhooks.WebhookFilter;
import dev.scrollback.domain.webhooks.WebhookId;
import dev.scrollback.domain.webhooks.WebhookUrl;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * In-port: sysops manage webhook subscriptions (issue 7 item 6). Only sysops ({@code AccessDenied}; an API key needs
 * the {@code admin} scope, {@code CredentialDenied} otherwise). Each change is an event with the sysop as actor; the
 * secret is answered once, at creation and at rotation, and never again. An unknown id is {@code WebhookRejected}
 * (no such webhook); a change that does not apply now is {@code WebhookRejected} (not now).
 */
public interface ManageWebhooks {
    int DEFAULT_PAGE = 50;
    int MAX_PAGE = 500;

    /**
     * Subscribes {@code url} ({@code InvalidValue} "url" when its host does not resolve or resolves to an address not
     * allowed) to the events after {@code after} (the log's end when empty; {@code InvalidValue} "after" beyond it).
     */
    Created subscribe(Caller sysop, Origin origin, WebhookUrl url, WebhookFilter filter, WebhookDescription description,
                      OptionalLong after);

    List<Subscription> list(Caller sysop);

    Subscription show(Caller sysop, WebhookId id);

    Subscription pause(Caller sysop, Origin origin, WebhookId id);

    /** Deliveries go on from the cursor, at once (failures so far are forgotten). */
    Subscription resume(Caller sysop, Origin origin, WebhookId id);

    Rotated rotateSecret(Caller sysop, Origin origin, WebhookId id);

    void delete(Caller sysop, Origin origin, WebhookId id);

    /** Sends a signed test message now and says how it went; logged, never retried, the cursor untouched. */
    DeliveryAttempt test(Caller sysop, WebhookId id);

    /** The delivery log, newest first: attempts numbered below {@code before} ({@code Long.MAX_VALUE} for the newest). */
    DeliveryPage deliveries(Caller sysop, WebhookId id, long before, int limit);

    record Created(Subscription subscription, WebhookSecret secret) {}

    /** {@code secret} signs from now on; the previous one also signs until {@code previousValidUntil}. */
    record Rotated(WebhookSecret secret, Instant previousValidUntil) {}
}

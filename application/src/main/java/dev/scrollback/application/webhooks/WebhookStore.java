package dev.scrollback.application.webhooks;

import dev.scrollback.domain.webhooks.WebhookId;
import dev.scrollback.domain.webhooks.WebhookState.Status;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Out-port: the subscriptions beside the log (decision 0022): each one's settings, status, secret, cursor and retry
 * state, and its delivery log. Shared by every instance of a board. The events say what sysops did; this store is
 * what the dispatcher works from, so a secret never enters the log.
 */
public interface WebhookStore {
    void add(Subscription subscription, WebhookSecret secret);

    /** Every subscription, oldest first. */
    List<Subscription> all();

    Optional<Subscription> find(WebhookId id);

    Optional<SigningSecrets> secrets(WebhookId id);

    /** {@code fresh} signs from now on; the current secret goes on signing beside it until {@code previousUntil}. */
    void rotate(WebhookId id, WebhookSecret fresh, Instant previousUntil);

    /** Sets the status; going back to active forgets the failures, so the next event is tried at once. */
    void status(WebhookId id, Status status);

    /** The subscription, its secrets and its delivery log are gone. */
    void remove(WebhookId id);

    /**
     * Takes the right to deliver {@code id} until {@code until}: true when no other holder has it at {@code now} (free,
     * expired, or {@code holder}'s already, which renews it). One instance delivers a subscription at a time.
     */
    boolean lease(WebhookId id, String holder, Instant until, Instant now);

    void release(WebhookId id, String holder);

    /** The receiver acknowledged the event at {@code position} (or the filter passed it over): the cursor moves there. */
    void acknowledged(WebhookId id, long position);

    void failing(WebhookId id, Subscription.Failing failing);

    /** Logs one attempt and forgets all but the subscription's latest {@code keep}. */
    void record(DeliveryAttempt attempt, int keep);

    /** Up to {@code limit} logged attempts with a sequence below {@code before}, newest first. */
    List<DeliveryAttempt.Logged> attempts(WebhookId id, long before, int limit);

    /** The secrets that sign a subscription's messages: the current one, and the previous one until it expires. */
    record SigningSecrets(WebhookSecret current, Optional<WebhookSecret> previous, Optional<Instant> previousUntil) {
        public List<WebhookSecret> signingAt(Instant now) {
            return previous.isPresent() && previousUntil.filter(now::isBefore).isPresent()
                    ? List.of(current, previous.get()) : List.of(current);
        }
    }
}

package dev.scrollback.domain.webhooks;

import dev.scrollback.domain.shared.Rejection;

/** A webhook command was refused; {@link #reason()} says why. */
public final class WebhookRejected extends Rejection {
    public sealed interface Reason {}

    /** No subscription by that id (never made, or deleted). */
    public record NoSuchWebhook(WebhookId webhook) implements Reason {}

    /** Ids are fresh per subscription; a second subscribe on one stream is a bug or a replay. */
    public record AlreadySubscribed(WebhookId webhook) implements Reason {}

    /** The command does not apply in the subscription's status (pausing a paused one, resuming an active one). */
    public record NotNow(WebhookId webhook, WebhookState.Status status, String wanted) implements Reason {}

    private final Reason reason;

    public WebhookRejected(Reason reason) {
        super(reason);
        this.reason = reason;
    }

    @Override
    public Reason reason() {
        return reason;
    }
}

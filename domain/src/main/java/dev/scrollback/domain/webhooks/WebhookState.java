package dev.scrollback.domain.webhooks;

import dev.scrollback.domain.webhooks.WebhookEvent.WebhookSubscribed;

/** Where one subscription is in its life. */
public sealed interface WebhookState {
    record Unknown() implements WebhookState {}

    /** {@code status}: delivering, paused by a sysop, or disabled after the retry window. */
    record Subscribed(WebhookSubscribed subscribed, Status status) implements WebhookState {
        public Subscribed with(Status other) {
            return new Subscribed(subscribed, other);
        }
    }

    record Deleted() implements WebhookState {}

    enum Status {
        ACTIVE, PAUSED, DISABLED;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}

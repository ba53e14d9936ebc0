package dev.scrollback.domain.webhooks;

import dev.scrollback.domain.shared.InvalidValue;
import java.util.UUID;

/** One webhook subscription; its stream is {@code webhook-<uuid>}. */
public record WebhookId(UUID value) {
    public WebhookId {
        if (value == null) throw new InvalidValue("webhook", "must be a UUID");
    }

    public static WebhookId parse(String text) {
        if (text == null || text.length() != 36) throw new InvalidValue("webhook", "must be a UUID");
        try {
            return new WebhookId(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            throw new InvalidValue("webhook", "must be a UUID");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

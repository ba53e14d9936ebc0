package dev.scrollback.domain.webhooks;

import dev.scrollback.domain.shared.InvalidValue;

/** What a subscription is for, in the sysop's words: one line, at most {@value #MAX_LENGTH} characters, may be empty. */
public record WebhookDescription(String value) {
    public static final int MAX_LENGTH = 200;
    public static final WebhookDescription NONE = new WebhookDescription("");

    public WebhookDescription {
        if (value == null) throw new InvalidValue("description", "must be text");
        value = value.strip();
        if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
            throw new InvalidValue("description", "must be at most " + MAX_LENGTH + " characters");
        }
        if (value.chars().anyMatch(c -> Character.isISOControl(c))) {
            throw new InvalidValue("description", "must be one line without control characters");
        }
    }
}

package dev.scrollback.domain.accounts;

import dev.scrollback.domain.shared.InvalidValue;
import java.text.Normalizer;

/** The owner's label for an API key ({@code "ci deploy"}), so a list of keys can be told apart: 1 to 64 characters. */
public record ApiKeyName(String value) {
    public static final int MAX_LENGTH = 64;

    public ApiKeyName {
        if (value == null || value.isBlank()) throw new InvalidValue("name", "is required");
        if (value.length() > MAX_LENGTH * 4) throw tooLong();
        value = Normalizer.normalize(value.strip(), Normalizer.Form.NFKC);
        if (value.codePointCount(0, value.length()) > MAX_LENGTH) throw tooLong();
        if (value.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
            throw new InvalidValue("name", "may not contain control or formatting characters");
        }
    }

    private static InvalidValue tooLong() {
        return new InvalidValue("name", "must be at most " + MAX_LENGTH + " characters");
    }
}

package dev.scrollback.application.accounts;

import dev.scrollback.application.shared.StreamId;
import dev.scrollback.domain.accounts.ApiKeyId;

/** Where API key facts live: one stream per key, {@code apikey-<uuid>}. */
public final class ApiKeyStreams {
    private ApiKeyStreams() {}

    public static StreamId key(ApiKeyId id) {
        return StreamId.of("apikey", id);
    }
}

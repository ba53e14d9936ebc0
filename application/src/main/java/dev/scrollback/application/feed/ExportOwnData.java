package dev.scrollback.application.feed;

import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.accounts.CredentialDenied;
import java.util.function.Consumer;

/**
 * In-port: a caller's own data, before they erase their account (decision 0021): every event of their account's
 * stream and every event they acted in, oldest first, as the feed shows it (personal values opened, secrets left out).
 * Only an interactive login may ask ({@link CredentialDenied} for an API key): the export holds every address the
 * caller connected from. Reads the whole log, so adapters rate-limit it.
 */
public interface ExportOwnData {
    /** Hands each of the caller's events to {@code sink}, oldest first; answers how many. */
    long export(Caller caller, Consumer<FeedItem> sink);
}

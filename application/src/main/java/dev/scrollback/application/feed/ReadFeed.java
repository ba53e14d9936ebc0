package dev.scrollback.application.feed;

import dev.scrollback.application.accounts.Caller;

/**
 * In-port: read the global event feed. For sysops (auditors and service accounts join with the accounts issue); an API
 * key needs the scope {@code events:read} ({@code CredentialDenied} otherwise) and an account that may read the feed.
 */
public interface ReadFeed {
    int DEFAULT_LIMIT = 100;
    int MAX_LIMIT = 1000;

    /** {@code after} is exclusive (0 reads from the start); {@code limit} is 1 to {@value #MAX_LIMIT}. */
    FeedPage read(Caller caller, long after, int limit);
}

package dev.scrollback.application.accounts;

import dev.scrollback.domain.shared.InvalidValue;
import java.util.List;
import java.util.Optional;

/**
 * In-port: a sysop lists accounts in handle order, a page at a time, optionally only those whose handle or email
 * address contains a text. Only sysops may ({@link AccessDenied} otherwise). Read from the {@link AccountDirectory},
 * so an account registered a moment ago may be missing for a moment.
 */
public interface ListUsers {
    int DEFAULT_LIMIT = 50;
    int MAX_LIMIT = 200;

    Page list(Caller sysop, Query query);

    record Query(Optional<UserSearch> search, Optional<UserCursor> after, int limit) {
        public Query {
            if (limit < 1 || limit > MAX_LIMIT) throw new InvalidValue("limit", "must be a whole number from 1 to " + MAX_LIMIT);
        }
    }

    /** {@code next} is there when more accounts may follow: ask again with it as the cursor. */
    record Page(List<UserSummary> users, Optional<UserCursor> next) {
        public Page {
            users = List.copyOf(users);
        }
    }
}

package dev.scrollback.application.feed;

import dev.scrollback.application.accounts.AccessDenied;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.accounts.Scope;
import dev.scrollback.domain.shared.InvalidValue;
import jakarta.inject.Inject;
import jakarta.inject.Named;

@Named
final class ReadFeedService implements ReadFeed {
    private final EventFeed feed;

    @Inject
    ReadFeedService(EventFeed feed) {
        this.feed = feed;
    }

    @Override
    public FeedPage read(Caller caller, long after, int limit) {
        // An API key needs events:read, and then counts with its account's roles; a login is checked as always.
        AccessDenied.unlessAny(caller.through(Scope.EVENTS_READ), Role.SYSOP);
        if (after < 0) throw new InvalidValue("after", "must be 0 or a position");
        if (limit < 1 || limit > MAX_LIMIT) throw new InvalidValue("limit", "must be between 1 and " + MAX_LIMIT);
        var items = feed.after(after, limit);
        return new FeedPage(items, items.isEmpty() ? after : items.getLast().position());
    }
}

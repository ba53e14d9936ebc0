package dev.scrollback.application.accounts;

import dev.scrollback.domain.accounts.AccountState.Registered;
import dev.scrollback.domain.accounts.Role;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Predicate;

@Named
final class ListUsersService implements ListUsers {
    private final AccountDirectory directory;
    private final Clock clock;

    @Inject
    ListUsersService(AccountDirectory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public Page list(Caller sysop, Query query) {
        AccessDenied.unlessAny(sysop, Role.SYSOP);                  // checked here, whatever the adapter did
        Predicate<Registered> which = query.search().<Predicate<Registered>>map(s -> s::matches).orElse(account -> true);
        // One more than asked says whether another page follows, without handing out a cursor to an empty page.
        var found = directory.page(query.after().map(UserCursor::afterKey), which, query.limit() + 1);
        var now = clock.instant();
        var page = found.stream().limit(query.limit()).map(account -> UserSummary.of(account, now)).toList();
        var next = found.size() > query.limit()
                ? Optional.of(new UserCursor(page.getLast().handle().key()))
                : Optional.<UserCursor>empty();
        return new Page(page, next);
    }
}

package dev.scrollback.application.feed;

import dev.scrollback.application.accounts.AccountStreams;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.shared.Actor;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.function.Consumer;

@Named
final class ExportOwnDataService implements ExportOwnData {
    /** Events read per page of the feed; the sink sees them one at a time, so memory stays at one page. */
    static final int PAGE = 1000;

    private final EventFeed feed;

    @Inject
    ExportOwnDataService(EventFeed feed) {
        this.feed = feed;
    }

    @Override
    public long export(Caller caller, Consumer<FeedItem> sink) {
        caller.session();                                           // an interactive login only: refuses an API key
        var stream = AccountStreams.account(caller.account());
        var id = caller.account().toString();
        long after = 0, written = 0;
        while (true) {
            var page = feed.after(after, PAGE);
            if (page.isEmpty()) return written;
            for (var item : page) {
                if (item.stream().equals(stream) || actedIn(item, id)) {
                    sink.accept(item);
                    written++;
                }
            }
            after = page.getLast().position();
        }
    }

    private static boolean actedIn(FeedItem item, String account) {
        return item.actor().kind() == Actor.Kind.USER && item.actor().id().filter(account::equals).isPresent();
    }
}

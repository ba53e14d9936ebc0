package dev.scrollback.domain.chat;

import dev.scrollback.domain.chat.ChatRejected.CannotPageYourself;
import dev.scrollback.domain.chat.ChatRejected.NotOnline;
import dev.scrollback.domain.chat.ChatRejected.PageAlreadySent;
import dev.scrollback.domain.chat.PageEvent.PageSent;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Decider;
import dev.scrollback.domain.shared.Handle;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One page on its own stream ({@code page-<uuid>}): sent once, to someone else, who is online at that moment (the
 * application says whether they are: it asks who's online). A page to a caller who is away is refused, not queued:
 * private mail is for that.
 */
public final class PageDecider implements Decider<PageDecider.Send, PageDecider.State, PageEvent> {

    /** {@code recipientOnline}: whether {@code to} has an open session now. */
    public record Send(AccountId from, Handle fromHandle, AccountId to, Handle toHandle, boolean recipientOnline,
                       PageText text, Instant at) {}

    /** Empty until the page is sent. */
    public record State(Optional<PageSent> sent) {}

    private final PageId page;

    public PageDecider(PageId page) {
        this.page = page;
    }

    @Override
    public State initialState() {
        return new State(Optional.empty());
    }

    @Override
    public List<PageEvent> decide(Send send, State state) {
        if (state.sent().isPresent()) throw new ChatRejected(new PageAlreadySent());
        if (send.from().equals(send.to())) throw new ChatRejected(new CannotPageYourself());
        if (!send.recipientOnline()) throw new ChatRejected(new NotOnline(send.toHandle()));
        return List.of(new PageSent(page, send.from(), send.fromHandle(), send.to(), send.toHandle(), send.text(), send.at()));
    }

    @Override
    public State evolve(State state, PageEvent event) {
        return switch (event) {
            case PageSent sent -> state.sent().isPresent() ? state : new State(Optional.of(sent));
        };
    }
}

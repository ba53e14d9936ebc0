package dev.scrollback.application.chat;

import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.presence.OnlineCallers;
import dev.scrollback.application.shared.Decision;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.EventMetadata;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.RateLimiter;
import dev.scrollback.application.shared.RateLimiter.Limit;
import dev.scrollback.application.shared.UuidV7;
import dev.scrollback.domain.chat.PageDecider;
import dev.scrollback.domain.chat.PageEvent;
import dev.scrollback.domain.chat.PageId;
import dev.scrollback.domain.chat.PageText;
import dev.scrollback.domain.shared.Handle;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Duration;

/** Pages: who is online now is what who's online says (the presence projection), across telnet and the web. */
@Named
final class SendPageService implements SendPage {
    /** Per account: a page interrupts its recipient, so a few a minute are plenty. */
    static final Limit PAGES_PER_ACCOUNT = new Limit("pages-per-account", 5, Duration.ofMinutes(1));

    private final EventLog log;
    private final OnlineCallers online;
    private final Clock clock;
    private final RateLimiter limiter;

    @Inject
    SendPageService(EventLog log, OnlineCallers online, Clock clock, RateLimiter limiter) {
        this.log = log;
        this.online = online;
        this.clock = clock;
        this.limiter = limiter;
    }

    @Override
    public Paged page(Caller caller, Handle to, PageText text, Origin origin) {
        var from = ChatCallers.participant(caller);
        // Taken before the handle is looked up, so probing who is online costs permits like paging does.
        limiter.acquire(PAGES_PER_ACCOUNT, from.account().toString()).orThrow();
        var recipient = ChatCallers.named(log, to);
        boolean recipientOnline = online.openSessions().stream().anyMatch(s -> s.account().equals(recipient.account()));
        var page = new PageId(UuidV7.next());
        var at = clock.instant();
        var decision = Decision.make(log, ChatStreams.page(page), new PageDecider(page), PageEvent.class,
                new PageDecider.Send(from.account(), from.handle(), recipient.account(), recipient.handle(), recipientOnline,
                        text, at));
        log.append(decision.toAppend(), EventMetadata.of(caller.actor(), origin.inSession(caller.session()), at));
        return new Paged(page, recipient.handle(), at);
    }
}

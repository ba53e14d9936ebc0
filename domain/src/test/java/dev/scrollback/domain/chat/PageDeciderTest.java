package dev.scrollback.domain.chat;

import dev.scrollback.domain.chat.ChatRejected.CannotPageYourself;
import dev.scrollback.domain.chat.ChatRejected.NotOnline;
import dev.scrollback.domain.chat.ChatRejected.PageAlreadySent;
import dev.scrollback.domain.chat.PageEvent.PageSent;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.DeciderSpec;
import dev.scrollback.domain.shared.Handle;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PageDeciderTest {
    static final Instant T0 = Instant.parse("2031-05-01T12:00:00Z");
    static final PageId PAGE = new PageId(UUID.fromString("0195f0a0-0000-7000-8000-0000000000d0"));
    static final AccountId ALICE = new AccountId(UUID.fromString("0195f0a0-0000-7000-8000-00000000000a"));
    static final AccountId BOB = new AccountId(UUID.fromString("0195f0a0-0000-7000-8000-00000000000b"));
    static final PageText TEXT = new PageText("Call me on line 2");
    static final PageSent SENT = new PageSent(PAGE, ALICE, new Handle("Alice"), BOB, new Handle("Bob"), TEXT, T0);

    final DeciderSpec<PageDecider.Send, PageDecider.State, PageEvent> spec = new DeciderSpec<>(new PageDecider(PAGE));

    static PageDecider.Send send(AccountId to, String toHandle, boolean online) {
        return new PageDecider.Send(ALICE, new Handle("Alice"), to, new Handle(toHandle), online, TEXT, T0);
    }

    @Test
    void a_page_to_someone_online_is_sent() {
        spec.given().when(send(BOB, "Bob", true)).then(SENT);
    }

    @Test
    void a_page_to_someone_who_is_away_is_refused_not_queued() {
        spec.given().when(send(BOB, "Bob", false)).thenRejectedWith(new NotOnline(new Handle("Bob")));
    }

    @Test
    void a_page_to_oneself_is_refused_even_when_online() {
        spec.given().when(send(ALICE, "Alice", true)).thenRejectedWith(new CannotPageYourself());
    }

    @Test
    void a_page_is_sent_once() {
        spec.given(SENT).when(send(BOB, "Bob", true)).thenRejectedWith(new PageAlreadySent());
    }
}

package dev.scrollback.application.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.accounts.CredentialDenied;
import dev.scrollback.application.shared.RateLimited;
import dev.scrollback.application.shared.RecordedEvent;
import dev.scrollback.domain.accounts.ApiKeyId;
import dev.scrollback.domain.accounts.Scope;
import dev.scrollback.domain.chat.ChatRejected;
import dev.scrollback.domain.chat.ChatRejected.CannotPageYourself;
import dev.scrollback.domain.chat.ChatRejected.NotOnline;
import dev.scrollback.domain.chat.ChatRejected.UnknownCaller;
import dev.scrollback.domain.chat.PageEvent.PageSent;
import dev.scrollback.domain.chat.PageText;
import dev.scrollback.domain.shared.Handle;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SendPageServiceTest {
    final ChatFixture f = new ChatFixture();
    final Caller alice = f.member("Alice");
    final Caller bob = f.member("Bob");

    SendPage.Paged page(Caller from, String to, String text) {
        return f.sendPage.page(from, new Handle(to), new PageText(text), ChatFixture.WEB);
    }

    static ChatRejected.Reason refusal(Runnable attempt) {
        var rejected = catchThrowableOfType(ChatRejected.class, attempt::run);
        assertThat(rejected).as("refused").isNotNull();
        return rejected.reason();
    }

    @Test
    void a_page_to_a_caller_online_now_is_recorded_on_its_own_stream() {
        long before = f.log.lastPosition();
        var paged = page(alice, "BOB", "Call me on line 2");

        assertThat(paged.to()).isEqualTo(new Handle("Bob"));
        assertThat(paged.to().value()).as("as the recipient spells it").isEqualTo("Bob");
        var recorded = f.since(before);
        assertThat(recorded).extracting(RecordedEvent::event).containsExactly(new PageSent(paged.page(), alice.account(),
                alice.handle(), bob.account(), bob.handle(), new PageText("Call me on line 2"), ChatFixture.T0));
        assertThat(recorded.getFirst().stream()).isEqualTo(ChatStreams.page(paged.page()));
        assertThat(recorded.getFirst().stream().value()).isEqualTo("page-" + paged.page());
        assertThat(recorded.getFirst().metadata().actor()).isEqualTo(alice.actor());
        assertThat(recorded.getFirst().metadata().origin().session()).contains(alice.session());
    }

    @Test
    void a_page_to_a_caller_who_hung_up_is_refused_and_nothing_is_recorded() {
        f.hangUp(bob);
        long before = f.log.lastPosition();
        assertThat(refusal(() -> page(alice, "Bob", "Are you there?"))).isEqualTo(new NotOnline(new Handle("Bob")));
        assertThat(f.since(before)).isEmpty();
    }

    @Test
    void a_caller_with_any_open_session_is_online() {
        var bobTelnet = f.anotherSession(bob);
        f.hangUp(bob);
        assertThat(page(alice, "Bob", "Still on telnet?").to()).isEqualTo(bob.handle());
        f.hangUp(bobTelnet);
        assertThat(refusal(() -> page(alice, "Bob", "Gone now"))).isEqualTo(new NotOnline(bob.handle()));
    }

    @Test
    void pages_go_neither_to_oneself_nor_to_nobody() {
        assertThat(refusal(() -> page(alice, "alice", "Me?"))).isEqualTo(new CannotPageYourself());
        assertThat(refusal(() -> page(alice, "Nobody", "Hello?"))).isEqualTo(new UnknownCaller(new Handle("Nobody")));
    }

    @Test
    void five_pages_a_minute_per_account() {
        for (int i = 0; i < 5; i++) page(alice, "Bob", "Ping " + i);
        assertThat(catchThrowableOfType(RateLimited.class, () -> page(alice, "Bob", "Ping 6"))).isNotNull();
        assertThat(catchThrowableOfType(RateLimited.class, () -> page(alice, "Nobody", "probe"))).as("probes cost permits too")
                .isNotNull();
        page(bob, "Alice", "Stop it");
        f.clock.advance(Duration.ofMinutes(1));
        page(alice, "Bob", "Sorry");
    }

    @Test
    void an_api_key_pages_nobody() {
        var robot = Caller.withApiKey(alice.account(), alice.handle(), new ApiKeyId(UUID.randomUUID()), Set.of(Scope.ADMIN),
                alice.roles());
        assertThat(catchThrowableOfType(CredentialDenied.class, () -> page(robot, "Bob", "beep"))).isNotNull();
    }
}

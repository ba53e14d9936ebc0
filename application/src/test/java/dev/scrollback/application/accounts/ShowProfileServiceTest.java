package dev.scrollback.application.accounts;

import static dev.scrollback.application.accounts.AccountsFixture.T0;
import static dev.scrollback.application.accounts.AccountsFixture.emailOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.SessionId;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ShowProfileServiceTest {
    final AccountsFixture bbs = new AccountsFixture();

    @Test
    void a_caller_sees_their_own_account_as_the_log_has_it() {
        var account = bbs.member("Alice");
        var loggedInAt = bbs.clock.advance(Duration.ofHours(1));
        var caller = bbs.logIn("alice");

        var profile = bbs.showProfile.show(caller);

        assertThat(profile).isEqualTo(new ShowProfile.Profile(account, new Handle("Alice"), Optional.of(emailOf("alice")),
                true, Set.of(Role.MEMBER), T0, Optional.of(loggedInAt)));
        assertThat(profile.handle().value()).isEqualTo("Alice");
    }

    @Test
    void a_caller_without_an_account_is_a_bug_not_a_refusal() {
        var ghost = new Caller(new AccountId(UUID.randomUUID()), new Handle("ghost"), new SessionId(UUID.randomUUID()), Set.of());
        assertThatThrownBy(() -> bbs.showProfile.show(ghost)).isInstanceOf(IllegalStateException.class);
    }
}

package dev.scrollback.application.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.scrollback.application.shared.Actor;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.SessionId;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccessDeniedTest {
    static Caller holding(Role... roles) {
        return new Caller(new AccountId(UUID.randomUUID()), new Handle("alice"), new SessionId(UUID.randomUUID()), Set.of(roles));
    }

    @Test
    void one_of_the_roles_is_enough() {
        assertThatCode(() -> AccessDenied.unlessAny(holding(Role.AUDITOR), Role.SYSOP, Role.AUDITOR)).doesNotThrowAnyException();
    }

    @Test
    void none_of_them_is_denied_naming_what_was_needed() {
        var denied = catchThrowableOfType(AccessDenied.class,
                () -> AccessDenied.unlessAny(holding(Role.MEMBER), Role.SYSOP, Role.AUDITOR));
        assertThat(denied.reason()).isEqualTo(new AccessDenied.NeedsRole(Set.of(Role.SYSOP, Role.AUDITOR)));
        assertThat(denied.getStackTrace()).isEmpty();                       // a refusal, not a crash
    }

    @Test
    void a_caller_acts_as_the_user_it_is() {
        var caller = holding(Role.MEMBER);
        assertThat(caller.actor()).isEqualTo(Actor.user(caller.account(), caller.handle()));
        assertThat(caller.holds(Role.MEMBER)).isTrue();
        assertThat(caller.holds(Role.SYSOP)).isFalse();
    }
}

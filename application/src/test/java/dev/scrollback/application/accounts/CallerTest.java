package dev.scrollback.application.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.scrollback.domain.accounts.ApiKeyId;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.accounts.Scope;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.SessionId;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CallerTest {
    static final AccountId ACCOUNT = new AccountId(UUID.randomUUID());
    static final Handle ALICE = new Handle("alice");
    static final SessionId SESSION = new SessionId(UUID.randomUUID());
    static final Set<Role> SYSOP = Set.of(Role.SYSOP, Role.MEMBER);

    final Caller loggedIn = new Caller(ACCOUNT, ALICE, SESSION, SYSOP);
    final Caller withKey = Caller.withApiKey(ACCOUNT, ALICE, new ApiKeyId(UUID.randomUUID()), Set.of(Scope.EVENTS_READ), SYSOP);

    @Test
    void a_login_has_its_session_every_role_and_every_scope() {
        assertThat(loggedIn.session()).isEqualTo(SESSION);
        assertThat(loggedIn.sessionIfAny()).contains(SESSION);
        assertThat(loggedIn.roles()).isEqualTo(SYSOP);
        for (var scope : Scope.values()) assertThat(loggedIn.permits(scope)).isTrue();
        assertThat(loggedIn.through(Scope.ADMIN)).isSameAs(loggedIn);
    }

    @Test
    void a_key_has_no_session_so_whatever_needs_one_is_refused() {
        assertThat(withKey.sessionIfAny()).isEmpty();
        var denied = catchThrowableOfType(CredentialDenied.class, withKey::session);
        assertThat(denied.reason()).isEqualTo(new CredentialDenied.NeedsInteractiveLogin());
    }

    @Test
    void a_key_holds_only_the_roles_its_scopes_unlock() {
        assertThat(withKey.roles()).isEmpty();
        assertThat(withKey.permits(Scope.EVENTS_READ)).isTrue();
        assertThat(withKey.permits(Scope.ADMIN)).isFalse();
        var denied = catchThrowableOfType(AccessDenied.class, () -> AccessDenied.unlessAny(withKey, Role.SYSOP));
        assertThat(denied).isNotNull();
    }

    @Test
    void through_its_scope_a_key_counts_with_its_account_s_roles_and_without_it_is_refused() {
        assertThat(withKey.through(Scope.EVENTS_READ).roles()).isEqualTo(SYSOP);
        var denied = catchThrowableOfType(CredentialDenied.class, () -> withKey.through(Scope.AUDIT_READ));
        assertThat(denied.reason()).isEqualTo(new CredentialDenied.NeedsScope(Scope.AUDIT_READ));
    }
}

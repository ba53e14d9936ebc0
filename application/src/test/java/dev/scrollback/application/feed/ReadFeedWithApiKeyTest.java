package dev.scrollback.application.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.scrollback.application.accounts.AccessDenied;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.accounts.CredentialDenied;
import dev.scrollback.domain.accounts.ApiKeyId;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.accounts.Scope;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Handle;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReadFeedWithApiKeyTest {
    final List<Long> reads = new ArrayList<>();
    final ReadFeed readFeed = new ReadFeedService((after, limit) -> {
        reads.add(after);
        return List.of(ReadFeedServiceTest.item(after + 1));
    });

    static Caller key(Set<Role> accountRoles, Scope... scopes) {
        return Caller.withApiKey(new AccountId(UUID.randomUUID()), new Handle("robot"), new ApiKeyId(UUID.randomUUID()),
                Set.of(scopes), accountRoles);
    }

    @Test
    void a_sysop_s_key_with_events_read_reads_the_feed() {
        var page = readFeed.read(key(Set.of(Role.SYSOP, Role.MEMBER), Scope.EVENTS_READ), 0, 10);
        assertThat(page.events()).hasSize(1);
    }

    @Test
    void a_key_without_events_read_is_refused_before_anything_is_read_even_an_admin_key() {
        var denied = catchThrowableOfType(CredentialDenied.class,
                () -> readFeed.read(key(Set.of(Role.SYSOP, Role.MEMBER), Scope.ADMIN, Scope.AUDIT_READ), 0, 10));
        assertThat(denied.reason()).isEqualTo(new CredentialDenied.NeedsScope(Scope.EVENTS_READ));
        assertThat(reads).isEmpty();
    }

    @Test
    void a_member_s_key_with_events_read_still_needs_the_role() {
        var denied = catchThrowableOfType(AccessDenied.class, () -> readFeed.read(key(Set.of(Role.MEMBER), Scope.EVENTS_READ), 0, 10));
        assertThat(denied.reason()).isEqualTo(new AccessDenied.NeedsRole(Set.of(Role.SYSOP)));
        assertThat(reads).isEmpty();
    }
}

package dev.scrollback.domain.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.domain.accounts.ApiKeyCommand.Issue;
import dev.scrollback.domain.accounts.ApiKeyCommand.RevokeAsSysop;
import dev.scrollback.domain.accounts.ApiKeyCommand.RevokeOwn;
import dev.scrollback.domain.accounts.ApiKeyEvent.ApiKeyIssued;
import dev.scrollback.domain.accounts.ApiKeyEvent.ApiKeyRevoked;
import dev.scrollback.domain.accounts.ApiKeyEvent.RevocationReason;
import dev.scrollback.domain.accounts.ApiKeyRejected.AlreadyIssued;
import dev.scrollback.domain.accounts.ApiKeyRejected.ExpiryInThePast;
import dev.scrollback.domain.accounts.ApiKeyRejected.NoSuchKey;
import dev.scrollback.domain.accounts.ApiKeyState.Issued;
import dev.scrollback.domain.accounts.ApiKeyState.NotIssued;
import dev.scrollback.domain.accounts.ApiKeyState.Revoked;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.DeciderSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ApiKeyDeciderTest {
    static final ApiKeyId KEY = new ApiKeyId(UUID.fromString("0195f0a0-0000-7000-8000-0000000000aa"));
    static final AccountId ALICE = new AccountId(UUID.fromString("0195f0a0-0000-7000-8000-000000000001"));
    static final AccountId BOB = new AccountId(UUID.fromString("0195f0a0-0000-7000-8000-000000000002"));
    static final ApiKeyName NAME = new ApiKeyName("ci deploy");
    static final ApiKeyHash HASH = new ApiKeyHash("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
    static final Instant T0 = Instant.parse("2025-03-01T20:00:00Z");
    static final ApiKeyIssued ISSUED = new ApiKeyIssued(KEY, ALICE, NAME, Set.of(Scope.EVENTS_READ), HASH, Optional.empty(), T0);

    final DeciderSpec<ApiKeyCommand, ApiKeyState, ApiKeyEvent> spec = new DeciderSpec<>(new ApiKeyDecider(KEY));

    @Test
    void a_new_key_is_issued_with_its_scopes_and_digest() {
        spec.given()
                .when(new Issue(ALICE, NAME, Set.of(Scope.EVENTS_READ), HASH, Optional.empty(), T0))
                .then(ISSUED)
                .thenState(new Issued(ISSUED));
    }

    @Test
    void a_key_is_issued_only_once() {
        spec.given(ISSUED)
                .when(new Issue(BOB, NAME, Set.of(Scope.ADMIN), HASH, Optional.empty(), T0.plusSeconds(1)))
                .thenRejectedWith(new AlreadyIssued(KEY));
    }

    @Test
    void an_expiry_must_lie_after_the_moment_of_issue() {
        spec.given()
                .when(new Issue(ALICE, NAME, Set.of(Scope.EVENTS_READ), HASH, Optional.of(T0), T0))
                .thenRejectedWith(new ExpiryInThePast());
    }

    @Test
    void a_key_with_an_expiry_is_live_until_then() {
        var expiring = new ApiKeyIssued(KEY, ALICE, NAME, Set.of(Scope.EVENTS_READ), HASH, Optional.of(T0.plus(Duration.ofDays(1))), T0);
        spec.given(expiring).thenStateSatisfies(state -> {
            assertThat(((Issued) state).liveAt(T0.plus(Duration.ofHours(23)))).isTrue();
            assertThat(((Issued) state).liveAt(T0.plus(Duration.ofDays(1)))).isFalse();
        });
    }

    @Test
    void the_owner_revokes_their_key() {
        var revoked = new ApiKeyRevoked(KEY, ALICE, RevocationReason.OWNER, T0.plusSeconds(60));
        spec.given(ISSUED)
                .when(new RevokeOwn(ALICE, T0.plusSeconds(60)))
                .then(revoked)
                .thenState(new Revoked(ISSUED, revoked));
    }

    @Test
    void revoking_twice_records_nothing() {
        spec.given(ISSUED, new ApiKeyRevoked(KEY, ALICE, RevocationReason.OWNER, T0.plusSeconds(60)))
                .when(new RevokeOwn(ALICE, T0.plusSeconds(61)))
                .thenNothing();
        spec.given(ISSUED, new ApiKeyRevoked(KEY, ALICE, RevocationReason.OWNER, T0.plusSeconds(60)))
                .when(new RevokeAsSysop(T0.plusSeconds(61)))
                .thenNothing();
    }

    @Test
    void another_account_s_key_is_no_such_key_whether_live_or_revoked() {
        spec.given(ISSUED)
                .when(new RevokeOwn(BOB, T0.plusSeconds(60)))
                .thenRejectedWith(new NoSuchKey(KEY));
        spec.given(ISSUED, new ApiKeyRevoked(KEY, ALICE, RevocationReason.OWNER, T0.plusSeconds(60)))
                .when(new RevokeOwn(BOB, T0.plusSeconds(61)))
                .thenRejectedWith(new NoSuchKey(KEY));
    }

    @Test
    void a_key_never_issued_cannot_be_revoked() {
        spec.given().when(new RevokeOwn(ALICE, T0)).thenRejectedWith(new NoSuchKey(KEY));
        spec.given().when(new RevokeAsSysop(T0)).thenRejectedWith(new NoSuchKey(KEY));
    }

    @Test
    void a_sysop_revokes_anyone_s_key() {
        spec.given(ISSUED)
                .when(new RevokeAsSysop(T0.plusSeconds(5)))
                .then(new ApiKeyRevoked(KEY, ALICE, RevocationReason.SYSOP, T0.plusSeconds(5)));
    }

    @Test
    void a_key_nobody_issued_is_not_issued() {
        spec.given().thenState(new NotIssued());
    }
}

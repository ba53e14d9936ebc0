package dev.scrollback.domain.accounts;

import dev.scrollback.domain.accounts.AccountRejected.HandleReserved;
import dev.scrollback.domain.accounts.AccountRejected.HandleTaken;
import dev.scrollback.domain.accounts.HandleCommand.Claim;
import dev.scrollback.domain.accounts.HandleEvent.HandleClaimed;
import dev.scrollback.domain.accounts.HandleState.Claimed;
import dev.scrollback.domain.accounts.HandleState.Free;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.DeciderSpec;
import dev.scrollback.domain.shared.Handle;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HandleDeciderTest {
    static final AccountId FIRST = new AccountId(UUID.fromString("0195f0a0-0000-7000-8000-000000000001"));
    static final AccountId SECOND = new AccountId(UUID.fromString("0195f0a0-0000-7000-8000-000000000002"));
    static final Handle ALICE = new Handle("alice");
    static final Handle SYSOP = new Handle("Sysop");
    static final Instant T0 = Instant.parse("2025-03-01T20:00:00Z");

    final DeciderSpec<HandleCommand, HandleState, HandleEvent> spec = new DeciderSpec<>(new HandleDecider());

    @Test
    void a_free_handle_is_claimed_for_the_account() {
        spec.given()
                .when(new Claim(ALICE, FIRST, false, T0))
                .then(new HandleClaimed(ALICE, FIRST, T0))
                .thenState(new Claimed(FIRST));
    }

    @Test
    void a_handle_nobody_claimed_is_free() {
        spec.given().thenState(new Free());
    }

    @Test
    void a_claimed_handle_is_taken() {
        spec.given(new HandleClaimed(ALICE, FIRST, T0))
                .when(new Claim(ALICE, SECOND, false, T0.plusSeconds(1)))
                .thenRejectedWith(new HandleTaken(ALICE));
    }

    @Test
    void a_look_alike_of_a_claimed_handle_is_taken() {
        var lookAlike = new Handle("ＡＬＩＣＥ");
        spec.given(new HandleClaimed(ALICE, FIRST, T0))
                .when(new Claim(lookAlike, SECOND, false, T0.plusSeconds(1)))
                .thenRejectedWith(new HandleTaken(lookAlike));
    }

    @Test
    void a_reserved_handle_is_refused() {
        spec.given()
                .when(new Claim(SYSOP, FIRST, false, T0))
                .thenRejectedWith(new HandleReserved(SYSOP));
    }

    @Test
    void a_reserved_handle_is_claimed_when_allowed() {
        spec.given()
                .when(new Claim(SYSOP, FIRST, true, T0))
                .then(new HandleClaimed(SYSOP, FIRST, T0));
    }

    @Test
    void a_reserved_handle_already_claimed_is_taken_even_when_allowed() {
        spec.given(new HandleClaimed(SYSOP, FIRST, T0))
                .when(new Claim(SYSOP, SECOND, true, T0.plusSeconds(1)))
                .thenRejectedWith(new HandleTaken(SYSOP));
    }
}

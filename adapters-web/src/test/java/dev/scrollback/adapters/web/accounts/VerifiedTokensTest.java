package dev.scrollback.adapters.web.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.SessionId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The memory of verified access tokens on its own: lookups by fingerprint, and the bound. */
class VerifiedTokensTest {
    static final Instant NOW = Instant.parse("2025-03-01T20:00:00Z");

    static VerifiedTokens.Verified verified(String token, Instant expiresAt) {
        var check = new TokenCheck.Valid(new SessionToken(new AccountId(UUID.randomUUID()), new SessionId(UUID.randomUUID())));
        return new VerifiedTokens.Verified(VerifiedTokens.Fingerprint.of(token), check, "kid", Instant.MIN, expiresAt);
    }

    @Test
    void tokens_are_found_by_their_fingerprint_and_only_the_same_text_has_it() {
        var tokens = new VerifiedTokens(10);
        var remembered = verified("header.payload.signature", NOW.plusSeconds(60));
        tokens.remember(remembered, NOW);
        assertThat(tokens.find(VerifiedTokens.Fingerprint.of("header.payload.signature"))).contains(remembered);
        assertThat(tokens.find(VerifiedTokens.Fingerprint.of("header.payload.signaturf"))).isEmpty();
        assertThat(tokens.find(VerifiedTokens.Fingerprint.of("header.payload.signature "))).isEmpty();
        assertThat(VerifiedTokens.Fingerprint.of("a\uD800")).as("a lone surrogate is hashed as '?', which no verified token has")
                .isEqualTo(VerifiedTokens.Fingerprint.of("a?"));
    }

    @Test
    void the_bound_holds_and_the_oldest_go_first() {
        var tokens = new VerifiedTokens(100);
        for (int i = 0; i < 1_000; i++) {
            tokens.remember(verified("token-" + i, NOW.plusSeconds(900)), NOW);
            assertThat(tokens.size()).isLessThanOrEqualTo(100);
        }
        assertThat(tokens.size()).isEqualTo(100);
        assertThat(tokens.find(VerifiedTokens.Fingerprint.of("token-999"))).isPresent();
        assertThat(tokens.find(VerifiedTokens.Fingerprint.of("token-900"))).isPresent();
        assertThat(tokens.find(VerifiedTokens.Fingerprint.of("token-899"))).isEmpty();
        assertThat(tokens.find(VerifiedTokens.Fingerprint.of("token-0"))).isEmpty();
    }

    @Test
    void remembering_a_token_twice_keeps_the_first_answer_and_one_place() {
        var tokens = new VerifiedTokens(2);
        var first = verified("twice", NOW.plusSeconds(60));
        tokens.remember(first, NOW);
        tokens.remember(verified("twice", NOW.plusSeconds(60)), NOW);
        tokens.remember(verified("other", NOW.plusSeconds(60)), NOW);
        assertThat(tokens.find(VerifiedTokens.Fingerprint.of("twice"))).contains(first);
        assertThat(tokens.size()).isEqualTo(2);
    }

    @Test
    void expired_and_forgotten_entries_at_the_head_go_when_a_newer_one_comes() {
        var tokens = new VerifiedTokens(100);
        var early = verified("early", NOW.plusSeconds(60));
        var forgotten = verified("forgotten", NOW.plusSeconds(900));
        tokens.remember(early, NOW);
        tokens.remember(forgotten, NOW);
        tokens.remember(verified("late", NOW.plusSeconds(900)), NOW);
        tokens.forget(forgotten);
        assertThat(tokens.size()).isEqualTo(2);

        tokens.remember(verified("later", NOW.plus(Duration.ofMinutes(20))), NOW.plusSeconds(60));
        assertThat(tokens.find(early.fingerprint())).as("expired at the head").isEmpty();
        assertThat(tokens.find(VerifiedTokens.Fingerprint.of("late"))).as("not expired").isPresent();
        assertThat(tokens.size()).isEqualTo(2);
    }

    @Test
    void forgetting_an_older_answer_leaves_a_newer_one_for_the_same_token() {
        var tokens = new VerifiedTokens(10);
        var older = verified("same", NOW.plusSeconds(60));
        tokens.remember(older, NOW);
        tokens.forget(older);
        var newer = verified("same", NOW.plusSeconds(120));
        tokens.remember(newer, NOW);
        tokens.forget(older);
        assertThat(tokens.find(newer.fingerprint())).contains(newer);
    }

    @Test
    void an_answer_holds_from_its_start_until_just_before_its_expiry() {
        var answer = new VerifiedTokens.Verified(VerifiedTokens.Fingerprint.of("t"),
                verified("t", NOW).check(), "kid", NOW.minusSeconds(30), NOW.plusSeconds(900));
        assertThat(answer.holdsAt(NOW.minusSeconds(31))).isFalse();
        assertThat(answer.holdsAt(NOW.minusSeconds(30))).isTrue();
        assertThat(answer.holdsAt(NOW.plusSeconds(899).plusMillis(999))).isTrue();
        assertThat(answer.holdsAt(NOW.plusSeconds(900))).isFalse();
    }
}

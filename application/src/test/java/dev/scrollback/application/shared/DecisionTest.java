package dev.scrollback.application.shared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.domain.accounts.HandleCommand.Claim;
import dev.scrollback.domain.accounts.HandleDecider;
import dev.scrollback.domain.accounts.HandleEvent;
import dev.scrollback.domain.accounts.HandleEvent.HandleClaimed;
import dev.scrollback.domain.accounts.HandleState;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Handle;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DecisionTest {
    static final Instant T0 = Instant.parse("2025-03-01T20:00:00Z");
    static final EventMetadata META = EventMetadata.of(Actor.system(), Origin.system(), T0);

    final InMemoryEventLog log = new InMemoryEventLog();
    final StreamId stream = new StreamId("handle-alice");
    final Handle alice = new Handle("alice");

    @Test
    void a_decision_on_a_new_stream_expects_no_stream() {
        var account = new AccountId(UUID.randomUUID());
        var decision = Decision.make(log, stream, new HandleDecider(), HandleEvent.class, new Claim(alice, account, false, T0));

        assertThat(decision.before()).isEqualTo(new HandleState.Free());
        assertThat(decision.events()).containsExactly(new HandleClaimed(alice, account, T0));
        assertThat(decision.toAppend()).isEqualTo(new StreamAppend(stream, ExpectedVersion.noStream(), decision.events()));
    }

    @Test
    void a_decision_on_an_existing_stream_expects_the_version_it_read() {
        var account = new AccountId(UUID.randomUUID());
        log.append(new StreamAppend(stream, ExpectedVersion.noStream(), List.of(new HandleClaimed(alice, account, T0))), META);

        var loaded = Decision.Loaded.load(log, stream, new HandleDecider(), HandleEvent.class);

        assertThat(loaded.version()).isZero();
        assertThat(loaded.state()).isEqualTo(new HandleState.Claimed(account));
    }
}

package dev.scrollback.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The spec helper itself: it passes what holds and fails what does not. */
class DeciderSpecTest {
    record Add(int amount) {}

    record Added(int amount) {}

    record TooMuch(int limit) {}

    static final class Refused extends Rejection {
        private final TooMuch reason;

        Refused(TooMuch reason) {
            super(reason);
            this.reason = reason;
        }

        @Override
        public TooMuch reason() {
            return reason;
        }
    }

    /** A counter that refuses to pass 10 and ignores adding nothing. */
    static final class Counter implements Decider<Add, Integer, Added> {
        @Override
        public Integer initialState() {
            return 0;
        }

        @Override
        public List<Added> decide(Add command, Integer state) {
            if (state + command.amount() > 10) throw new Refused(new TooMuch(10));
            return command.amount() == 0 ? List.of() : List.of(new Added(command.amount()));
        }

        @Override
        public Integer evolve(Integer state, Added event) {
            return state + event.amount();
        }
    }

    final DeciderSpec<Add, Integer, Added> spec = new DeciderSpec<>(new Counter());

    @Test
    void it_checks_events_and_state() {
        spec.given(new Added(2), new Added(3)).when(new Add(4)).then(new Added(4)).thenState(9);
        spec.given(new Added(2)).thenState(2);
        spec.given(List.of(new Added(1))).when(new Add(0)).thenNothing().then().thenStateSatisfies(s -> assertThat(s).isOne());
        assertThat(spec.given(new Added(5)).when(new Add(1)).decided()).containsExactly(new Added(1));
        assertThat(spec.given(new Added(5)).when(new Add(1)).resultingState()).isEqualTo(6);
    }

    @Test
    void it_checks_rejections() {
        spec.given(new Added(9)).when(new Add(2)).thenRejectedWith(new TooMuch(10));
    }

    @Test
    void it_fails_when_the_decider_disagrees() {
        assertThatThrownBy(() -> spec.given().when(new Add(1)).then(new Added(2))).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> spec.given().when(new Add(1)).thenNothing()).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> spec.given().when(new Add(1)).thenState(2)).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> spec.given().when(new Add(1)).thenRejectedWith(new TooMuch(10)))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> spec.given(new Added(9)).when(new Add(2)).thenRejectedWith(new TooMuch(11)))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void it_insists_on_a_command_before_then() {
        assertThatThrownBy(() -> spec.given(new Added(1)).then(new Added(1))).isInstanceOf(IllegalStateException.class);
    }
}

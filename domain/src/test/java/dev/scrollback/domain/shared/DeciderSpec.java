package dev.scrollback.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * given/when/then for any {@link Decider}, in the spirit of fmodel-java's DeciderDSL: past events, one command, then
 * the events it decides, the reason it is refused, or the state it leaves behind.
 *
 * <pre>{@code
 * new DeciderSpec<>(new AccountDecider())
 *     .given(new AccountRegistered(...))
 *     .when(new LogIn(...))
 *     .then(new LoginFailed(...))
 *     .thenStateSatisfies(state -> assertThat(((Registered) state).consecutiveFailures()).isEqualTo(1));
 * }</pre>
 *
 * Without {@code when}, the state assertions look at the history alone (useful to test {@code evolve}).
 */
public record DeciderSpec<C, S, E>(Decider<C, S, E> decider, List<E> history, Optional<C> command) {

    public DeciderSpec {
        history = List.copyOf(history);
    }

    public DeciderSpec(Decider<C, S, E> decider) {
        this(decider, List.of(), Optional.empty());
    }

    @SafeVarargs
    public final DeciderSpec<C, S, E> given(E... events) {
        return given(List.of(events));
    }

    public DeciderSpec<C, S, E> given(List<? extends E> events) {
        return new DeciderSpec<>(decider, List.copyOf(events), Optional.empty());
    }

    public DeciderSpec<C, S, E> when(C command) {
        return new DeciderSpec<>(decider, history, Optional.of(command));
    }

    /** Expects exactly these events, in this order (none at all: a no-op). */
    @SafeVarargs
    public final DeciderSpec<C, S, E> then(E... expected) {
        assertThat(decided()).as("events decided for %s", describeCommand()).containsExactly(expected);
        return this;
    }

    public DeciderSpec<C, S, E> thenNothing() {
        assertThat(decided()).as("events decided for %s", describeCommand()).isEmpty();
        return this;
    }

    /** Expects the decider to refuse with a {@link Rejection} whose reason equals {@code reason}. */
    public void thenRejectedWith(Object reason) {
        var command = requireCommand();
        var rejection = catchThrowableOfType(Rejection.class, () -> decider.decide(command, decider.replay(history)));
        assertThat(rejection).as("%s should be rejected", describeCommand()).isNotNull();
        assertThat(rejection.reason()).isEqualTo(reason);
    }

    /** Expects the state after the history and the decided events to equal {@code expected}. */
    public DeciderSpec<C, S, E> thenState(S expected) {
        assertThat(resultingState()).isEqualTo(expected);
        return this;
    }

    public DeciderSpec<C, S, E> thenStateSatisfies(Consumer<? super S> requirements) {
        requirements.accept(resultingState());
        return this;
    }

    /** The events the command decides on the replayed history. */
    public List<E> decided() {
        return decider.decide(requireCommand(), decider.replay(history));
    }

    /** The history and (with a command) the decided events, folded with {@code evolve}. */
    public S resultingState() {
        var state = decider.replay(history);
        if (command.isEmpty()) return state;
        for (E event : decider.decide(command.get(), state)) state = decider.evolve(state, event);
        return state;
    }

    private C requireCommand() {
        return command.orElseThrow(() -> new IllegalStateException("say when(command) before then…"));
    }

    private String describeCommand() {
        return command.map(Object::toString).orElse("no command");
    }
}

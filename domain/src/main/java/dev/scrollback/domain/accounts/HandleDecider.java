package dev.scrollback.domain.accounts;

import dev.scrollback.domain.accounts.AccountRejected.HandleReserved;
import dev.scrollback.domain.accounts.AccountRejected.HandleTaken;
import dev.scrollback.domain.accounts.HandleCommand.Claim;
import dev.scrollback.domain.accounts.HandleEvent.HandleClaimed;
import dev.scrollback.domain.accounts.HandleState.Claimed;
import dev.scrollback.domain.accounts.HandleState.Free;
import dev.scrollback.domain.shared.Decider;
import java.util.List;

/** A handle is claimed once; the stream id is the folded handle, so look-alikes land on the same stream. */
public final class HandleDecider implements Decider<HandleCommand, HandleState, HandleEvent> {

    @Override
    public HandleState initialState() {
        return new Free();
    }

    @Override
    public List<HandleEvent> decide(HandleCommand command, HandleState state) {
        return switch (command) {
            case Claim c when c.handle().isReserved() && !c.reservedAllowed() ->
                    throw new AccountRejected(new HandleReserved(c.handle()));
            case Claim c when state instanceof Claimed -> throw new AccountRejected(new HandleTaken(c.handle()));
            case Claim c -> List.of(new HandleClaimed(c.handle(), c.account(), c.at()));
        };
    }

    @Override
    public HandleState evolve(HandleState state, HandleEvent event) {
        return switch (event) {
            case HandleClaimed e -> new Claimed(e.account());
        };
    }
}

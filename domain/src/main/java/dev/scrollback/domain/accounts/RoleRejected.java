package dev.scrollback.domain.accounts;

import dev.scrollback.domain.shared.Rejection;

/**
 * A sysop's grant or revocation of a role was refused. Its own type rather than an {@link AccountRejected} reason:
 * only the admin routes can ask for it, so only they map it.
 */
public final class RoleRejected extends Rejection {
    public sealed interface Reason {}

    /** {@code member} and {@code guest} follow from whether the email is verified; no sysop grants or revokes them. */
    public record DerivedRole(Role role) implements Reason {}

    /** The only sysop left cannot lose the role: nobody could administer the board any more. */
    public record LastSysop() implements Reason {}

    private final Reason reason;

    public RoleRejected(Reason reason) {
        super(reason);
        this.reason = reason;
    }

    @Override
    public Reason reason() {
        return reason;
    }
}

package dev.scrollback.application.accounts;

import dev.scrollback.domain.shared.Rejection;

/**
 * A sysop aimed an action at their own account that would lock them out of administering the board (locking it,
 * forcing its password reset): use another sysop account, or change the own password the ordinary way.
 */
public final class OwnAccountRefused extends Rejection {
    public record Action(String name) {}

    private final Action reason;

    public OwnAccountRefused(String action) {
        this(new Action(action));
    }

    private OwnAccountRefused(Action reason) {
        super(reason);
        this.reason = reason;
    }

    @Override
    public Action reason() {
        return reason;
    }
}

package dev.scrollback.application.accounts;

import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.shared.Rejection;
import java.util.Set;

/** The caller is known but their roles do not allow this. */
public final class AccessDenied extends Rejection {
    public record NeedsRole(Set<Role> anyOf) {}

    private final NeedsRole reason;

    public AccessDenied(Set<Role> anyOf) {
        this(new NeedsRole(Set.copyOf(anyOf)));
    }

    private AccessDenied(NeedsRole reason) {
        super(reason);
        this.reason = reason;
    }

    @Override
    public NeedsRole reason() {
        return reason;
    }

    /** Throws unless the caller holds one of the roles. */
    public static void unlessAny(Caller caller, Role... anyOf) {
        for (Role role : anyOf) if (caller.holds(role)) return;
        throw new AccessDenied(Set.of(anyOf));
    }
}

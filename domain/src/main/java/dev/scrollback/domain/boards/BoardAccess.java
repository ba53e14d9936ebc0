package dev.scrollback.domain.boards;

import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.shared.InvalidValue;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who may read a board and who may post on it, by role. Sysops may always do both; whoever may post may read. Guests
 * (accounts not yet verified) are roles like any other: a board can be open to them.
 */
public record BoardAccess(Set<Role> readers, Set<Role> posters) {
    public BoardAccess {
        if (readers.isEmpty()) throw new InvalidValue("readers", "names no role");
        if (posters.isEmpty()) throw new InvalidValue("posters", "names no role");
        var all = EnumSet.copyOf(readers);
        all.addAll(posters);
        readers = Set.copyOf(all);
        posters = Set.copyOf(EnumSet.copyOf(posters));
    }

    /** Members read and post: the usual board. */
    public static BoardAccess members() {
        return new BoardAccess(Set.of(Role.MEMBER), Set.of(Role.MEMBER));
    }

    public boolean mayRead(Set<Role> roles) {
        return roles.contains(Role.SYSOP) || roles.stream().anyMatch(readers::contains);
    }

    public boolean mayPost(Set<Role> roles) {
        return roles.contains(Role.SYSOP) || roles.stream().anyMatch(posters::contains);
    }
}

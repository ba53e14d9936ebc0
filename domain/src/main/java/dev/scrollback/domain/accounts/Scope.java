package dev.scrollback.domain.accounts;

import dev.scrollback.domain.shared.InvalidValue;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an API key may be used for. A scope is an upper bound, never a grant: a key acts with the roles its account
 * holds at the moment of the request that its scopes unlock ({@link #unlocks()}), so an {@code admin} key of an account
 * that is no sysop can do no more than a key without it. {@code events:read} unlocks no role; it lets the key read the
 * event feed, which the feed checks on its own (and still asks for the role it always asks for).
 */
public enum Scope {
    EVENTS_READ("events:read", Set.of()),
    AUDIT_READ("audit:read", Set.of(Role.AUDITOR)),
    ADMIN("admin", Set.of(Role.SYSOP, Role.MODERATOR)),
    BOARDS_WRITE("boards:write", Set.of(Role.MEMBER));

    private final String wireName;
    private final Set<Role> unlocks;

    Scope(String wireName, Set<Role> unlocks) {
        this.wireName = wireName;
        this.unlocks = unlocks;
    }

    /** The public name ({@code events:read}, ...): a contract with integrators, so it never changes. */
    public String wireName() {
        return wireName;
    }

    /** The roles of the account this scope lets the key act with. */
    public Set<Role> unlocks() {
        return unlocks;
    }

    /** The scope with this exact wire name, or empty. */
    public static Optional<Scope> ofWireName(String name) {
        for (Scope scope : values()) if (scope.wireName.equals(name)) return Optional.of(scope);
        return Optional.empty();
    }

    /** The scope with this exact wire name; anything else is refused, naming the scopes there are. */
    public static Scope parse(String name) {
        if (name != null && name.length() <= 64) {
            var scope = ofWireName(name);
            if (scope.isPresent()) return scope.get();
        }
        throw new InvalidValue("scopes", "holds an unknown scope; the scopes are " + known());
    }

    public static String known() {
        return Arrays.stream(values()).map(Scope::wireName).collect(Collectors.joining(", "));
    }

    /** An unmodifiable copy in declaration order, so that printing and storing a set of scopes is deterministic. */
    public static Set<Scope> ordered(java.util.Collection<Scope> scopes) {
        return scopes.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(scopes));
    }

    /** The roles a key with {@code scopes} acts with when its account holds {@code accountRoles}. */
    public static Set<Role> rolesFor(Set<Scope> scopes, Set<Role> accountRoles) {
        var unlocked = EnumSet.noneOf(Role.class);
        for (Scope scope : scopes) unlocked.addAll(scope.unlocks);
        unlocked.retainAll(accountRoles);
        return Set.copyOf(unlocked);
    }
}

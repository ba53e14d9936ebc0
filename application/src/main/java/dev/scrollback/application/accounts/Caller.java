package dev.scrollback.application.accounts;

import dev.scrollback.application.shared.Actor;
import dev.scrollback.domain.accounts.ApiKeyId;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.accounts.Scope;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.SessionId;
import java.util.Optional;
import java.util.Set;

/**
 * An authenticated caller: who they are, what they hold as credential, and the roles that count for this request. A
 * login (an open session) holds every role of the account; an API key only those its scopes unlock ({@link
 * Scope#rolesFor}), so role checks need not know which credential came in.
 */
public record Caller(AccountId account, Handle handle, Credential credential, Set<Role> roles) {
    public Caller {
        roles = Set.copyOf(roles);
    }

    /** A caller in an open session (a telnet or web login). */
    public Caller(AccountId account, Handle handle, SessionId session, Set<Role> roles) {
        this(account, handle, new Credential.Session(session), roles);
    }

    /** What the caller authenticated with. */
    public sealed interface Credential {
        record Session(SessionId id) implements Credential {}

        /** {@code accountRoles}: every role the account holds now, which an operation guarded by a scope of the key sees. */
        record ApiKey(ApiKeyId id, Set<Scope> scopes, Set<Role> accountRoles) implements Credential {
            public ApiKey {
                scopes = Scope.ordered(scopes);
                accountRoles = Set.copyOf(accountRoles);
            }
        }
    }

    /** A caller presenting an API key: roles are the account's roles that the key's scopes unlock. */
    public static Caller withApiKey(AccountId account, Handle handle, ApiKeyId key, Set<Scope> scopes, Set<Role> accountRoles) {
        return new Caller(account, handle, new Credential.ApiKey(key, scopes, accountRoles), Scope.rolesFor(scopes, accountRoles));
    }

    public boolean holds(Role role) {
        return roles.contains(role);
    }

    /**
     * The caller's session. Only an interactive login has one: for an API key this refuses ({@link CredentialDenied}),
     * so everything that needs a session (password, TOTP, sessions, log-out, API key management) turns keys away by
     * itself. Code that only records the session in an origin uses {@link #sessionIfAny()}.
     */
    public SessionId session() {
        return switch (credential) {
            case Credential.Session s -> s.id();
            case Credential.ApiKey k -> throw CredentialDenied.needsInteractiveLogin();
        };
    }

    /** The session to record in an event's origin, empty for an API key. */
    public Optional<SessionId> sessionIfAny() {
        return credential instanceof Credential.Session s ? Optional.of(s.id()) : Optional.empty();
    }

    /** The API key the caller presented, if that is how they came in. */
    public Optional<ApiKeyId> apiKey() {
        return credential instanceof Credential.ApiKey k ? Optional.of(k.id()) : Optional.empty();
    }

    /** Whether the credential allows what {@code scope} names: a login allows everything its roles allow. */
    public boolean permits(Scope scope) {
        return switch (credential) {
            case Credential.Session s -> true;
            case Credential.ApiKey k -> k.scopes().contains(scope);
        };
    }

    /**
     * The caller as an operation guarded by {@code scope} sees them: a login as it is; a key holding the scope with every
     * role its account holds now (the scope is what limits it); a key without it is refused ({@link CredentialDenied}).
     */
    public Caller through(Scope scope) {
        return switch (credential) {
            case Credential.Session s -> this;
            case Credential.ApiKey k when k.scopes().contains(scope) -> new Caller(account, handle, credential, k.accountRoles());
            case Credential.ApiKey k -> throw CredentialDenied.needsScope(scope);
        };
    }

    public Actor actor() {
        return Actor.user(account, handle);
    }
}

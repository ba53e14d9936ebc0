package dev.scrollback.application.shared;

import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Handle;
import java.util.Optional;

/**
 * Who did it (SPEC §3 {@code actor}): a user, the system, or a plugin. An anonymous user (someone at a login prompt)
 * is a user with neither id nor handle.
 */
public record Actor(Kind kind, Optional<String> id, Optional<String> handle) {
    public enum Kind {
        USER, SYSTEM, PLUGIN;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static Actor user(AccountId account, Handle handle) {
        return new Actor(Kind.USER, Optional.of(account.toString()), Optional.of(handle.value()));
    }

    public static Actor anonymous() {
        return new Actor(Kind.USER, Optional.empty(), Optional.empty());
    }

    /** A plugin acting: {@code version} is the id of the plugin version that acted, {@code name} the plugin's name. */
    public static Actor plugin(java.util.UUID version, String name) {
        return new Actor(Kind.PLUGIN, Optional.of(version.toString()), Optional.of(name));
    }

    public static Actor system() {
        return new Actor(Kind.SYSTEM, Optional.empty(), Optional.empty());
    }
}

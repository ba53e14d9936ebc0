package dev.scrollback.application.hooks;

import dev.scrollback.domain.shared.Handle;
import java.util.Optional;

/**
 * Served by accounts, asked by the plugin runtime ({@code read_user}): what anyone on the BBS may know about a user —
 * never an address, an e-mail or a login history.
 */
public interface PublicUsers {

    /** The user holding {@code handle}, as far as the directory has read; empty when there is none. */
    Optional<PublicUser> find(Handle handle);

    /** Nobody is known. */
    static PublicUsers none() {
        return handle -> Optional.empty();
    }
}

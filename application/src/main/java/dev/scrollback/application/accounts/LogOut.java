package dev.scrollback.application.accounts;

import dev.scrollback.application.shared.Origin;

/** In-port: the caller ends their own session ({@code LoggedOut} and {@code SessionEnded}, reason goodbye). */
public interface LogOut {
    void logOut(Caller caller, Origin origin);
}

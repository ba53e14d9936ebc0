package dev.scrollback.application.presence;

import dev.scrollback.application.accounts.Caller;
import java.util.List;

/** In-port: who is online right now, across telnet and web, oldest session first. For logged-in callers. */
public interface WhoIsOnline {
    List<Online> whoIsOnline(Caller viewer);
}

package dev.scrollback.application.presence;

import dev.scrollback.application.accounts.Caller;
import java.util.List;

/** In-port: the caller's own open sessions on telnet and the web, oldest first. */
public interface ListMySessions {
    List<MySession> list(Caller caller);
}

package dev.scrollback.application.accounts;

import dev.scrollback.application.shared.Origin;
import java.util.List;

/**
 * In-port: a caller has just logged in (telnet or web): the plugins' {@code on_session_start} hears of the session, and
 * their {@code on_user_login} greets the caller, knowing whether it is the caller's first login. Answers the greeting
 * lines to show, in plugin-name order (none without plugins).
 */
public interface WelcomeCaller {

    List<String> welcome(Caller caller, Origin origin);
}

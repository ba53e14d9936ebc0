package dev.scrollback.adapters.telnet.accounts;

import dev.scrollback.application.accounts.ShowProfile;
import dev.scrollback.domain.shared.RemoteAddress;
import java.util.List;

/** What a caller is told right after "Welcome": the login before this one, and the wrong passwords since. */
public final class LastLoginNotice {
    private LastLoginNotice() {}

    public static List<String> lines(ShowProfile.Profile profile) {
        var previous = profile.previousLogin();
        if (previous.isEmpty()) return List.of("This is your first login.");
        var login = previous.get();
        var where = login.address().map(RemoteAddress::value).map(a -> " from " + a).orElse("");
        var failed = profile.failedLoginsSincePreviousLogin();
        return List.of("Last login: " + Refusals.TIME.format(login.at()) + " via " + login.channel().wireName() + where + ".",
                failed == 0 ? "No failed login attempts since then."
                        : failed + " failed login attempt" + (failed == 1 ? "" : "s") + " since then.");
    }
}

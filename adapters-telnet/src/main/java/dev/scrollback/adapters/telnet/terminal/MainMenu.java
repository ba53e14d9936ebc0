package dev.scrollback.adapters.telnet.terminal;

import dev.scrollback.adapters.telnet.accounts.SettingsScreen;
import dev.scrollback.adapters.telnet.presence.WhoIsOnlineScreen;
import dev.scrollback.adapters.telnet.shared.CallerConsole;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.shared.Origin;
import java.util.Optional;

/** The menu after login: only what works (SPEC §4), one hotkey each. Returns when the caller says goodbye. */
final class MainMenu {
    private final WhoIsOnlineScreen whoIsOnline;
    private final Optional<SettingsScreen> settings;

    MainMenu(WhoIsOnlineScreen whoIsOnline) {
        this(whoIsOnline, Optional.empty());
    }

    private MainMenu(WhoIsOnlineScreen whoIsOnline, Optional<SettingsScreen> settings) {
        this.whoIsOnline = whoIsOnline;
        this.settings = settings;
    }

    /** The same menu with [S] Settings. */
    MainMenu withSettings(SettingsScreen settingsScreen) {
        return new MainMenu(whoIsOnline, Optional.of(settingsScreen));
    }

    void run(CallerConsole console, Caller caller, Origin origin) {
        var mySettings = settings.map(s -> s.forCaller(caller, origin));
        var keys = mySettings.isPresent() ? "WSG" : "WG";
        while (true) {
            console.println();
            console.println("Main menu");
            console.println("  [W] Who's online");
            if (mySettings.isPresent()) console.println("  [S] Settings");
            console.println("  [G] Goodbye");
            switch (console.choose("Your choice", keys)) {
                case 'W' -> whoIsOnline.show(console, caller);
                case 'S' -> mySettings.orElseThrow().run(console);
                case 'G' -> {
                    return;
                }
                default -> throw new IllegalStateException("choose() returns only the keys it was given");
            }
        }
    }
}

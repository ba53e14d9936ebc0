package dev.scrollback.adapters.telnet.terminal;

import dev.scrollback.application.shared.Activity;
import dev.scrollback.adapters.telnet.accounts.SettingsScreen;
import dev.scrollback.adapters.telnet.boards.BoardsScreen;
import dev.scrollback.adapters.telnet.mail.MailScreen;
import dev.scrollback.adapters.telnet.presence.WhoIsOnlineScreen;
import dev.scrollback.adapters.telnet.shared.CallerConsole;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.shared.Origin;
import java.util.Optional;

/** The menu after login: only what works (SPEC §4), one hotkey each. Returns when the caller says goodbye. */
final class MainMenu {
    private final WhoIsOnlineScreen whoIsOnline;
    private final Optional<SettingsScreen> settings;
    private final Optional<MailScreen> mail;
    private final Optional<BoardsScreen> boards;

    MainMenu(WhoIsOnlineScreen whoIsOnline) {
        this(whoIsOnline, Optional.empty(), Optional.empty(), Optional.empty());
    }

    private MainMenu(WhoIsOnlineScreen whoIsOnline, Optional<SettingsScreen> settings, Optional<MailScreen> mail,
                     Optional<BoardsScreen> boards) {
        this.whoIsOnline = whoIsOnline;
        this.settings = settings;
        this.mail = mail;
        this.boards = boards;
    }

    /** The same menu with [S] Settings. */
    MainMenu withSettings(SettingsScreen settingsScreen) {
        return new MainMenu(whoIsOnline, Optional.of(settingsScreen), mail, boards);
    }

    /** The same menu with [M] Mail (for members and sysops), showing the unread count. */
    MainMenu withMail(MailScreen mailScreen) {
        return new MainMenu(whoIsOnline, settings, Optional.of(mailScreen), boards);
    }

    /** The same menu with [B] Boards and [N] New-scan. */
    MainMenu withBoards(BoardsScreen boardsScreen) {
        return new MainMenu(whoIsOnline, settings, mail, Optional.of(boardsScreen));
    }

    void run(CallerConsole console, Caller caller, Origin origin) {
        var mySettings = settings.map(s -> s.forCaller(caller, origin));
        var myMail = mail.filter(m -> m.offeredTo(caller));
        var myBoards = boards.map(b -> b.forCaller(caller, origin));
        var keys = (myBoards.isPresent() ? "BN" : "") + (myMail.isPresent() ? "M" : "") + (mySettings.isPresent() ? "WSG" : "WG");
        while (true) {
            console.println();
            console.doing(Activity.MAIN_MENU);
            console.println(console.theme().title("Main menu"));
            if (myBoards.isPresent()) console.println("  [B] Boards");
            if (myBoards.isPresent()) console.println("  [N] New-scan");
            myMail.ifPresent(m -> console.println("  [M] " + m.label(caller)));
            console.println("  [W] Who's online");
            if (mySettings.isPresent()) console.println("  [S] Settings");
            console.println("  [G] Goodbye");
            switch (console.choose("Your choice", keys)) {
                case 'M' -> myMail.orElseThrow().run(console, caller, origin);
                case 'B' -> myBoards.orElseThrow().boards(console);
                case 'N' -> myBoards.orElseThrow().newScan(console);
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

package dev.scrollback.adapters.telnet.terminal;

import dev.scrollback.application.shared.Activity;
import dev.scrollback.adapters.telnet.accounts.SettingsScreen;
import dev.scrollback.adapters.telnet.boards.BoardsScreen;
import dev.scrollback.adapters.telnet.chat.ChatScreen;
import dev.scrollback.adapters.telnet.mail.MailScreen;
import dev.scrollback.adapters.telnet.plugins.PluginsScreen;
import dev.scrollback.adapters.telnet.presence.WhoIsOnlineScreen;
import dev.scrollback.adapters.telnet.shared.CallerConsole;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.shared.Origin;
import java.util.List;
import java.util.Optional;

/** The menu after login: only what works (SPEC §4), one hotkey each. Returns when the caller says goodbye. */
final class MainMenu {
    private final WhoIsOnlineScreen whoIsOnline;
    private final Optional<SettingsScreen> settings;
    private final Optional<MailScreen> mail;
    private final Optional<BoardsScreen> boards;
    private final Optional<ChatScreen> chat;
    private final Optional<PluginItems> plugins;
    private final Optional<PluginsScreen> admin;

    MainMenu(WhoIsOnlineScreen whoIsOnline) {
        this(whoIsOnline, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    private MainMenu(WhoIsOnlineScreen whoIsOnline, Optional<SettingsScreen> settings, Optional<MailScreen> mail,
                     Optional<BoardsScreen> boards, Optional<ChatScreen> chat, Optional<PluginItems> plugins,
                     Optional<PluginsScreen> admin) {
        this.whoIsOnline = whoIsOnline;
        this.settings = settings;
        this.mail = mail;
        this.boards = boards;
        this.chat = chat;
        this.plugins = plugins;
        this.admin = admin;
    }

    /** The same menu with [S] Settings. */
    MainMenu withSettings(SettingsScreen settingsScreen) {
        return new MainMenu(whoIsOnline, Optional.of(settingsScreen), mail, boards, chat, plugins, admin);
    }

    /** The same menu with [M] Mail (for members and sysops), showing the unread count. */
    MainMenu withMail(MailScreen mailScreen) {
        return new MainMenu(whoIsOnline, settings, Optional.of(mailScreen), boards, chat, plugins, admin);
    }

    /** The same menu with [B] Boards and [N] New-scan. */
    MainMenu withBoards(BoardsScreen boardsScreen) {
        return new MainMenu(whoIsOnline, settings, mail, Optional.of(boardsScreen), chat, plugins, admin);
    }

    /** The same menu with [C] Chat and [P] Page (for members and sysops). */
    MainMenu withChat(ChatScreen chatScreen) {
        return new MainMenu(whoIsOnline, settings, mail, boards, Optional.of(chatScreen), plugins, admin);
    }

    /** The same menu with the entries plugins add ({@code render_menu_item}), numbered from 1. */
    MainMenu withPlugins(PluginItems items) {
        return new MainMenu(whoIsOnline, settings, mail, boards, chat, Optional.of(items), admin);
    }

    /** The same menu with [A] Admin: plugins (for sysops only): the plugin registry. */
    MainMenu withPluginAdmin(PluginsScreen pluginsScreen) {
        return new MainMenu(whoIsOnline, settings, mail, boards, chat, plugins, Optional.of(pluginsScreen));
    }

    void run(CallerConsole console, Caller caller, Origin origin) {
        var mySettings = settings.map(s -> s.forCaller(caller, origin));
        var myMail = mail.filter(m -> m.offeredTo(caller));
        var myBoards = boards.map(b -> b.forCaller(caller, origin));
        var myChat = chat.filter(c -> c.offeredTo(caller));
        var myAdmin = admin.filter(p -> p.offeredTo(caller));
        var baseKeys = (myBoards.isPresent() ? "BN" : "") + (myMail.isPresent() ? "M" : "") + (myChat.isPresent() ? "CP" : "")
                + (mySettings.isPresent() ? "WSG" : "WG") + (myAdmin.isPresent() ? "A" : "");
        plugins.ifPresent(p -> p.greet(console, caller, origin));
        while (true) {
            var items = plugins.map(p -> p.drawn(caller)).orElse(List.of());      // drawn afresh: plugins come and go
            var keys = baseKeys + "123456789".substring(0, items.size());
            console.println();
            console.doing(Activity.MAIN_MENU);
            console.println(console.theme().title("Main menu"));
            if (myBoards.isPresent()) console.println("  [B] Boards");
            if (myBoards.isPresent()) console.println("  [N] New-scan");
            myMail.ifPresent(m -> console.println("  [M] " + m.label(caller)));
            if (myChat.isPresent()) console.println("  [C] Chat");
            if (myChat.isPresent()) console.println("  [P] Page someone");
            console.println("  [W] Who's online");
            if (mySettings.isPresent()) console.println("  [S] Settings");
            if (myAdmin.isPresent()) console.println("  [A] Admin: plugins");
            for (int i = 0; i < items.size(); i++) console.println("  [" + (i + 1) + "] " + items.get(i).label());
            console.println("  [G] Goodbye");
            char choice = console.choose("Your choice", keys);
            if (Character.isDigit(choice)) {
                plugins.orElseThrow().run(console, caller, items.get(choice - '1'));
                continue;
            }
            switch (choice) {
                case 'M' -> myMail.orElseThrow().run(console, caller, origin);
                case 'B' -> myBoards.orElseThrow().boards(console);
                case 'N' -> myBoards.orElseThrow().newScan(console);
                case 'C' -> myChat.orElseThrow().run(console, caller, origin);
                case 'P' -> myChat.orElseThrow().pageSomeone(console, caller, origin);
                case 'W' -> whoIsOnline.show(console, caller);
                case 'S' -> mySettings.orElseThrow().run(console);
                case 'A' -> myAdmin.orElseThrow().run(console, caller, origin);
                case 'G' -> {
                    return;
                }
                default -> throw new IllegalStateException("choose() returns only the keys it was given");
            }
        }
    }
}

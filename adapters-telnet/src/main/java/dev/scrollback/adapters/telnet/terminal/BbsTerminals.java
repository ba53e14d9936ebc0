package dev.scrollback.adapters.telnet.terminal;

import dev.scrollback.adapters.telnet.accounts.LoginScreen;
import dev.scrollback.adapters.telnet.accounts.SettingsScreen;
import dev.scrollback.adapters.telnet.presence.WhoIsOnlineScreen;
import dev.scrollback.application.accounts.LogInCaller;
import dev.scrollback.application.accounts.LogOut;
import dev.scrollback.application.accounts.RegisterCaller;
import dev.scrollback.application.accounts.ResendVerification;
import dev.scrollback.application.accounts.ShowProfile;
import dev.scrollback.application.accounts.WelcomeCaller;
import dev.scrollback.application.plugins.RunPluginCommands;
import dev.scrollback.application.accounts.VerifyEmail;
import dev.scrollback.application.accounts.ChangePassword;
import dev.scrollback.application.accounts.CompletePasswordReset;
import dev.scrollback.application.accounts.RequestPasswordReset;
import dev.scrollback.application.presence.WhoIsOnline;
import dev.scrollback.application.live.LiveHub;
import dev.scrollback.application.sessions.EndSession;
import dev.scrollback.application.sessions.SessionActivity;
import dev.scrollback.application.sessions.SessionTerminations;
import dev.scrollback.application.terminal.TerminalConnection;
import dev.scrollback.application.terminal.Terminals;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The BBS session engine (the terminal port): banner, login or sign-up, the main menu, and leaving — on any
 * {@link TerminalConnection}, telnet or the web terminal. Each call runs one session on the calling thread.
 */
public final class BbsTerminals implements Terminals {
    private static final Logger LOG = LoggerFactory.getLogger(BbsTerminals.class);

    private final LoginScreen loginScreen;
    private final MainMenu mainMenu;
    private final LogOut logOut;
    private final EndSession endSession;
    private final BbsSettings settings;
    private final Optional<ShowProfile> showProfile;
    private final Optional<SessionTerminations> terminations;
    private final Optional<SessionActivity> presence;
    private final Optional<SessionNotices> notices;

    public BbsTerminals(RegisterCaller registerCaller, VerifyEmail verifyEmail, ResendVerification resendVerification,
                        LogInCaller logInCaller, LogOut logOut, EndSession endSession, WhoIsOnline whoIsOnline,
                        BbsSettings settings) {
        this(registerCaller, verifyEmail, resendVerification, logInCaller, logOut, endSession, whoIsOnline, Optional.empty(),
                settings);
    }

    /** With {@code showProfile}, callers are told their previous login and the failed attempts since, after "Welcome". */
    public BbsTerminals(RegisterCaller registerCaller, VerifyEmail verifyEmail, ResendVerification resendVerification,
                        LogInCaller logInCaller, LogOut logOut, EndSession endSession, WhoIsOnline whoIsOnline,
                        Optional<ShowProfile> showProfile, BbsSettings settings) {
        this(new LoginScreen(logInCaller, registerCaller, verifyEmail, resendVerification),
                new MainMenu(new WhoIsOnlineScreen(whoIsOnline, settings.clock())), logOut, endSession, showProfile,
                Optional.empty(), Optional.empty(), Optional.empty(), settings);
    }

    private BbsTerminals(LoginScreen loginScreen, MainMenu mainMenu, LogOut logOut, EndSession endSession,
                         Optional<ShowProfile> showProfile, Optional<SessionTerminations> terminations,
                         Optional<SessionActivity> presence, Optional<SessionNotices> notices, BbsSettings settings) {
        this.presence = presence;
        this.notices = notices;
        this.loginScreen = loginScreen;
        this.mainMenu = mainMenu;
        this.logOut = logOut;
        this.endSession = endSession;
        this.showProfile = showProfile;
        this.terminations = terminations;
        this.settings = settings;
    }

    /** The same engine, whose callers are told and disconnected when their session is ended from elsewhere. */
    public BbsTerminals tellingSessionsEndedElsewhere(SessionTerminations sessionTerminations) {
        return new BbsTerminals(loginScreen, mainMenu, logOut, endSession, showProfile, Optional.of(sessionTerminations),
                presence, notices, settings);
    }

    /** The same engine, whose login screen resets forgotten passwords ({@code FORGOT} at the handle prompt). */
    public BbsTerminals withPasswordReset(RequestPasswordReset request, CompletePasswordReset complete) {
        return new BbsTerminals(loginScreen.withPasswordReset(request, complete), mainMenu, logOut, endSession, showProfile,
                terminations, presence, notices, settings);
    }

    /** The same engine, whose main menu offers [S] Settings with [P] Change password. */
    public BbsTerminals withSettings(ChangePassword changePassword) {
        return new BbsTerminals(loginScreen, mainMenu.withSettings(new SettingsScreen(changePassword)), logOut, endSession,
                showProfile, terminations, presence, notices, settings);
    }

    /** The same engine, whose settings also offer [E] Erase my account (decision 0021). */
    public BbsTerminals withSettings(ChangePassword changePassword, dev.scrollback.application.accounts.EraseAccount eraseAccount) {
        return new BbsTerminals(loginScreen, mainMenu.withSettings(new SettingsScreen(changePassword).withErasure(eraseAccount)),
                logOut, endSession, showProfile, terminations, presence, notices, settings);
    }

    /** The same engine, whose main menu offers [M] Mail to members: inbox, sent mail, reader, writing. */
    public BbsTerminals withMail(dev.scrollback.adapters.telnet.mail.MailScreen mailScreen) {
        return new BbsTerminals(loginScreen, mainMenu.withMail(mailScreen), logOut, endSession, showProfile, terminations,
                presence, notices, settings);
    }

    /** The same engine, whose main menu offers [B] Boards and [N] New-scan. */
    public BbsTerminals withBoards(dev.scrollback.adapters.telnet.boards.BoardsScreen boardsScreen) {
        return new BbsTerminals(loginScreen, mainMenu.withBoards(boardsScreen), logOut, endSession, showProfile, terminations,
                presence, notices, settings);
    }

    /** The same engine, whose main menu offers [C] Chat and [P] Page someone to members. */
    public BbsTerminals withChat(dev.scrollback.adapters.telnet.chat.ChatScreen chatScreen) {
        return new BbsTerminals(loginScreen, mainMenu.withChat(chatScreen), logOut, endSession, showProfile, terminations,
                presence, notices, settings);
    }

    /**
     * The same engine with plugins: callers see the plugins' greetings after logging in ({@code on_user_login}), and the
     * main menu lists the entries plugins add ({@code render_menu_item}), each running the plugin's command.
     */
    public BbsTerminals withPlugins(WelcomeCaller welcome, RunPluginCommands commands) {
        return new BbsTerminals(loginScreen, mainMenu.withPlugins(new PluginItems(welcome, commands)), logOut, endSession,
                showProfile, terminations, presence, notices, settings);
    }

    /** The same engine, whose main menu offers [A] Admin: plugins to sysops: the plugin registry, its steps and figures. */
    public BbsTerminals withPluginAdmin(dev.scrollback.adapters.telnet.plugins.PluginsScreen pluginsScreen) {
        return new BbsTerminals(loginScreen, mainMenu.withPluginAdmin(pluginsScreen), logOut, endSession, showProfile, terminations,
                presence, notices, settings);
    }

    /** The same engine, whose callers' input and screens are reported to who's online (idle time, what they do). */
    public BbsTerminals withPresence(SessionActivity activity) {
        return new BbsTerminals(loginScreen, mainMenu, logOut, endSession, showProfile, terminations, Optional.of(activity),
                notices, settings);
    }

    /** The same engine, into whose sessions new mail breaks in as a notice, wherever the caller is. */
    public BbsTerminals withNotices(LiveHub hub) {
        return new BbsTerminals(loginScreen, mainMenu, logOut, endSession, showProfile, terminations, presence,
                Optional.of(new SessionNotices(hub)), settings);
    }

    @Override
    public void serve(TerminalConnection connection) {
        try {
            new Session(connection, loginScreen, mainMenu, logOut, endSession, showProfile, terminations, presence, notices,
                    settings).run();
        } catch (RuntimeException e) {                          // the port promises not to throw
            LOG.error("Session {} failed", connection.origin().session().map(Object::toString).orElse("?"), e);
            connection.close();
        }
    }
}

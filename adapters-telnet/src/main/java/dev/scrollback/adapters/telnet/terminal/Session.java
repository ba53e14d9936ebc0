package dev.scrollback.adapters.telnet.terminal;

import dev.scrollback.adapters.telnet.accounts.LastLoginNotice;
import dev.scrollback.adapters.telnet.accounts.LoginScreen;
import dev.scrollback.adapters.telnet.accounts.Visit;
import dev.scrollback.adapters.telnet.shared.CallerConsole;
import dev.scrollback.adapters.telnet.shared.CallerGone;
import dev.scrollback.adapters.telnet.shared.ScreenSize;
import dev.scrollback.adapters.telnet.shared.TerminalProfile;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.accounts.LogOut;
import dev.scrollback.application.accounts.ShowProfile;
import dev.scrollback.application.sessions.EndSession;
import dev.scrollback.application.sessions.SessionActivity;
import dev.scrollback.application.sessions.SessionTerminations;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.terminal.TerminalConnection;
import dev.scrollback.domain.sessions.EndReason;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One caller's visit, from banner to goodbye. However it ends, a logged-in caller's session ends in the log with the
 * reason: goodbye (through LogOut), idle, dropped or protocol error. A close we did not cause (the server stopping,
 * which records shutdown first) looks like a drop here; ending an ended session is a no-op.
 */
final class Session {
    private static final Logger LOG = LoggerFactory.getLogger(Session.class);

    private final TerminalConnection connection;
    private final LoginScreen loginScreen;
    private final MainMenu mainMenu;
    private final LogOut logOut;
    private final EndSession endSession;
    private final BbsSettings settings;
    private final Origin origin;
    private final Optional<ShowProfile> showProfile;
    private final Optional<SessionTerminations> terminations;
    private final Optional<SessionActivity> presence;
    private final Optional<SessionNotices> notices;
    private Optional<Caller> caller = Optional.empty();
    private volatile boolean over;                           // ended in the log already (goodbye, or ended elsewhere)

    Session(TerminalConnection connection, LoginScreen loginScreen, MainMenu mainMenu, LogOut logOut,
            EndSession endSession, Optional<ShowProfile> showProfile, Optional<SessionTerminations> terminations,
            Optional<SessionActivity> presence, Optional<SessionNotices> notices, BbsSettings settings) {
        this.presence = presence;
        this.notices = notices;
        this.showProfile = showProfile;
        this.terminations = terminations;
        this.connection = connection;
        this.loginScreen = loginScreen;
        this.mainMenu = mainMenu;
        this.logOut = logOut;
        this.endSession = endSession;
        this.settings = settings;
        this.origin = connection.origin();
    }

    void run() {
        var console = CallerConsole.open(connection.input(), connection.output(), this::screenSize, this::profile,
                connection::close,
                "terminal-input-" + origin.session().map(Object::toString).orElse("?"));
        connection.onTerminalChange(console::resized);       // a full-screen screen redraws at once
        Optional<SessionTerminations.Watch> watch = Optional.empty();
        Optional<SessionNotices.Listening> breakingIn = Optional.empty();
        try {
            console.finishWithin(settings.loginTimeout());
            banner(console);
            caller = loginScreen.logIn(console, new Visit(origin, connection::terminal));
            if (caller.isEmpty()) return;
            watch = terminations.map(t -> t.watch(caller.get().session(), this::endedElsewhere));
            var session = caller.get().session();
            presence.ifPresent(activity -> console.reportPresence(() -> activity.touch(session),
                    doing -> activity.doing(session, doing)));
            var loggedIn = caller.get();
            breakingIn = notices.map(n -> n.listen(console, loggedIn));
            console.idleAtMost(settings.idleTimeout());
            console.println();
            console.println("Welcome, " + caller.get().handle().value() + "!");
            if (showProfile.isPresent()) LastLoginNotice.lines(showProfile.get().show(caller.get())).forEach(console::println);
            mainMenu.run(console, caller.get(), origin);
            logOut.logOut(caller.get(), origin);
            over = true;
            console.println("Goodbye, " + caller.get().handle().value() + ". Call again soon!");
        } catch (CallerGone gone) {
            ended(gone, console);
        } catch (RuntimeException e) {
            LOG.error("Session {} failed", sessionName(), e);
            tell(console, "Sorry, something went wrong on our side - goodbye.");
            end(EndReason.DROPPED);
        } finally {
            breakingIn.ifPresent(SessionNotices.Listening::close);
            watch.ifPresent(SessionTerminations.Watch::close);
            caller.ifPresent(gone -> presence.ifPresent(activity -> activity.forget(gone.session())));
            console.close();
        }
    }

    /**
     * The session was ended elsewhere (already in the log): say why and hang up. Runs on the ender's thread; the notice
     * goes out in one write, and the engine then sees the line drop and finds the session already ended.
     */
    private void endedElsewhere(String notice) {
        over = true;
        try {
            var out = connection.output();
            synchronized (out) {
                out.write(profile().encode("\r\n" + notice + "\r\n"));
                out.flush();
            }
        } catch (java.io.IOException | RuntimeException gone) {
            // the caller left already; closing below is all that is left to do
        }
        connection.close();
    }

    private void ended(CallerGone gone, CallerConsole console) {
        switch (gone.why()) {
            case TIMED_OUT -> {
                tell(console, caller.isPresent() ? "Idle too long - goodbye." : "Login timed out - goodbye.");
                end(EndReason.IDLE);
            }
            case HUNG_UP -> end(EndReason.DROPPED);
            case PROTOCOL_ERROR -> {
                LOG.info("Session {} broke the protocol: {}", sessionName(), gone.getMessage());
                tell(console, "Protocol error - goodbye.");
                end(EndReason.PROTOCOL_ERROR);
            }
        }
    }

    private void banner(CallerConsole console) {
        console.println();
        console.theme().banner(settings.bbsName()).forEach(console::println);
        console.println(loginScreen.invitation());
    }

    /** A last word to a caller who may already be gone. */
    private static void tell(CallerConsole console, String notice) {
        try {
            console.println();
            console.println(notice);
        } catch (CallerGone alreadyGone) {
            // nobody is listening; the session still ends below
        }
    }

    private void end(EndReason reason) {
        if (caller.isEmpty() || over) return;                // nobody logged in: no session was started
        over = true;
        try {
            endSession.end(caller.get().session(), reason, origin);
        } catch (RuntimeException e) {
            LOG.warn("Could not end session {} ({}); it ends at the next start (reason: restart)", sessionName(),
                    reason.wireName(), e);
        }
    }

    private ScreenSize screenSize() {
        var terminal = connection.terminal();
        return new ScreenSize(terminal.width(), terminal.height());
    }

    /** From the terminal type alone (no probing), asked again each time: TTYPE may come late or change. */
    private TerminalProfile profile() {
        return TerminalProfile.forType(connection.terminal().type());
    }

    private String sessionName() {
        return origin.session().map(Object::toString).orElse("?");
    }
}

package dev.scrollback.adapters.telnet.presence;

import dev.scrollback.adapters.telnet.shared.CallerConsole;
import dev.scrollback.adapters.telnet.shared.TerminalProfile;
import dev.scrollback.adapters.telnet.shared.Theme;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.presence.Online;
import dev.scrollback.application.presence.WhoIsOnline;
import dev.scrollback.domain.shared.Handle;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Who's online, as a table that fits the caller's window: handle, channel, and how long they have been on. */
public final class WhoIsOnlineScreen {
    private static final int NARROWEST = 20;
    private static final int VIA = 6;            // "telnet"
    private static final int ON_FOR = 6;         // "23h59m", "On for"
    private static final int GAP = 2;

    private final WhoIsOnline whoIsOnline;
    private final Clock clock;

    public WhoIsOnlineScreen(WhoIsOnline whoIsOnline, Clock clock) {
        this.whoIsOnline = whoIsOnline;
        this.clock = clock;
    }

    public void show(CallerConsole console, Caller viewer) {
        console.page(render(whoIsOnline.whoIsOnline(viewer), console.theme(), console.width()));
    }

    /** The screen's lines for a window {@code columns} wide; the last column stays free, as some terminals wrap there. */
    List<String> render(List<Online> online, int columns) {
        return render(online, new Theme(TerminalProfile.PLAIN, columns), columns);
    }

    private List<String> render(List<Online> online, Theme theme, int columns) {
        int usable = Math.max(columns, NARROWEST) - 1;
        int handleWidth = Math.max(3, Math.min(Handle.MAX_LENGTH, usable - GAP - VIA - GAP - ON_FOR));
        var now = clock.instant();
        var lines = new ArrayList<String>();
        lines.add("");
        lines.add(theme.title("Who's online (" + online.size() + ")"));
        lines.add(row(handleWidth, "Handle", "Via", "On for"));
        for (var session : online) {
            lines.add(row(handleWidth, session.handle().value(), session.channel().wireName(),
                    onFor(Duration.between(session.since(), now))));
        }
        return lines;
    }

    private static String row(int handleWidth, String handle, String via, String onFor) {
        var gap = " ".repeat(GAP);
        return (fit(handle, handleWidth) + gap + fit(via, VIA) + gap + onFor).stripTrailing();
    }

    /** Pads or cuts to exactly {@code width} characters (code points), marking a cut with {@code ~}. */
    static String fit(String text, int width) {
        int length = text.codePointCount(0, text.length());
        if (length <= width) return text + " ".repeat(width - length);
        return text.substring(0, text.offsetByCodePoints(0, width - 1)) + "~";
    }

    static String onFor(Duration duration) {
        long minutes = Math.max(0, duration.toMinutes());
        if (minutes < 1) return "<1m";
        if (minutes < 60) return minutes + "m";
        long hours = minutes / 60;
        if (hours < 24) return "%dh%02dm".formatted(hours, minutes % 60);
        long days = hours / 24;
        return days < 1000 ? "%dd%02dh".formatted(days, hours % 24) : ">999d";
    }
}

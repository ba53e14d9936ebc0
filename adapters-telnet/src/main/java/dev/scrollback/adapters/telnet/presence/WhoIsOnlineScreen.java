package dev.scrollback.adapters.telnet.presence;

import dev.scrollback.application.shared.Activity;
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

/**
 * Who's online, as a table that fits the caller's window: handle, channel, how long they have been on, how long since
 * they last did anything, and what they are doing (cut to the window; on very narrow windows left out).
 */
public final class WhoIsOnlineScreen {
    private static final int NARROWEST = 20;
    private static final int VIA = 6;            // "telnet"
    private static final int ON_FOR = 6;         // "23h59m", "On for"
    private static final int GAP = 2;
    private static final int IDLE = 5;           // "23h", ">999d"
    private static final int DOING_MIN = 8;

    private final WhoIsOnline whoIsOnline;
    private final Clock clock;

    public WhoIsOnlineScreen(WhoIsOnline whoIsOnline, Clock clock) {
        this.whoIsOnline = whoIsOnline;
        this.clock = clock;
    }

    public void show(CallerConsole console, Caller viewer) {
        console.doing(Activity.WHO_IS_ONLINE);
        console.page(render(whoIsOnline.whoIsOnline(viewer), console.theme(), console.width()));
    }

    /** The screen's lines for a window {@code columns} wide; the last column stays free, as some terminals wrap there. */
    List<String> render(List<Online> online, int columns) {
        return render(online, new Theme(TerminalProfile.PLAIN, columns), columns);
    }

    private List<String> render(List<Online> online, Theme theme, int columns) {
        // Room goes first to whole handles, then channel and time on, then idle time, then what they are doing.
        int usable = Math.max(columns, NARROWEST) - 1;
        int longest = Math.min(Handle.MAX_LENGTH, online.stream().mapToInt(o -> o.handle().value().length())
                .reduce("Handle".length(), Math::max));
        int base = GAP + VIA + GAP + ON_FOR;
        int handleWidth = Math.max(3, Math.min(longest, usable - base));
        int rest = usable - handleWidth - base;
        boolean showIdle = rest >= GAP + IDLE;
        if (showIdle) rest -= GAP + IDLE;
        int doingWidth = rest >= GAP + DOING_MIN ? rest - GAP : 0;
        var now = clock.instant();
        var lines = new ArrayList<String>();
        lines.add("");
        lines.add(theme.title("Who's online (" + online.size() + ")"));
        lines.add(row(handleWidth, showIdle, doingWidth, "Handle", "Via", "On for", "Idle", "Doing"));
        for (var session : online) {
            lines.add(row(handleWidth, showIdle, doingWidth, session.handle().value(), session.channel().wireName(),
                    onFor(Duration.between(session.since(), now)), session.idle().map(WhoIsOnlineScreen::idle).orElse("?"),
                    session.doing().map(Activity::description).orElse("")));
        }
        return lines;
    }

    private static String row(int handleWidth, boolean showIdle, int doingWidth, String handle, String via, String onFor,
                              String idle, String doing) {
        var gap = " ".repeat(GAP);
        var line = new StringBuilder(fit(handle, handleWidth)).append(gap).append(fit(via, VIA)).append(gap)
                .append(fit(onFor, ON_FOR));
        if (showIdle) line.append(gap).append(fit(idle, IDLE));
        if (doingWidth > 0) line.append(gap).append(fit(doing, doingWidth));
        return line.toString().stripTrailing();
    }

    /** Idle time in the fewest characters: "-" under a minute, then minutes, hours, days. */
    static String idle(Duration idle) {
        long minutes = Math.max(0, idle.toMinutes());
        if (minutes < 1) return "-";
        if (minutes < 60) return minutes + "m";
        if (minutes < 24 * 60) return minutes / 60 + "h";
        return minutes / (24 * 60) < 1000 ? minutes / (24 * 60) + "d" : ">999d";
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

package dev.scrollback.adapters.telnet.plugins;

import dev.scrollback.adapters.telnet.shared.CallerConsole;
import dev.scrollback.adapters.telnet.shared.Columns;
import dev.scrollback.adapters.telnet.shared.Echo;
import dev.scrollback.adapters.telnet.shared.TerminalProfile;
import dev.scrollback.adapters.telnet.shared.Theme;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.plugins.ListPlugins;
import dev.scrollback.application.plugins.ManagePlugins;
import dev.scrollback.application.plugins.PluginStatistics;
import dev.scrollback.application.plugins.PluginStats;
import dev.scrollback.application.plugins.Plugins;
import dev.scrollback.application.plugins.Plugins.Status;
import dev.scrollback.application.plugins.ReviewPlugins;
import dev.scrollback.application.shared.Activity;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.plugins.PluginId;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The plugin registry for sysops on a terminal (issue 6 item 5): every submitted version, numbered, with its status and,
 * where this instance has loaded it, how it is doing; then one version's details (what the registry knows of its
 * manifest, the scan's findings, its figures and latest log lines) with the steps its status allows. Everything is asked
 * of the same in-ports as the admin REST API; this only lays it out.
 */
public final class PluginsScreen {
    /** What who's online shows while a sysop is here. */
    static final Activity AT_THE_SYSOP_MENU = new Activity("at the sysop menu");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    /**
     * The registry is a projection fed from the log, a moment behind a step just recorded: the refreshed screen waits
     * this long at most for it, so that it shows the new status and offers the next steps.
     */
    private static final Duration CATCH_UP = Duration.ofSeconds(3);
    private static final Duration POLL = Duration.ofMillis(20);
    private static final int GAP = 2;
    private static final int NAME_MIN = 8;
    private static final int VERSION_MAX = 14;
    private static final String LABEL = "%-15s";
    private static final int VALUE_MIN = 16;

    private final ListPlugins list;
    private final ReviewPlugins review;
    private final ManagePlugins manage;
    private final PluginStatistics statistics;

    public PluginsScreen(ListPlugins list, ReviewPlugins review, ManagePlugins manage, PluginStatistics statistics) {
        this.list = list;
        this.review = review;
        this.manage = manage;
        this.statistics = statistics;
    }

    /** The registry is for sysops: nobody else is offered it (and the in-ports would refuse them). */
    public boolean offeredTo(Caller caller) {
        return caller.holds(Role.SYSOP);
    }

    /** The list; a number opens that version. Returns to the main menu on Q. */
    public void run(CallerConsole console, Caller caller, Origin origin) {
        while (true) {
            console.doing(AT_THE_SYSOP_MENU);
            var listed = PluginRefusals.tried(console, () -> list.list(caller));
            if (listed.isEmpty()) return;
            var entries = listed.get();
            if (entries.isEmpty()) {
                console.println();
                console.println("No plugin has been submitted yet.");
                return;
            }
            var figures = PluginRefusals.tried(console, () -> statistics.statistics(caller)).orElse(List.of()).stream()
                    .collect(Collectors.toMap(PluginStats::plugin, Function.identity(), (a, b) -> a));
            console.page(listLines(entries, figures, console.theme(), console.width()));
            var choice = console.prompt("Plugin number, [Q] Back", Echo.VISIBLE).strip().toUpperCase(Locale.ROOT);
            if (choice.isEmpty() || choice.equals("Q")) return;
            number(choice, entries.size()).ifPresentOrElse(n -> details(console, caller, origin, entries.get(n - 1).id()),
                    () -> console.println("Type a plugin number from 1 to " + entries.size() + ", or Q."));
        }
    }

    /** One version, shown afresh after every step; the hotkeys are the steps its status allows. */
    private void details(CallerConsole console, Caller caller, Origin origin, PluginId plugin) {
        while (true) {
            var found = PluginRefusals.tried(console, () -> find(list.list(caller), plugin));
            if (found.isEmpty()) return;
            if (found.get().isEmpty()) {
                console.println("There is no such plugin.");
                return;
            }
            var entry = found.get().get();
            var figures = PluginRefusals.tried(console, () -> statistics.statistics(caller, plugin)).flatMap(f -> f);
            console.page(detailLines(entry, figures, console.theme(), console.width()));
            var steps = Step.from(entry.status());
            var menu = steps.stream().map(Step::hotkey).collect(Collectors.joining("  ")) + "  [Q] Back";
            var keys = steps.stream().map(s -> String.valueOf(s.key)).collect(Collectors.joining()) + "Q";
            char key = console.choose(menu, keys);
            if (key == 'Q') return;
            var step = steps.stream().filter(s -> s.key == key).findFirst().orElseThrow();
            if (take(console, caller, origin, entry, step)) awaitChange(caller, plugin, entry.status());
        }
    }

    /** Takes {@code step} and says what happened; whether the plugin's status changed. */
    private boolean take(CallerConsole console, Caller caller, Origin origin, Plugins.Entry entry, Step step) {
        var plugin = entry.id();
        return switch (step) {
            case RESCAN -> PluginRefusals.tried(console, () -> review.rescan(caller, plugin, origin)).map(verdict -> {
                console.println("Scanned again: " + (verdict.passed() ? "passed" : "failed")
                        + (verdict.findings().isEmpty() ? ", no findings." : ":"));
                verdict.findings().forEach(finding -> wrapped("  - ", finding, console.width()).forEach(console::println));
                return (verdict.passed() ? Status.SCANNED : Status.SCAN_FAILED) != entry.status();
            }).orElse(false);
            case APPROVE -> told(console, step, PluginRefusals.tried(console, () -> review.approve(caller, plugin, origin)));
            case PUBLISH -> told(console, step, PluginRefusals.tried(console, () -> review.publish(caller, plugin, origin)));
            case INSTALL -> install(console, caller, origin, entry);
            case ENABLE -> told(console, step, PluginRefusals.tried(console, () -> manage.enable(caller, plugin, origin)));
            case DISABLE -> told(console, step, PluginRefusals.tried(console, () -> manage.disable(caller, plugin, origin)));
            case UNINSTALL -> told(console, step, PluginRefusals.tried(console, () -> manage.uninstall(caller, plugin, origin)));
        };
    }

    /** "Approved: recorded." or "Nothing to do: it was approved already." (a refusal was told already). */
    private static boolean told(CallerConsole console, Step step, Optional<Boolean> recorded) {
        recorded.ifPresent(changed -> console.println(changed ? capitalised(step.done) + ": recorded."
                : "Nothing to do: it was " + step.done + " already."));
        return recorded.orElse(false);
    }

    /**
     * Names the hash to be signed (on a line of its own, to be copied whole) and asks for the signature on one line
     * (bounded like every line); empty cancels, and bad base64 is said plainly.
     */
    private boolean install(CallerConsole console, Caller caller, Origin origin, Plugins.Entry entry) {
        var plugin = entry.id();
        console.println("Installing needs a trusted publisher's Ed25519 signature, in base64, over the package's SHA-256:");
        console.println(entry.sha256().hex());
        var typed = console.prompt("Signature (empty: cancel)", Echo.VISIBLE).strip();
        if (typed.isEmpty()) {
            console.println("Nothing installed.");
            return false;
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(typed);
        } catch (IllegalArgumentException notBase64) {
            console.println("That is not base64: paste the signature as the publisher gave it, on one line. Nothing installed.");
            return false;
        }
        return PluginRefusals.tried(console, () -> manage.install(caller, plugin, signature, origin)).map(signer -> {
            signer.ifPresentOrElse(key -> console.println("Installed: recorded, signed by " + key.value()
                            + ". It starts disabled."),
                    () -> console.println("Nothing to do: it was installed already."));
            return signer.isPresent();
        }).orElse(false);
    }

    /** Waits, at most {@link #CATCH_UP}, until the registry shows {@code plugin} in another status than {@code before}. */
    private void awaitChange(Caller caller, PluginId plugin, Status before) {
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        while (System.nanoTime() < deadline) {
            if (find(list.list(caller), plugin).map(e -> e.status() != before).orElse(true)) return;
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();         // the session ends at its next read
                return;
            }
        }
    }

    private static Optional<Plugins.Entry> find(List<Plugins.Entry> entries, PluginId plugin) {
        return entries.stream().filter(e -> e.id().equals(plugin)).findFirst();
    }

    /** The list for a window {@code columns} wide, without colour (for tests). */
    static List<String> listLines(List<Plugins.Entry> entries, Map<PluginId, PluginStats> figures, int columns) {
        return listLines(entries, figures, new Theme(TerminalProfile.PLAIN, columns), columns);
    }

    /**
     * Numbered rows: name, version, engine, status and faults, then this instance's state, calls and p99 when it has
     * figures for any of them. Room goes to whole names last; a row that still does not fit is cut.
     */
    static List<String> listLines(List<Plugins.Entry> entries, Map<PluginId, PluginStats> figures, Theme theme, int columns) {
        int usable = Columns.usable(columns);
        int number = String.valueOf(entries.size()).length();
        int version = Math.min(VERSION_MAX, entries.stream().mapToInt(e -> e.version().toString().length())
                .reduce("Version".length(), Math::max));
        boolean running = entries.stream().anyMatch(e -> figures.containsKey(e.id()));
        int fixed = number + GAP + GAP + version + GAP + "Engine".length() + GAP + "uninstalled".length() + GAP
                + "Faults".length() + (running ? GAP + "loading".length() + GAP + 7 + GAP + 6 : 0);
        int longest = entries.stream().mapToInt(e -> e.name().value().length()).reduce("Name".length(), Math::max);
        int name = Math.max(NAME_MIN, Math.min(longest, usable - fixed));
        var lines = new ArrayList<String>();
        lines.add("");
        lines.add(theme.title("Plugins (" + entries.size() + ")"));
        lines.add(Columns.cut(row(number, name, version, running, "#", "Name", "Version", "Engine", "Status", "Faults",
                "State", "Calls", "p99"), usable));
        for (int i = 0; i < entries.size(); i++) {
            var entry = entries.get(i);
            var stats = Optional.ofNullable(figures.get(entry.id()));
            lines.add(Columns.cut(row(number, name, version, running, String.valueOf(i + 1), entry.name().value(),
                    entry.version().toString(), entry.engine().wireName(), entry.status().wireName(),
                    String.valueOf(entry.faults()), stats.map(s -> s.state().wireName()).orElse("-"),
                    stats.map(s -> String.valueOf(s.calls())).orElse(""),
                    stats.flatMap(PluginStats::p99).map(PluginsScreen::latency).orElse("")), usable));
        }
        return lines;
    }

    private static String row(int number, int name, int version, boolean running, String n, String plugin, String v,
                              String engine, String status, String faults, String state, String calls, String p99) {
        var gap = " ".repeat(GAP);
        var line = new StringBuilder(right(n, number)).append(gap).append(Columns.fit(plugin, name)).append(gap)
                .append(Columns.fit(v, version)).append(gap).append(Columns.fit(engine, "Engine".length())).append(gap)
                .append(Columns.fit(status, "uninstalled".length())).append(gap).append(right(faults, "Faults".length()));
        if (running) {
            line.append(gap).append(Columns.fit(state, "loading".length())).append(gap).append(right(calls, 7))
                    .append(gap).append(right(p99, 6));
        }
        return line.toString().stripTrailing();
    }

    /** One version's details for a window {@code columns} wide, without colour (for tests). */
    static List<String> detailLines(Plugins.Entry entry, Optional<PluginStats> figures, int columns) {
        return detailLines(entry, figures, new Theme(TerminalProfile.PLAIN, columns), columns);
    }

    static List<String> detailLines(Plugins.Entry entry, Optional<PluginStats> figures, Theme theme, int columns) {
        var lines = new ArrayList<String>();
        lines.add("");
        lines.add(theme.title(entry.name().value() + " " + entry.version()));
        lines.addAll(labelled("Id:", entry.id().toString(), columns));
        lines.addAll(labelled("Engine:", entry.engine().wireName(), columns));
        lines.addAll(labelled("Status:", entry.status().wireName(), columns));
        lines.addAll(labelled("Submitted:", TIME.format(entry.submittedAt()) + " by " + entry.submittedBy().value(), columns));
        lines.addAll(hash(entry.sha256().hex(), columns));
        lines.addAll(labelled("Faults:", entry.faults() + " recorded", columns));
        var scan = switch (entry.status()) {
            case SUBMITTED -> "not recorded yet";
            case SCAN_FAILED -> "failed";
            case SCANNED, APPROVED, PUBLISHED, INSTALLED, ENABLED, DISABLED, UNINSTALLED -> "passed";
        };
        lines.addAll(labelled("Scan:", scan + (entry.findings().isEmpty() ? ", no findings" : ", findings:"), columns));
        entry.findings().forEach(finding -> lines.addAll(wrapped("  - ", finding, columns)));
        if (figures.isEmpty()) {
            lines.addAll(labelled("This instance:", "not loaded here", columns));
            return lines;
        }
        var stats = figures.get();
        lines.addAll(labelled("This instance:", stats.state().wireName(), columns));
        var latency = stats.p50().map(p -> "; p50 " + latency(p)).orElse("") + stats.p99().map(p -> ", p99 " + latency(p)).orElse("");
        lines.addAll(labelled("", stats.calls() + " calls, " + stats.failures() + " failed, " + stats.faults() + " faulted, "
                + stats.skipped() + " skipped" + latency, columns));
        stats.problem().ifPresent(problem -> lines.addAll(labelled("Problem:", problem, columns)));
        if (!stats.recentLog().isEmpty()) {
            lines.add("Recent log:");
            stats.recentLog().forEach(line -> lines.addAll(wrapped("  ", line, columns)));
        }
        return lines;
    }

    /**
     * The package's SHA-256, what a publisher signs for it to be installed: beside its label when both fit, else on a
     * line of its own, so that it can be copied whole; cut into pieces only on a window narrower than the hash.
     */
    private static List<String> hash(String hex, int columns) {
        var label = LABEL.formatted("SHA-256:");
        int usable = Columns.usable(columns);
        if (label.length() + hex.length() <= usable) return List.of(label + hex);
        var lines = new ArrayList<>(List.of(label.strip()));
        for (int at = 0; at < hex.length(); at += usable) lines.add(hex.substring(at, Math.min(hex.length(), at + usable)));
        return lines;
    }

    /** {@code label} in a column of its own, the value wrapped beside it. */
    private static List<String> labelled(String label, String value, int columns) {
        return wrapped(LABEL.formatted(label), value, columns);
    }

    /**
     * {@code text} made one printable line — findings, problems and log lines come from untrusted code, and an escape
     * sequence must not reach the sysop's terminal — then wrapped after {@code first}, later lines indented alike. On a
     * window too narrow for that, the text goes under {@code first} instead.
     */
    private static List<String> wrapped(String first, String text, int columns) {
        var printable = text.replaceAll("[\\p{Cntrl}\\p{Cf}\\p{Zl}\\p{Zp}]+", " ").strip();
        int usable = Columns.usable(columns);
        var lines = new ArrayList<String>();
        if (usable - first.length() < VALUE_MIN) {
            if (!first.isBlank()) lines.add(first.strip());
            Columns.wrap(printable, usable - 2).forEach(piece -> lines.add("  " + piece));
            return lines;
        }
        var pieces = Columns.wrap(printable, usable - first.length());
        for (int i = 0; i < pieces.size(); i++) lines.add((i == 0 ? first : " ".repeat(first.length())) + pieces.get(i));
        return lines;
    }

    /** "<1ms", "12ms", "1500ms", "12s": a hook's latency in the fewest characters. */
    static String latency(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1) return "<1ms";
        if (millis < 10_000) return millis + "ms";
        return duration.toSeconds() + "s";
    }

    private static String right(String text, int width) {
        return text.length() >= width ? text : " ".repeat(width - text.length()) + text;
    }

    private static String capitalised(String word) {
        return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }

    private static Optional<Integer> number(String text, int max) {
        if (text.length() > 6 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) return Optional.empty();
        int n = Integer.parseInt(text);
        return n >= 1 && n <= max ? Optional.of(n) : Optional.empty();
    }
}

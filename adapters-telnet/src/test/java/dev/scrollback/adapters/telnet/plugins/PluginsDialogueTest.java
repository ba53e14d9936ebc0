package dev.scrollback.adapters.telnet.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.telnet.FakeBbs;
import dev.scrollback.adapters.telnet.MemoryConnection;
import dev.scrollback.adapters.telnet.TelnetServer;
import dev.scrollback.adapters.telnet.TelnetSettings;
import dev.scrollback.adapters.telnet.TestCaller;
import dev.scrollback.adapters.telnet.plugins.FakePlugins.Taken;
import dev.scrollback.adapters.telnet.shared.CallerConsole;
import dev.scrollback.adapters.telnet.shared.ScreenSize;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.plugins.Plugins.Status;
import dev.scrollback.application.shared.Activity;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.plugins.PluginId;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.SessionId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sysop's plugin registry behind the real telnet server, driven by a real telnet client (Commons Net), with the
 * registry's in-ports faked (FakePlugins): who is offered it, the whole lifecycle step by step, and refusals told in one
 * line while the session goes on.
 */
class PluginsDialogueTest {
    static final String PASSWORD = "correct horse battery";
    static final Duration PLENTY = Duration.ofSeconds(60);

    final FakeBbs bbs = new FakeBbs().withAccount("alice", PASSWORD, true).withSysop("root", PASSWORD);
    final FakePlugins plugins = new FakePlugins();
    final List<AutoCloseable> open = new ArrayList<>();
    TelnetServer server;

    int start() {
        server = new TelnetServer(new TelnetSettings("127.0.0.1", 0, 10, Duration.ofMillis(500)),
                bbs.terminals(PLENTY, PLENTY).withPluginAdmin(new PluginsScreen(plugins, plugins, plugins, plugins)));
        server.start();
        return server.port();
    }

    /** A line of the details: the label in its column, then the value. */
    static String field(String label, String value) {
        return "%-15s%s".formatted(label, value);
    }

    TestCaller loggedIn(String handle, int rows) throws Exception {
        var caller = TestCaller.telnet(start(), 100, rows);
        open.add(caller);
        caller.expect("Handle: ");
        caller.type(handle + "\r\n").expect("Password: ");
        caller.type(PASSWORD + "\r\n");
        return caller;
    }

    @AfterEach
    void stop() throws Exception {
        for (var closeable : open) closeable.close();
        if (server != null) server.stop();
    }

    @Test
    void a_member_is_not_offered_the_registry_and_its_hotkey_does_nothing() throws Exception {
        plugins.plugin("accept-all", Status.SCANNED);
        var alice = loggedIn("alice", 30);

        var menu = alice.expect("Your choice: ");
        alice.type("a");
        alice.type("g").expect("Goodbye");

        assertThat(menu).contains("[W] Who's online").doesNotContain("[A]").doesNotContain("plugins");
        assertThat(alice.transcript()).doesNotContain("Plugins (");
        assertThat(plugins.taken).isEmpty();
    }

    @Test
    void a_sysop_approves_publishes_installs_enables_and_disables_a_submitted_plugin() throws Exception {
        var id = plugins.plugin("accept-all", Status.SCANNED, "imports nothing it does not declare (a warning)");
        var root = loggedIn("root", 30);

        assertThat(root.expect("Your choice: ")).contains("[A] Admin: plugins");
        root.type("a");
        var list = root.expect("Plugin number, [Q] Back: ");
        assertThat(list).contains("Plugins (1)").containsPattern("#  Name\\s+Version\\s+Engine\\s+Status\\s+Faults")
                .containsPattern("1  accept-all\\s+1\\.0\\.0\\s+wasm\\s+scanned\\s+0");

        root.type("1\r\n");
        var details = root.expect("[A] Approve  [R] Rescan  [Q] Back: ");
        assertThat(details).contains("accept-all 1.0.0", field("Id:", id.toString()), field("Engine:", "wasm"),
                field("Status:", "scanned"), field("Submitted:", "2025-03-01 19:00 UTC by Amiga"),
                field("SHA-256:", FakePlugins.SHA256.hex()), field("Faults:", "0 recorded"),
                field("Scan:", "passed, findings:"), "  - imports nothing it does not declare (a warning)",
                field("This instance:", "not loaded here"));

        root.type("a");
        assertThat(root.expect("[P] Publish  [Q] Back: ")).contains("Approved: recorded.", field("Status:", "approved"));
        root.type("p");
        assertThat(root.expect("[I] Install  [Q] Back: ")).contains("Published: recorded.", field("Status:", "published"));

        root.type("i");
        assertThat(root.expect("Signature (empty: cancel): ")).as("the hash to be signed, alone on its line")
                .contains("over the package's SHA-256:\r\n" + FakePlugins.SHA256.hex() + "\r\n");
        root.type("not base64 at all!\r\n");
        assertThat(root.expect("[I] Install  [Q] Back: ")).contains("That is not base64").contains("Nothing installed.");
        root.type("i");
        root.expect("Signature (empty: cancel): ");
        root.type(Base64.getEncoder().encodeToString(new byte[64]) + "\r\n");
        assertThat(root.expect("[I] Install  [Q] Back: "))
                .contains("No trusted publisher key verifies this signature over abab");
        root.type("i");
        root.expect("Signature (empty: cancel): ");
        root.type(Base64.getEncoder().encodeToString(FakePlugins.TRUSTED_SIGNATURE) + "\r\n");
        assertThat(root.expect("[E] Enable  [U] Uninstall  [Q] Back: "))
                .contains("Installed: recorded, signed by amiga-labs. It starts disabled.", field("Status:", "installed"));

        root.type("e");
        var enabled = root.expect("[D] Disable  [U] Uninstall  [Q] Back: ");
        assertThat(enabled).contains("Enabled: recorded.", field("Status:", "enabled"), field("This instance:", "running"),
                "12 calls, 1 failed, 0 faulted, 2 skipped; p50 1ms, p99 3ms", "Recent log:", "  filtered a message",
                "  odd  [31mred [0m input");
        assertThat(enabled).as("a plugin's log cannot colour the sysop's terminal").doesNotContain("\u001b[31m");
        root.type("q");
        assertThat(root.expect("Plugin number, [Q] Back: ")).containsPattern("State\\s+Calls\\s+p99")
                .containsPattern("accept-all\\s+1\\.0\\.0\\s+wasm\\s+enabled\\s+0\\s+running\\s+12\\s+3ms");
        root.type("1\r\n");
        root.expect("[D] Disable  [U] Uninstall  [Q] Back: ");
        root.type("d");
        assertThat(root.expect("[E] Enable  [U] Uninstall  [Q] Back: ")).contains("Disabled: recorded.", field("Status:", "disabled"));
        root.type("q");
        root.expect("Plugin number, [Q] Back: ");
        root.type("q\r\n");
        root.expect("Your choice: ");
        root.type("g").expect("Goodbye");

        assertThat(plugins.taken).containsExactly(new Taken("approve", id), new Taken("publish", id),
                new Taken("install", id), new Taken("enable", id), new Taken("disable", id));
    }

    @Test
    void a_refused_step_is_told_in_one_line_and_the_session_goes_on() throws Exception {
        // The list lags: it still shows "scanned" while the plugin's rescan has failed meanwhile.
        var id = plugins.plugin("shady", Status.SCAN_FAILED, "imports env.open_socket, which no permission allows");
        plugins.listedAs(id, Status.SCANNED);
        var root = loggedIn("root", 30);

        root.expect("Your choice: ");
        root.type("a");
        root.expect("Plugin number, [Q] Back: ");
        root.type("1\r\n");
        root.expect("[A] Approve  [R] Rescan  [Q] Back: ");
        root.type("a");
        var refused = root.expect("[A] Approve  [R] Rescan  [Q] Back: ");
        assertThat(refused).contains("The plugin's scan failed, so it cannot be approved: imports env.open_socket, "
                + "which no permission allows\r\n").doesNotContain("Exception");
        root.type("r");
        assertThat(root.expect("[R] Rescan  [Q] Back: ")).contains("Scanned again: failed:",
                "  - imports env.open_socket, which no permission allows", field("Status:", "scan_failed"));
        root.type("q");
        root.expect("Plugin number, [Q] Back: ");
        root.type("7\r\n");
        assertThat(root.expect("Plugin number, [Q] Back: ")).contains("Type a plugin number from 1 to 1, or Q.");
        root.type("\r\n");
        root.expect("Your choice: ");
        root.type("w");
        root.expect("Who's online");
        root.expect("Your choice: ");
        root.type("g").expect("Goodbye");

        assertThat(plugins.status(id)).isEqualTo(Status.SCAN_FAILED);
        assertThat(plugins.taken).containsExactly(new Taken("rescan", id));
    }

    @Test
    void a_step_already_taken_is_nothing_to_do() throws Exception {
        var id = plugins.plugin("accept-all", Status.ENABLED);
        plugins.listedAs(id, Status.INSTALLED);
        var root = loggedIn("root", 30);

        root.expect("Your choice: ");
        root.type("a");
        root.expect("Plugin number, [Q] Back: ");
        root.type("1\r\n");
        root.expect("[E] Enable  [U] Uninstall  [Q] Back: ");
        root.type("e");
        assertThat(root.expect("[E] Enable  [U] Uninstall  [Q] Back: ")).contains("Nothing to do: it was enabled already.");
        root.type("u");
        assertThat(root.expect("[I] Install  [Q] Back: ")).contains("Uninstalled: recorded.", field("Status:", "uninstalled"));

        assertThat(plugins.taken).containsExactly(new Taken("uninstall", id));
    }

    @Test
    void a_registry_longer_than_the_window_is_paged_and_any_number_opens_its_plugin() throws Exception {
        var ids = new ArrayList<PluginId>();
        for (int i = 0; i < 12; i++) ids.add(plugins.plugin("plugin-" + (char) ('a' + i), Status.SUBMITTED));
        var root = loggedIn("root", 8);

        root.expect("Your choice: ");
        root.type("a");
        assertThat(root.expect("[M] More  [Q] Quit: ")).contains("1  plugin-a").doesNotContain("plugin-l");
        root.type("m");
        root.expect("[M] More  [Q] Quit: ");
        root.type("m");
        assertThat(root.expect("Plugin number, [Q] Back: ")).contains("12  plugin-l");
        root.type("12\r\n");
        assertThat(root.expect("[M] More  [Q] Quit: ")).contains("plugin-l 1.0.0", field("Id:", ids.get(11).toString()));
        root.type("m");
        assertThat(root.expect("[R] Rescan  [Q] Back: ")).contains(field("Scan:", "not recorded yet, no findings"));
        root.type("r");
        assertThat(root.expect("[M] More  [Q] Quit: ")).contains("Scanned again: passed, no findings.",
                field("Status:", "scanned"));
        root.type("q");
        root.expect("[A] Approve  [R] Rescan  [Q] Back: ");
    }

    @Test
    void an_empty_registry_says_so_and_the_screen_reports_the_sysop_at_the_sysop_menu() {
        var sysop = new Caller(new AccountId(UUID.randomUUID()), new Handle("root"), new SessionId(UUID.randomUUID()),
                Set.of(Role.MEMBER, Role.SYSOP));
        var connection = new MemoryConnection("");
        var doing = new CopyOnWriteArrayList<Activity>();
        try (var console = CallerConsole.open(connection.input(), connection.output(), () -> new ScreenSize(80, 24),
                connection::close, "plugins-dialogue-test")) {
            console.reportPresence(() -> { }, doing::add);
            new PluginsScreen(plugins, plugins, plugins, plugins).run(console, sysop, connection.origin());
        }
        assertThat(connection.written()).contains("No plugin has been submitted yet.");
        assertThat(doing).containsExactly(new Activity("at the sysop menu"));
    }
}

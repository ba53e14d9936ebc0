package dev.scrollback.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.web.WebServer;
import dev.scrollback.application.shared.ControlledClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What plugins offer, on the web pages in a real headless Chromium, with real plugins installed the way a sysop does:
 * the welcome script's greeting after login, the statistics plugin's item in the main navigation, and the commands of
 * statistics and dice run from the page, with a command's refusal shown in its own words. A script that answers with
 * markup everywhere it can shows as text: what a plugin says is as untrusted as what callers write.
 */
class WebUiPluginsEndToEndTest {
    @TempDir
    static Path built;

    static final String MARKUP_SCRIPT_MANIFEST = """
            name = "marker"
            version = "1.0.0"
            requires = ">=0.1.0"
            description = "Answers with markup wherever it may speak"
            author = "Mallory"
            license = "MIT"
            engine = "js"
            entry = "main.js"
            hooks = ["on_user_login", "render_menu_item", "handle_command"]
            """;
    static final String MARKUP_SCRIPT = """
            function on_user_login(input) { return 'Hi <img src=x id=greeting-img> <b>there</b>'; }
            function render_menu_item(input) { return '<i>Shiny</i> <img src=x id=label-img>'; }
            function handle_command(input) { return '<script>window.ran = true</script><b>' + input + '</b>'; }
            """;

    final ControlledClock clock = ControlledClock.at("2031-07-01T18:00:00Z");

    @TempDir
    Path data;

    @TempDir
    Path packages;

    @BeforeAll
    static void buildTheSamples() throws Exception {
        PluginHooksEndToEndTest.buildSamples(built);
    }

    @Test
    void the_page_greets_the_caller_offers_the_plugins_menu_item_and_runs_their_commands() throws Exception {
        try (var bbs = TestBbs.start(data, clock)) {
            bbs.signUp("Amiga", "amiga@example.test");
            bbs.signUp("Bobby", "bobby@example.test");
            var installer = new PluginHooksEndToEndTest.Installer(bbs, bbs.web().logIn("Amiga", TestBbs.PASSWORD), bbs.sysop());
            installer.enable(built.resolve("dice"));
            installer.enable(built.resolve("statistics"));
            installer.enable(Path.of("..", "plugins", "welcome"));

            try (var browser = Chromium.launch()) {
                logIn(browser, bbs, "Bobby");
                var greeting = browser.until("""
                        document.querySelector('#greetings')?.hidden === false
                          ? document.querySelector('#greeting-lines').textContent : ''""");
                assertThat(greeting).isEqualTo("Welcome to this board, Bobby! This is your first call.\n"
                        + "Boards are under [B], live chat under [C]; [N] shows what is new since you last called.");
                assertThat(browser.evaluate("document.querySelector('#status').textContent").asText())
                        .contains("Logged in as Bobby.", "greets you");

                var item = browser.until("document.querySelector('#nav li.plugin-item a')?.textContent ?? ''");
                assertThat(item).isEqualTo("Board statistics");
                assertThat(browser.evaluate("document.querySelector('#nav li.plugin-item a').getAttribute('href')").asText())
                        .isEqualTo("#/command/statistics");
                assertThat(browser.evaluate("document.querySelector('#commands-link').hidden").asBoolean()).isFalse();

                // the menu item opens its command; it is run with nothing typed, as its plugin expects
                browser.evaluate("document.querySelector('#nav li.plugin-item a').click()");
                browser.until("document.querySelector('#command-form') ? 'form' : ''");
                assertThat(browser.evaluate("document.querySelector('main h1').textContent").asText()).isEqualTo("Board statistics");
                assertThat(browser.evaluate("document.querySelector('main').innerText").asText()).doesNotContain("null");
                assertThat(browser.evaluate("document.querySelector('#command-name').value").asText()).isEqualTo("statistics");
                assertThat(browser.evaluate("[...document.querySelectorAll('#command-name option')].map(o => o.value).join(',')")
                        .asText()).contains("dice", "statistics");
                browser.evaluate("document.querySelector('#run-command').click()");
                assertThat(answer(browser, 1))
                        .contains("statistics, you sent nothing")
                        .contains("Messages posted since the plugin was enabled: 0 on the boards, 0 in chat.");

                // another command, chosen and typed for
                browser.evaluate("""
                        document.querySelector('#command-name').value = 'dice';
                        document.querySelector('#command-input').value = '3d6+2';
                        document.querySelector('#run-command').click();""");
                assertThat(answer(browser, 2)).contains("dice, you sent: 3d6+2").containsPattern(
                        "3d6\\+2: \\[\\d+, \\d+, \\d+\\] \\+2 = \\d+ \\(roll 1\\)");

                // a roll the plugin cannot read: its reason, clearly, and nothing added to the answers
                browser.evaluate("""
                        document.querySelector('#command-input').value = 'lots of dice';
                        document.querySelector('#run-command').click();""");
                assertThat(browser.until("document.querySelector('#command-error')?.textContent ?? ''"))
                        .isEqualTo("dice says: not a roll; usage: NdM or NdM+K, like 3d6+2");
                assertThat(browser.evaluate("document.querySelector('#command-error').getAttribute('role')").asText())
                        .isEqualTo("alert");
                assertThat(browser.evaluate("document.querySelectorAll('#command-output li').length").asInt()).isEqualTo(2);

                // dismissed, the greeting is gone; logging out takes the plugins' items with it
                browser.evaluate("document.querySelector('#greetings-dismiss').click()");
                assertThat(browser.evaluate("document.querySelector('#greetings').hidden").asBoolean()).isTrue();
                browser.evaluate("document.querySelector('#logout').click()");
                browser.until("document.querySelector('#handle') ? 'form' : ''");
                assertThat(browser.evaluate("document.querySelectorAll('#nav li.plugin-item').length").asInt()).isZero();
            }
        }
    }

    @Test
    void what_a_plugin_says_shows_as_text_and_a_stopped_command_says_why_it_cannot_answer() throws Exception {
        var marker = packages.resolve("marker");
        Files.createDirectories(marker);
        Files.writeString(marker.resolve("plugin.toml"), MARKUP_SCRIPT_MANIFEST);
        Files.writeString(marker.resolve("main.js"), MARKUP_SCRIPT);

        try (var bbs = TestBbs.start(data, clock)) {
            bbs.signUp("Amiga", "amiga@example.test");
            var sysop = bbs.sysop();
            var installer = new PluginHooksEndToEndTest.Installer(bbs, bbs.web().logIn("Amiga", TestBbs.PASSWORD), sysop);
            var id = installer.enable(marker);

            try (var browser = Chromium.launch()) {
                logIn(browser, bbs, "Amiga");
                assertThat(browser.until("""
                        document.querySelector('#greetings')?.hidden === false
                          ? document.querySelector('#greeting-lines').textContent : ''"""))
                        .isEqualTo("Hi <img src=x id=greeting-img> <b>there</b>");
                assertThat(browser.until("document.querySelector('#nav li.plugin-item a')?.textContent ?? ''"))
                        .isEqualTo("<i>Shiny</i> <img src=x id=label-img>");

                browser.evaluate("document.querySelector('#nav li.plugin-item a').click()");
                browser.until("document.querySelector('#command-form') ? 'form' : ''");
                assertThat(browser.evaluate("document.querySelector('main h1').textContent").asText())
                        .isEqualTo("<i>Shiny</i> <img src=x id=label-img>");
                browser.evaluate("""
                        document.querySelector('#command-input').value = '<i>typed</i>';
                        document.querySelector('#run-command').click();""");
                assertThat(answer(browser, 1)).contains("<script>window.ran = true</script><b><i>typed</i></b>");
                assertThat(browser.evaluate("document.querySelectorAll('img, b, i, main script').length").asInt()).isZero();
                assertThat(browser.evaluate("window.ran === undefined").asBoolean()).isTrue();

                // the sysop stops it while the page is open: the page says why there is no answer
                assertThat(bbs.web().post("/api/v1/admin/plugins/" + id + "/disable", Map.of(), sysop).status()).isEqualTo(200);
                installer.awaitState(id, "stopped");
                browser.evaluate("document.querySelector('#run-command').click()");
                assertThat(browser.until("document.querySelector('#command-error')?.textContent ?? ''"))
                        .startsWith("Sorry, marker cannot answer now: ").contains("marker");
            }
        }
    }

    private static void logIn(Chromium browser, TestBbs bbs, String handle) throws Exception {
        browser.navigate("http://127.0.0.1:" + bbs.app().getBean(WebServer.class).port() + "/");
        browser.until("document.querySelector('#handle') ? 'form' : ''");
        browser.evaluate("""
                document.querySelector('#handle').value = '%s';
                document.querySelector('#password').value = '%s';
                document.querySelector('#login').click();""".formatted(handle, TestBbs.PASSWORD));
        browser.until("document.querySelector('#nav').hidden === false ? 'in' : ''");
    }

    /** The text of the {@code n}th answer on the commands page, once it is there. */
    private static String answer(Chromium browser, int n) throws Exception {
        return browser.until("document.querySelectorAll('#command-output li')[%d]?.textContent ?? ''".formatted(n - 1));
    }
}

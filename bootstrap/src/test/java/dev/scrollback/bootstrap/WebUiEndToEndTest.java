package dev.scrollback.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.web.WebServer;
import dev.scrollback.application.shared.ControlledClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4, items 4 and 7: the web pages in a real headless Chromium. A member logs in on the page and starts a thread
 * there; another member answers it over telnet; the first member's page shows the answer, lists who is online, and
 * sends the other member private mail. A subject with markup shows as text (what callers write is untrusted), and the
 * page is served under a policy admitting only this server.
 */
class WebUiEndToEndTest {
    @TempDir
    Path data;

    final ControlledClock clock = ControlledClock.at("2031-06-01T09:00:00Z");

    @Test
    void a_member_posts_on_the_page_and_reads_the_reply_another_member_posted_over_telnet() throws Exception {
        try (var bbs = TestBbs.start(data, clock)) {
            var sysop = bbs.sysop();
            assertThat(bbs.web().post("/api/v1/boards", Map.of("conference", "General", "name", "Chat",
                    "description", "Anything goes", "readers", List.of("member"), "posters", List.of("member")), sysop)
                    .status()).isEqualTo(201);
            bbs.signUp("Amiga", "amiga@example.test");
            bbs.signUp("Bbsfan", "bbsfan@example.test");
            var site = "http://127.0.0.1:" + bbs.app().getBean(WebServer.class).port() + "/";

            try (var browser = Chromium.launch()) {
                browser.navigate(site);
                browser.until("document.querySelector('#handle') ? 'form' : ''");
                browser.evaluate("""
                        document.querySelector('#handle').value = 'Amiga';
                        document.querySelector('#password').value = '%s';
                        document.querySelector('#login').click();""".formatted(TestBbs.PASSWORD));
                browser.until("document.querySelector('#boards a')?.textContent ?? ''");
                assertThat(browser.evaluate("document.querySelector('#boards').innerText").asText())
                        .contains("General / Chat", "Anything goes");

                browser.evaluate("document.querySelector('#boards a').click()");
                browser.until("document.querySelector('a[href$=\"/new\"]') ? 'board' : ''");
                browser.evaluate("document.querySelector('a[href$=\"/new\"]').click()");
                browser.until("document.querySelector('#subject') ? 'compose' : ''");
                browser.evaluate("""
                        document.querySelector('#subject').value = 'Hello <b>from</b> the web';
                        document.querySelector('#body').value = 'Is anybody out there?';
                        document.querySelector('#post').click();""");
                browser.until("document.querySelectorAll('#messages article').length === 1 ? 'posted' : ''");
                assertThat(browser.evaluate("document.querySelector('main h1').textContent").asText())
                        .isEqualTo("Hello <b>from</b> the web");
                assertThat(browser.evaluate("document.querySelectorAll('main b').length").asInt()).isZero();

                WalkingSkeletonEndToEndTest.untilTrue(() -> bbs.web().get("/api/v1/boards", sysop).body()
                        .get("boards").get(0).get("messages").asLong() >= 1 ? "ok" : "");
                try (var b = TelnetCaller.connect(bbs.telnetPort())) {
                    b.logIn("Bbsfan", TestBbs.PASSWORD);
                    b.key('B');
                    b.expect("Board number, [N] New-scan, [F] Find, [Q] Back: ");
                    b.line("1");
                    assertThat(b.expect("Thread number, [P] Post, [Q] Back: ")).contains("Hello <b>from</b> the web");
                    b.line("1");
                    assertThat(b.expect("Reader: ")).contains("From: Amiga", "Is anybody out there?");
                    b.key('R');
                    b.expect("Full-screen editor");
                    b.type("Yes, here on telnet!\u001a");                  // Ctrl-Z sends
                    b.expect("Your reply is posted.");
                }

                var reply = browser.until("""
                        (() => {
                          const articles = document.querySelectorAll('#messages article');
                          if (articles.length >= 2) return articles[1].innerText;
                          document.querySelector('#reload')?.click();
                          return '';
                        })()""");
                assertThat(reply).contains("Bbsfan", "Re: Hello <b>from</b> the web", "> Is anybody out there?",
                        "Yes, here on telnet!");

                browser.evaluate("location.hash = '#/who'");
                var online = browser.until("document.querySelector('#online')?.innerText ?? ''");
                assertThat(online).contains("Amiga").contains("web");

                browser.evaluate("location.hash = '#/mail/new'");
                browser.until("document.querySelector('#mail-to') ? 'compose' : ''");
                browser.evaluate("""
                        document.querySelector('#mail-to').value = 'Bbsfan';
                        document.querySelector('#mail-subject').value = 'Thanks';
                        document.querySelector('#mail-text').value = 'Nice to meet you on telnet.';
                        document.querySelector('#send-mail').click();""");
                browser.until("""
                        (() => {
                          const sent = document.querySelector('#mail');
                          if (location.hash === '#/mail/sent' && sent && sent.innerText.includes('Thanks')) return 'sent';
                          if (location.hash === '#/mail/sent') window.dispatchEvent(new HashChangeEvent('hashchange'));
                          return '';
                        })()""");
                assertThat(browser.evaluate("document.querySelector('main').innerText").asText())
                        .as("a part a view leaves out is not printed").doesNotContain("null");
            }
            var bbsfan = bbs.web().logIn("Bbsfan", TestBbs.PASSWORD);
            var inbox = WalkingSkeletonEndToEndTest.untilTrue(() -> {
                var messages = bbs.web().get("/api/v1/mail/inbox", bbsfan).body().get("messages");
                return messages.isEmpty() ? "" : messages.get(0).toString();
            });
            assertThat(inbox).contains("\"from\":\"Amiga\"", "\"subject\":\"Thanks\"");
        }
    }

    @Test
    void a_member_chats_on_the_page_with_a_telnet_caller_and_a_page_breaks_into_the_browser() throws Exception {
        try (var bbs = TestBbs.start(data, clock)) {
            var sysop = bbs.sysop();
            assertThat(bbs.web().post("/api/v1/chat/rooms", Map.of("name", "Lobby", "kind", "public"), sysop).status())
                    .isEqualTo(201);
            bbs.signUp("Amiga", "amiga@example.test");
            bbs.signUp("Bbsfan", "bbsfan@example.test");
            var site = "http://127.0.0.1:" + bbs.app().getBean(WebServer.class).port() + "/";

            try (var browser = Chromium.launch(); var b = TelnetCaller.connect(bbs.telnetPort())) {
                browser.navigate(site + "#/chat");
                browser.until("document.querySelector('#handle') ? 'form' : ''");
                browser.evaluate("""
                        document.querySelector('#handle').value = 'Amiga';
                        document.querySelector('#password').value = '%s';
                        document.querySelector('#login').click();""".formatted(TestBbs.PASSWORD));
                browser.until("document.querySelector('#rooms a')?.textContent ?? ''");
                browser.evaluate("document.querySelector('#rooms a').click()");
                browser.until("document.querySelector('#chat-text') ? 'room' : ''");

                b.logIn("Bbsfan", TestBbs.PASSWORD);
                b.key('C');
                b.expect("[Q] Back: ");
                b.line("1");
                b.expect("You: ");
                b.line("hello from telnet");
                assertThat(browser.until("""
                        [...document.querySelectorAll('#chat-lines li')].map(li => li.textContent)
                          .find(t => t.includes('hello from telnet')) ?? ''""")).contains("<Bbsfan> hello from telnet");

                browser.evaluate("""
                        document.querySelector('#chat-text').value = 'hi back from the web';
                        document.querySelector('#chat-say').click();""");
                b.expect("<Amiga> hi back from the web");

                b.line("/page Amiga are you there?");
                b.expect("Paged Amiga.");
                assertThat(browser.until("document.querySelector('#notices')?.innerText ?? ''"))
                        .contains("Page from Bbsfan: are you there?");
                b.line("/quit");
                b.expect("You left Lobby.");
            }
        }
    }

    @Test
    void the_web_terminal_in_the_browser_logs_in_and_shows_the_main_menu() throws Exception {
        try (var bbs = TestBbs.start(data, clock); var browser = Chromium.launch()) {
            browser.navigate("http://127.0.0.1:" + bbs.app().getBean(WebServer.class).port() + "/terminal");
            var screen = "document.querySelector('.xterm-accessibility-tree')?.innerText ?? ''";
            browser.until("(%s).includes('Handle:') ? 'prompt' : ''".formatted(screen));
            browser.evaluate("document.querySelector('.xterm-helper-textarea').focus()");
            browser.type(TestBbs.SYSOP);
            browser.pressEnter();
            browser.until("(%s).includes('Password:') ? 'prompt' : ''".formatted(screen));
            browser.type(TestBbs.SYSOP_PASSWORD);
            browser.pressEnter();
            var menu = browser.until("(() => { const s = %s; return s.includes('Your choice:') ? s : ''; })()".formatted(screen));
            assertThat(menu).contains("Welcome, " + TestBbs.SYSOP + "!", "[G]");
            assertThat(menu).doesNotContain(TestBbs.SYSOP_PASSWORD);
        }
    }

    @Test
    void the_page_is_served_under_a_policy_admitting_only_this_server_and_the_api_and_terminal_still_answer() throws Exception {
        try (var bbs = TestBbs.start(data, clock); var client = HttpClient.newHttpClient()) {
            var base = "http://127.0.0.1:" + bbs.app().getBean(WebServer.class).port();
            var page = client.send(HttpRequest.newBuilder(URI.create(base + "/")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("/ui/app.js", "/ui/app.css", "<main");
            assertThat(page.headers().allValues("Content-Security-Policy")).singleElement().satisfies(csp -> assertThat(csp)
                    .contains("default-src 'none'", "script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline", "unsafe-eval"));
            assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            for (var path : List.of("/ui/app.js", "/ui/app.css", "/terminal", "/health/live")) {
                assertThat(client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode()).as(path).isEqualTo(200);
            }
            assertThat(client.send(HttpRequest.newBuilder(URI.create(base + "/ui/index.html")).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(404);
            assertThat(client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/boards")).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(401);
        }
    }
}

package dev.scrollback.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrollback.adapters.telnet.TelnetServer;
import dev.scrollback.adapters.web.WebServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4, items 1, 3, 6 and 7: a sysop opens a board over REST; one member starts a thread on telnet, another replies
 * on telnet quoting it, the first finds the reply with new-scan on telnet and reads the very same thread over REST —
 * one record, whichever channel wrote it. Real application, real telnet client.
 */
class BoardsTelnetEndToEndTest {
    static final String PASSWORD = "boards are where the people are";

    @TempDir
    Path data;

    static final String FULL_SCREEN_KEYS = "^Z save  ^X abort  ^Y delete line  ^T line editor  ^L redraw";

    @Test
    void a_thread_started_and_answered_on_telnet_is_found_by_new_scan_and_is_the_same_record_over_rest() throws Exception {
        try (var app = WalkingSkeletonEndToEndTest.start(data)) {
            var web = new Http(app.getBean(WebServer.class).port());
            int telnetPort = app.getBean(TelnetServer.class).port();
            var sysop = web.logIn(WalkingSkeletonEndToEndTest.SYSOP, WalkingSkeletonEndToEndTest.SYSOP_PASSWORD);
            var created = web.post("/api/v1/boards", Map.of("conference", "General", "name", "Chat",
                    "description", "Anything goes", "readers", List.of("member"), "posters", List.of("member")), sysop);
            assertThat(created.status()).isEqualTo(201);
            var board = created.body().get("id").asText();
            var amiga = member(web, "Amiga");
            member(web, "Bbsfan");

            try (var a = logIn(telnetPort, "Amiga")) {
                a.key('B');
                assertThat(a.expect("Board number, [N] New-scan, [F] Find, [Q] Back: ")).contains("General", "Chat");
                a.line("1");
                a.expect("[P] Post, [Q] Back: ");
                a.line("P");
                a.expect("Subject (empty: cancel): ");
                a.line("Hello from telnet");
                assertThat(a.expect(FULL_SCREEN_KEYS)).contains("Full-screen editor   line 1 of 1, column 1");
                a.type("Is anybody out there?" + "\u001b[D".repeat(6) + "\u001b[3~" + "T");   // arrows, Delete: "there" becomes "There"
                a.type("\u001b[Dt\u001b[3~\u001a");                    // ... and back again; Ctrl-Z sends
                a.expect("Your thread is posted.");
                a.expect("[Q] Back: ");
                a.line("Q");
                a.expect("[Q] Back: ");
                a.line("Q");
                a.expect("Your choice: ");
            }
            awaitMessages(web, sysop, 1);

            try (var b = logIn(telnetPort, "Bbsfan")) {
                b.key('B');
                b.expect("Board number, [N] New-scan, [F] Find, [Q] Back: ");
                b.line("1");
                assertThat(b.expect("Thread number, [P] Post, [Q] Back: ")).contains("Hello from telnet", "Amiga");
                b.line("1");
                assertThat(b.expect("Reader: ")).contains("Subject: Hello from telnet", "From: Amiga", "Msg 1/1",
                        "Is anybody out there?", "[R] Reply");
                b.key('R');
                assertThat(b.expect("line 2 of 2, column 1")).contains("> Is anybody out there?");
                b.type("Yes, here on telnet!\u001a");
                b.expect("Your reply is posted.");
                b.expect("Reader: ");
                b.key('Q');
                b.expect("[Q] Back: ");
                b.line("Q");
                b.expect("[Q] Back: ");
                b.line("Q");
                b.expect("Your choice: ");
            }
            awaitMessages(web, sysop, 2);

            try (var a = logIn(telnetPort, "Amiga")) {
                a.key('N');                        // her own thread is no news to her: only the reply is
                assertThat(a.expect("Reader: ")).contains("General / Chat", "Subject: Re: Hello from telnet", "From: Bbsfan",
                        "Msg 1/1", "> Is anybody out there?", "Yes, here on telnet!", "[S] Skip board");
                a.key('N');
                a.expect("That is everything new (1 read).");
                a.expect("Your choice: ");
                a.key('N');
                a.expect("Nothing new since you last read.");
                a.expect("Your choice: ");
            }

            var threads = web.get("/api/v1/boards/" + board + "/threads", amiga);
            assertThat(threads.status()).isEqualTo(200);
            var threadId = threads.body().get("threads").get(0).get("id").asText();
            var thread = web.get("/api/v1/threads/" + threadId, amiga);
            assertThat(thread.status()).isEqualTo(200);
            var messages = thread.body().get("messages");
            assertThat(messages).hasSize(2);
            assertThat(messages.get(0).get("author").asText()).isEqualTo("Amiga");
            assertThat(messages.get(0).get("body").asText()).isEqualTo("Is anybody out there?");
            assertThat(messages.get(1).get("author").asText()).isEqualTo("Bbsfan");
            assertThat(messages.get(1).get("subject").asText()).isEqualTo("Re: Hello from telnet");
            assertThat(messages.get(1).get("body").asText()).isEqualTo("> Is anybody out there?\nYes, here on telnet!");
            assertThat(messages.get(1).get("inReplyTo").asText()).isEqualTo(messages.get(0).get("id").asText());
            WalkingSkeletonEndToEndTest.untilTrue(() -> unread(web, amiga) == 0 ? "read" : "");
        }
    }

    @Test
    void a_ten_thousand_character_line_and_control_bytes_in_the_editor_do_not_break_the_session() throws Exception {
        try (var app = WalkingSkeletonEndToEndTest.start(data)) {
            var web = new Http(app.getBean(WebServer.class).port());
            var sysop = web.logIn(WalkingSkeletonEndToEndTest.SYSOP, WalkingSkeletonEndToEndTest.SYSOP_PASSWORD);
            assertThat(web.post("/api/v1/boards", Map.of("conference", "General", "name", "Chat",
                    "readers", List.of("member"), "posters", List.of("member")), sysop).status()).isEqualTo(201);
            member(web, "Hostile");

            try (var h = logIn(app.getBean(TelnetServer.class).port(), "Hostile")) {
                h.key('B');
                h.expect("Board number, [N] New-scan, [F] Find, [Q] Back: ");
                h.line("1");
                h.expect("[P] Post, [Q] Back: ");
                h.line("P");
                h.expect("Subject (empty: cancel): ");
                h.line("Stress");
                h.expect(FULL_SCREEN_KEYS);
                h.type("\u0014");                                          // Ctrl-T: the line editor, for long lines
                h.expect("  1: ");
                h.line("z".repeat(10_000));
                h.expect("That is too long: at most 256 characters, please.");
                h.line("o\u0001k\u0007\u001b[2J\u007fk");           // ^A, bell, clear-screen, DEL: "ok" is left
                h.expect("  2: ");
                h.line("/s");
                h.expect("Your thread is posted.");
                h.expect("[Q] Back: ");
                h.line("Q");
                h.expect("[Q] Back: ");
                h.line("Q");
                h.expect("Your choice: ");
                h.key('G');
                h.expect("Goodbye, Hostile.");
            }
            awaitMessages(web, sysop, 1);
            var board = web.get("/api/v1/boards", sysop).body().get("boards").get(0).get("id").asText();
            var threadId = web.get("/api/v1/boards/" + board + "/threads", sysop).body().get("threads").get(0).get("id").asText();
            var body = web.get("/api/v1/threads/" + threadId, sysop).body().get("messages").get(0).get("body").asText();
            assertThat(body).isEqualTo("ok").doesNotContain("z");
        }
    }

    /** Registers and verifies a member over REST; returns their token. */
    private String member(Http web, String handle) throws Exception {
        var email = handle.toLowerCase() + "@example.test";
        assertThat(web.post("/api/v1/accounts", Map.of("handle", handle, "email", email, "password", PASSWORD)).status())
                .isEqualTo(201);
        assertThat(web.post("/api/v1/accounts/verify", Map.of("handle", handle, "code", Outbox.codeFor(data, email))).status())
                .isEqualTo(200);
        return web.logIn(handle, PASSWORD);
    }

    private static TelnetCaller logIn(int port, String handle) throws Exception {
        var caller = TelnetCaller.connect(port);
        caller.expect("Handle: ");
        caller.line(handle);
        caller.expect("Password: ");
        caller.line(PASSWORD);
        caller.expect("Welcome, " + handle + "!");
        assertThat(caller.expect("Your choice: ")).contains("[B] Boards", "[N] New-scan");
        return caller;
    }

    /** The boards projection is eventually consistent: wait until the first board lists {@code count} messages. */
    private static void awaitMessages(Http web, String token, long count) throws Exception {
        WalkingSkeletonEndToEndTest.untilTrue(() -> {
            var boards = web.get("/api/v1/boards", token).body().get("boards");
            return boards.get(0).get("messages").asLong() >= count ? "ok" : "";
        });
    }

    private static int unread(Http web, String token) throws Exception {
        JsonNode boards = web.get("/api/v1/boards", token).body().get("boards");
        return boards.get(0).get("unread").asInt();
    }
}

package dev.scrollback.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.application.shared.ControlledClock;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5 items 1, 2 and 5: a telnet caller and a web caller (REST to act, {@code /ws} to listen) in one room. Lines,
 * actions and joins reach the other channel as they are recorded; a page from the web breaks into the telnet
 * caller's chat, and a page from telnet arrives on the web caller's socket.
 */
class ChatAcrossChannelsEndToEndTest {
    @TempDir
    Path data;

    final ControlledClock clock = ControlledClock.at("2031-06-01T09:00:00Z");

    @Test
    void a_telnet_caller_and_a_web_caller_talk_in_one_room_and_page_each_other() throws Exception {
        try (var bbs = TestBbs.start(data, clock)) {
            var sysop = bbs.sysop();
            var created = bbs.web().post("/api/v1/chat/rooms", Map.of("name", "Lobby", "kind", "public",
                    "topic", "Say hello"), sysop);
            assertThat(created.status()).isEqualTo(201);
            var room = created.body().get("id").asText();
            bbs.signUp("Amiga", "amiga@example.test");
            bbs.signUp("Webby", "webby@example.test");
            var webby = bbs.web().logIn("Webby", TestBbs.PASSWORD);
            var socket = LiveEventsEndToEndTest.Client.connect(bbs, "?access_token=" + webby, null, null);
            socket.until(frame -> frame.path("type").asText().equals("CaughtUp"));
            assertThat(bbs.web().post("/api/v1/chat/rooms/" + room + "/join", Map.of(), webby).status()).isEqualTo(200);
            assertThat(bbs.web().post("/api/v1/chat/rooms/" + room + "/messages", Map.of("text", "Anyone on telnet?"),
                    webby).status()).isEqualTo(201);

            try (var amiga = TelnetCaller.connect(bbs.telnetPort())) {
                amiga.expect("Handle: ");
                amiga.line("Amiga");
                amiga.expect("Password: ");
                amiga.line(TestBbs.PASSWORD);
                assertThat(amiga.expect("Your choice: ")).contains("[C] Chat", "[P] Page someone");
                amiga.key('C');
                assertThat(amiga.expect("Room number, [N] New room, [P] Page someone, [Q] Back: ")).contains("Lobby");
                amiga.line("1");
                assertThat(amiga.expect("You: ")).contains("Chat: Lobby", "Topic: Say hello", "<Webby> Anyone on telnet?");

                var joined = socket.until(frame -> frame.path("type").asText().equals("ChatJoined")
                        && frame.at("/data/handle").asText().equals("Amiga"));
                assertThat(joined.path("position").asLong()).isPositive();
                amiga.line("Yes, here!");
                var said = socket.until(frame -> frame.path("type").asText().equals("ChatMessageSent")
                        && frame.at("/data/handle").asText().equals("Amiga"));
                assertThat(said.at("/data/text").toString()).contains("Yes, here!");
                amiga.expect("<Amiga> Yes, here!");

                assertThat(bbs.web().post("/api/v1/chat/rooms/" + room + "/messages", Map.of("text", "/me waves"), webby)
                        .status()).isEqualTo(201);
                amiga.expect("* Webby waves");
                amiga.type("typing half a li");
                assertThat(bbs.web().post("/api/v1/pages", Map.of("to", "Amiga", "text", "Lunch at noon?"), webby)
                        .status()).isEqualTo(201);
                amiga.expect("*** Page from Webby: Lunch at noon? ***\r\nYou: typing half a li");
                amiga.line("ne");
                amiga.expect("<Amiga> typing half a line");

                amiga.line("/page Webby Sure, see you");
                amiga.expect("Paged Webby.");
                var page = socket.until(frame -> frame.path("type").asText().equals("PageSent")
                        && frame.at("/data/fromHandle").asText().equals("Amiga"));
                assertThat(page.at("/data/text").toString()).contains("Sure, see you");
                amiga.line("/quit");
                amiga.expect("You left Lobby.");
                socket.until(frame -> frame.path("type").asText().equals("ChatLeft")
                        && frame.at("/data/handle").asText().equals("Amiga"));
                amiga.expect("[Q] Back: ");
                amiga.line("Q");
                amiga.expect("Your choice: ");
                amiga.key('G');
            }
            socket.close();
        }
    }
}

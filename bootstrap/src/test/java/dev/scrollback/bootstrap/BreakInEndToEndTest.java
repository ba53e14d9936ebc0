package dev.scrollback.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.application.shared.ControlledClock;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5 item 1: notices break into a telnet session wherever the caller is — here new private mail sent from the
 * web reaches a caller sitting at the main menu and one typing at a prompt, and neither loses their place.
 */
class BreakInEndToEndTest {
    @TempDir
    Path data;

    final ControlledClock clock = ControlledClock.at("2031-06-01T09:00:00Z");

    @Test
    void mail_sent_on_the_web_breaks_into_a_telnet_session_at_a_menu_and_at_a_prompt() throws Exception {
        try (var bbs = TestBbs.start(data, clock)) {
            bbs.signUp("Amiga", "amiga@example.test");
            bbs.signUp("Bbsfan", "bbsfan@example.test");
            var bbsfan = bbs.web().logIn("Bbsfan", TestBbs.PASSWORD);

            try (var amiga = TelnetCaller.connect(bbs.telnetPort())) {
                amiga.expect("Handle: ");
                amiga.line("Amiga");
                amiga.expect("Password: ");
                amiga.line(TestBbs.PASSWORD);
                amiga.expect("Your choice: ");

                assertThat(bbs.web().post("/api/v1/mail", Map.of("to", "Amiga", "subject", "Lunch?", "body", "Noon?"),
                        bbsfan).status()).isEqualTo(201);
                amiga.expect("*** New mail from Bbsfan: Lunch? (M in the main menu) ***\r\nYour choice: ");

                amiga.key('M');
                amiga.expect("Your choice: ");
                amiga.key('W');
                amiga.expect("To (a handle; Enter cancels): ");
                amiga.type("Bbs");
                assertThat(bbs.web().post("/api/v1/mail", Map.of("to", "Amiga", "subject", "Also", "body", "Bring a modem"),
                        bbsfan).status()).isEqualTo(201);
                amiga.expect("*** New mail from Bbsfan: Also (M in the main menu) ***\r\nTo (a handle; Enter cancels): Bbs");
                amiga.line("fan");
                amiga.expect("Subject: ");
            }
        }
    }
}

package dev.scrollback.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.application.shared.ControlledClock;
import dev.scrollback.application.sessions.SessionStreams;
import dev.scrollback.application.shared.Actor;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.EventMetadata;
import dev.scrollback.application.shared.ExpectedVersion;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.StreamAppend;
import dev.scrollback.domain.sessions.EndReason;
import dev.scrollback.domain.sessions.SessionEvent.SessionEnded;
import dev.scrollback.domain.shared.SessionId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
    void a_session_ended_in_the_log_by_another_instance_is_told_and_hung_up_here() throws Exception {
        try (var bbs = TestBbs.start(data, clock)) {
            var sysop = bbs.sysop();
            bbs.signUp("Amiga", "amiga@example.test");
            try (var amiga = TelnetCaller.connect(bbs.telnetPort())) {
                amiga.logIn("Amiga", TestBbs.PASSWORD);
                var session = WalkingSkeletonEndToEndTest.untilTrue(() -> WalkingSkeletonEndToEndTest.readFeed(bbs.web(), sysop)
                        .stream().filter(e -> e.path("type").asText().equals("SessionStarted")
                                && e.at("/data/handle").asText().equals("Amiga"))
                        .map(e -> e.at("/data/session").asText()).findFirst().orElse(""));
                // as another instance would: straight into the shared log, without this instance's use case
                var id = new SessionId(java.util.UUID.fromString(session));
                bbs.app().getBean(EventLog.class).append(new StreamAppend(SessionStreams.session(id), ExpectedVersion.any(),
                        List.of(new SessionEnded(id, EndReason.KICKED, Duration.ofMinutes(1), clock.instant()))),
                        EventMetadata.of(Actor.system(), Origin.system(), clock.instant()));
                amiga.expect("A sysop ended your session - goodbye.");
                assertThat(amiga.hungUp()).isTrue();
            }
        }
    }

    @Test
    void mail_sent_on_the_web_breaks_into_a_telnet_session_at_a_menu_and_at_a_prompt() throws Exception {
        try (var bbs = TestBbs.start(data, clock)) {
            bbs.signUp("Amiga", "amiga@example.test");
            bbs.signUp("Bbsfan", "bbsfan@example.test");
            var bbsfan = bbs.web().logIn("Bbsfan", TestBbs.PASSWORD);

            try (var amiga = TelnetCaller.connect(bbs.telnetPort())) {
                amiga.logIn("Amiga", TestBbs.PASSWORD);

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

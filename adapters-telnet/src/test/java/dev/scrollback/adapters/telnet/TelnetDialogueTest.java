package dev.scrollback.adapters.telnet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.application.accounts.LogInCaller;
import dev.scrollback.application.accounts.RegisterCaller;
import dev.scrollback.application.accounts.ResendVerification;
import dev.scrollback.application.accounts.VerifyEmail;
import dev.scrollback.domain.sessions.EndReason;
import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.RemoteAddress;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The session engine behind the real telnet server, driven over sockets by a real telnet client. */
class TelnetDialogueTest {
    static final String PASSWORD = "correct horse battery";
    static final Duration PLENTY = Duration.ofSeconds(60);

    final FakeBbs bbs = new FakeBbs().withAccount("alice", PASSWORD, true);
    final List<AutoCloseable> open = new ArrayList<>();
    TelnetServer server;

    int start(Duration loginTimeout, Duration idleTimeout) {
        server = new TelnetServer(new TelnetSettings("127.0.0.1", 0, 10, Duration.ofMillis(500)),
                bbs.terminals(loginTimeout, idleTimeout));
        server.start();
        return server.port();
    }

    int start() {
        return start(PLENTY, PLENTY);
    }

    TestCaller telnet(int port) throws Exception {
        var caller = TestCaller.telnet(port);
        open.add(caller);
        return caller;
    }

    TestCaller raw(int port) throws Exception {
        var caller = TestCaller.raw(port);
        open.add(caller);
        return caller;
    }

    TestCaller loggedIn(TestCaller caller, String handle) throws Exception {
        caller.expect("Handle: ");
        caller.type(handle + "\r\n").expect("Password: ");
        caller.type(PASSWORD + "\r\n").expect("Your choice: ");
        return caller;
    }

    @AfterEach
    void stop() throws Exception {
        for (var closeable : open) closeable.close();
        if (server != null) server.stop();
    }

    @Test
    void a_caller_is_greeted_with_the_banner_and_asked_for_a_handle() throws Exception {
        var caller = telnet(start());
        caller.expect("Test BBS");
        assertThat(caller.expect("Handle: ")).contains("Enter your handle to log in, or NEW to sign up.\r\n");
    }

    @Test
    void a_new_caller_signs_up_enters_the_mailed_code_and_lands_in_the_main_menu() throws Exception {
        var caller = telnet(start());
        caller.expect("Handle: ");
        caller.type("NEW\r\n").expect("New handle: ");
        caller.type("carol\r\n").expect("Email address: ");
        caller.type("carol@example.org\r\n").expect("Password: ");
        caller.type("a long quiet passphrase\r\n").expect("Password again: ");
        caller.type("a long quiet passphrase\r\n");
        caller.expect("We mailed a 6-digit code to carol@example.org.");
        caller.expect("6-digit code from the mail (R sends a new one): ");
        caller.type(FakeBbs.FIRST_CODE + "\r\n");
        var menu = caller.expect("Your choice: ");
        assertThat(menu).contains("Welcome, carol!", "[W] Who's online", "[G] Goodbye");
        assertThat(caller.transcript()).doesNotContain("passphrase").contains("*".repeat("a long quiet passphrase".length()));

        var registered = bbs.only(RegisterCaller.Command.class);
        assertThat(registered.handle().value()).isEqualTo("carol");
        assertThat(registered.email().value()).isEqualTo("carol@example.org");
        assertThat(registered.origin().channel()).isEqualTo(Channel.TELNET);
        assertThat(registered.origin().address()).contains(new RemoteAddress("127.0.0.1"));
        assertThat(registered.origin().session()).isPresent();
        assertThat(bbs.only(VerifyEmail.Command.class).code()).isEqualTo(FakeBbs.FIRST_CODE);
        var login = bbs.calls(LogInCaller.Command.class).getLast();
        assertThat(login.origin()).isEqualTo(registered.origin());
        assertThat(login.terminal()).hasValueSatisfying(terminal -> {
            assertThat(terminal.type()).isEqualTo("xterm");
            assertThat(terminal.width()).isEqualTo(100);
            assertThat(terminal.height()).isEqualTo(30);
        });
    }

    @Test
    void sign_up_refuses_a_taken_handle_a_weak_password_and_a_mistyped_repeat_one_line_each() throws Exception {
        var caller = telnet(start());
        caller.expect("Handle: ");
        caller.type("new\r\n").expect("New handle: ");
        caller.type("sysop\r\n").expect("That handle is reserved.");
        caller.expect("New handle: ");
        caller.type("alice\r\n").expect("Email address: ");
        caller.type("not an email\r\n").expect("Email is not an email address");
        caller.type("alice@example.org\r\n").expect("Password: ");
        caller.type("short\r\n").expect("Your password must be at least 12 characters.");
        caller.type("a long enough one\r\n").expect("Password again: ");
        caller.type("a different one!!\r\n").expect("The two passwords differ.");
        caller.type("a long enough one\r\n").expect("Password again: ");
        caller.type("a long enough one\r\n").expect("That handle is taken.");
        caller.expect("New handle: ");
        caller.type("alicia\r\n").expect("6-digit code");
        assertThat(bbs.calls(RegisterCaller.Command.class)).extracting(c -> c.handle().value())
                .containsExactly("alice", "alicia");
    }

    @Test
    void a_wrong_password_is_refused_without_saying_which_part_was_wrong() throws Exception {
        var caller = telnet(start());
        caller.expect("Handle: ");
        caller.type("alice\r\n").expect("Password: ");
        caller.type("not the password\r\n");
        assertThat(caller.expect("Handle: ")).contains("Wrong handle or password.");
        caller.type("nobody\r\n").expect("Password: ");
        caller.type(PASSWORD + "\r\n").expect("Wrong handle or password.");
    }

    @Test
    void a_caller_who_hung_up_before_the_code_is_asked_for_it_at_login_and_may_ask_for_a_fresh_one() throws Exception {
        bbs.withAccount("dave", PASSWORD, false);
        var caller = telnet(start());
        caller.expect("Handle: ");
        caller.type("dave\r\n").expect("Password: ");
        caller.type(PASSWORD + "\r\n").expect("Your email address is not verified yet.");
        caller.expect("(R sends a new one): ");
        caller.type("R\r\n").expect("A new code is on its way");
        caller.type(FakeBbs.FIRST_CODE + "\r\n").expect("That code is not right.");
        caller.type(FakeBbs.FRESH_CODE + "\r\n").expect("Your choice: ");
        assertThat(bbs.only(ResendVerification.Command.class).handle().value()).isEqualTo("dave");
        assertThat(bbs.calls(LogInCaller.Command.class)).hasSize(2)
                .allSatisfy(login -> assertThat(login.password().value()).isEqualTo(PASSWORD));
    }

    @Test
    void whos_online_shows_everyone_with_their_channel() throws Exception {
        bbs.withSomeoneOnline("bob", Channel.WEB, Duration.ofMinutes(75));
        var caller = loggedIn(telnet(start()), "alice");
        caller.type("w");
        var screen = caller.expect("Your choice: ");
        assertThat(screen).contains("Who's online (2)", "Handle", "Via", "On for");
        assertThat(screen.lines().filter(line -> line.startsWith("bob"))).singleElement().satisfies(line ->
                assertThat(line).contains("web").contains("1h15m"));
        assertThat(screen.lines().filter(line -> line.startsWith("alice"))).singleElement().satisfies(line ->
                assertThat(line).contains("telnet").contains("<1m"));
    }

    @Test
    void goodbye_logs_the_caller_out_and_hangs_up() throws Exception {
        var caller = loggedIn(telnet(start()), "alice");
        caller.type("G");
        caller.expect("Goodbye, alice.");
        caller.awaitClosed();
        assertThat(bbs.loggedOut).singleElement().satisfies(out -> {
            assertThat(out.caller().handle().value()).isEqualTo("alice");
            assertThat(out.origin().session()).contains(out.caller().session());
        });
        assertThat(bbs.ended).isEmpty();
    }

    @Test
    void a_caller_who_never_logs_in_is_told_and_disconnected() throws Exception {
        var caller = telnet(start(Duration.ofMillis(300), PLENTY));
        caller.expect("Handle: ");
        caller.expect("Login timed out - goodbye.");
        caller.awaitClosed();
        assertThat(bbs.ended).isEmpty();                     // nobody logged in, so no session was started
    }

    @Test
    void an_idle_caller_is_told_and_disconnected_and_the_session_ends_as_idle() throws Exception {
        var caller = loggedIn(telnet(start(PLENTY, Duration.ofMillis(300))), "alice");
        caller.expect("Idle too long - goodbye.");
        caller.awaitClosed();
        var ended = bbs.awaitEnded(e -> true);
        assertThat(ended.reason()).isEqualTo(EndReason.IDLE);
        assertThat(ended.session()).isEqualTo(bbs.calls(LogInCaller.Command.class).getLast().origin().session().orElseThrow());
    }

    @Test
    void an_over_long_line_is_refused_with_a_notice_and_not_kept() throws Exception {
        var caller = telnet(start());
        caller.expect("Handle: ");
        caller.type("x".repeat(300) + "\r\n");
        assertThat(caller.expect("Handle: ")).contains("That is too long: at most 256 characters, please.")
                .doesNotContain("x".repeat(257));
        caller.type("alice\r\n").expect("Password: ");
    }

    @Test
    void hanging_up_after_login_ends_the_session_as_dropped() throws Exception {
        var caller = loggedIn(telnet(start()), "alice");
        caller.close();
        assertThat(bbs.awaitEnded(e -> true).reason()).isEqualTo(EndReason.DROPPED);
    }

    @Test
    void an_oversized_subnegotiation_ends_only_that_session() throws Exception {
        int port = start();
        bbs.withAccount("bob", PASSWORD, true);
        var alice = loggedIn(telnet(port), "alice");
        var bob = loggedIn(raw(port), "bob");

        var flood = new ByteArrayOutputStream();
        flood.writeBytes(new byte[] {(byte) 255, (byte) 250, 24});
        flood.writeBytes(new byte[600]);
        bob.send(flood.toByteArray());
        bob.expect("Protocol error - goodbye.");
        bob.awaitClosed();
        var ended = bbs.awaitEnded(e -> e.reason() == EndReason.PROTOCOL_ERROR);
        assertThat(bbs.online).noneMatch(o -> o.session().equals(ended.session()));

        alice.type("w");
        assertThat(alice.expect("Your choice: ")).contains("Who's online (1)");
        assertThat(bbs.ended).hasSize(1);
    }

    @Test
    void garbage_bytes_end_at_most_the_session_that_sent_them() throws Exception {
        int port = start();
        var alice = loggedIn(telnet(port), "alice");
        var random = new Random(2323);
        for (int round = 0; round < 5; round++) {
            try (var vandal = TestCaller.raw(port)) {
                var garbage = new byte[5000];
                random.nextBytes(garbage);
                vandal.send(garbage);
            } catch (java.net.SocketException serverHungUpFirst) {
                // fine: the server may end the session before all of it is sent
            }
        }
        alice.type("w");
        assertThat(alice.expect("Your choice: ")).contains("Who's online (1)");
        assertThat(server.isListening()).isTrue();
        telnet(port).expect("Handle: ");
    }

    @Test
    void a_client_that_ends_lines_with_cr_nul_logs_in_like_any_other() throws Exception {
        var caller = raw(start());
        caller.expect("Handle: ");
        caller.send("alice\r\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).expect("Password: ");
        caller.send((PASSWORD + "\r\0").getBytes(java.nio.charset.StandardCharsets.US_ASCII)).expect("Welcome, alice!");
        caller.expect("Your choice: ");
        var login = bbs.only(LogInCaller.Command.class);
        assertThat(login.handle().value()).isEqualTo("alice");
        assertThat(login.terminal()).hasValueSatisfying(t -> assertThat(t.type()).isEqualTo("unknown"));
    }

    @Test
    void a_line_mode_client_can_answer_a_menu_with_key_and_enter() throws Exception {
        var caller = loggedIn(raw(start()), "alice");
        caller.type("w\r\n");
        caller.expect("Who's online (1)");
        caller.expect("Your choice: ");
        caller.type("g\r\n").expect("Goodbye, alice.");
        caller.awaitClosed();
    }
}

package dev.scrollback.adapters.mail.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.scrollback.application.accounts.Mail;
import dev.scrollback.application.accounts.Mailer.MailFailed;
import dev.scrollback.domain.accounts.EmailAddress;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.InternetAddress;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SmtpMailerTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T20:00:00Z"), ZoneOffset.UTC);
    static final EmailAddress ALICE = new EmailAddress("alice@example.org");
    static final String FROM = "Scrollback <bbs@scrollback.example>";
    static final Duration HANG_GUARD = Duration.ofSeconds(30);     // only so that a broken timeout cannot hang the build

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("bbs", "s3cret"));

    static SmtpSettings settings(Optional<String> user, Optional<String> password, boolean startTls) {
        return new SmtpSettings("127.0.0.1", SMTP.getSmtp().getPort(), user, password, FROM, startTls);
    }

    @Test
    void a_mail_arrives_at_the_smtp_server_with_its_headers_and_code() throws Exception {
        var mailer = new SmtpMailer(settings(Optional.empty(), Optional.empty(), false), CLOCK);

        mailer.send(new Mail(ALICE, "Dein Code für Scrollback: 042917 ✓", "Hallo alice,\n\n    042917\n"));

        assertThat(SMTP.waitForIncomingEmail(10_000, 1)).isTrue();
        var received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(1);
        var message = received[0];
        assertThat(message.getRecipients(RecipientType.TO)).containsExactly(new InternetAddress("alice@example.org"));
        assertThat(message.getFrom()).containsExactly(new InternetAddress(FROM));
        assertThat(message.getSubject()).isEqualTo("Dein Code für Scrollback: 042917 ✓");
        assertThat(message.getSentDate().toInstant()).isEqualTo(CLOCK.instant());
        assertThat(message.getContentType()).startsWithIgnoringCase("text/plain; charset=UTF-8");
        assertThat(((String) message.getContent()).stripTrailing()).isEqualTo("Hallo alice,\r\n\r\n    042917");
        assertThat(message.getHeader("Return-Path")).containsExactly("<bbs@scrollback.example>");   // envelope sender
    }

    @Test
    void a_mail_is_sent_with_the_configured_credentials() throws Exception {
        var mailer = new SmtpMailer(settings(Optional.of("bbs"), Optional.of("s3cret"), false), CLOCK);

        mailer.send(new Mail(ALICE, "hello", "code 123456"));

        assertThat(SMTP.waitForIncomingEmail(10_000, 1)).isTrue();
        assertThat((String) SMTP.getReceivedMessages()[0].getContent()).contains("code 123456");
    }

    @Test
    void a_subject_with_line_breaks_reaches_only_the_one_recipient() throws Exception {
        var mailer = new SmtpMailer(settings(Optional.empty(), Optional.empty(), false), CLOCK);

        mailer.send(new Mail(ALICE, "Hi\r\nBcc: mallory@evil.example\r\nTo: eve@evil.example", "text"));

        assertThat(SMTP.waitForIncomingEmail(10_000, 1)).isTrue();
        var received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(1);                           // GreenMail keeps one copy per envelope recipient
        assertThat(received[0].getAllRecipients()).containsExactly(new InternetAddress("alice@example.org"));
        assertThat(received[0].getHeader("Bcc")).isNull();
    }

    @Test
    void wrong_credentials_fail_with_a_clear_message() {
        var mailer = new SmtpMailer(settings(Optional.of("bbs"), Optional.of("wrong"), false), CLOCK);

        assertThatThrownBy(() -> mailer.send(new Mail(ALICE, "hello", "text")))
                .isInstanceOf(MailFailed.class)
                .hasMessageContaining("refused the user name or password")
                .hasMessageContaining("a***@example.org")
                .hasMessageNotContaining("alice@");
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void a_server_without_starttls_gets_nothing_when_starttls_is_required() {
        var mailer = new SmtpMailer(settings(Optional.of("bbs"), Optional.of("s3cret"), true), CLOCK);

        assertThatThrownBy(() -> mailer.send(new Mail(ALICE, "hello", "text")))
                .isInstanceOf(MailFailed.class)
                .hasMessageContaining("STARTTLS");
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void a_closed_port_fails_with_connection_refused() throws Exception {
        int closedPort;
        try (var probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        var mailer = new SmtpMailer(new SmtpSettings("127.0.0.1", closedPort, Optional.empty(), Optional.empty(), FROM, false), CLOCK);

        assertTimeoutPreemptively(HANG_GUARD, () -> assertThatThrownBy(() -> mailer.send(new Mail(ALICE, "hello", "text")))
                .isInstanceOf(MailFailed.class)
                .hasMessageContaining("127.0.0.1:" + closedPort)
                .hasMessageContaining("connection refused"));
    }

    @Test
    void a_server_that_accepts_but_never_answers_fails_after_the_timeout() throws Exception {
        try (var silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {    // the kernel accepts; nobody speaks
            var mailer = new SmtpMailer(new SmtpSettings("127.0.0.1", silent.getLocalPort(), Optional.empty(), Optional.empty(),
                    FROM, false), CLOCK, Duration.ofSeconds(1));

            assertTimeoutPreemptively(HANG_GUARD, () -> assertThatThrownBy(() -> mailer.send(new Mail(ALICE, "hello", "text")))
                    .isInstanceOf(MailFailed.class)
                    .hasMessageContaining("no answer within 1 s"));
        }
    }

    @Test
    void settings_are_checked_and_print_no_password() {
        var settings = new SmtpSettings("mail.example.org", 587, Optional.of("bbs"), Optional.of("s3cret"), FROM, true);
        assertThat(settings.toString()).contains("mail.example.org", "587", "bbs", "***").doesNotContain("s3cret");

        assertThatThrownBy(() -> new SmtpSettings("", 25, Optional.empty(), Optional.empty(), FROM, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SmtpSettings("mail.example.org\r\nX", 25, Optional.empty(), Optional.empty(), FROM, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SmtpSettings("mail.example.org", 0, Optional.empty(), Optional.empty(), FROM, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SmtpSettings("mail.example.org", 65_536, Optional.empty(), Optional.empty(), FROM, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SmtpSettings("mail.example.org", 25, Optional.of("bbs"), Optional.empty(), FROM, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SmtpMailer(new SmtpSettings("mail.example.org", 25, Optional.empty(), Optional.empty(),
                "not an address", false), CLOCK)).isInstanceOf(IllegalArgumentException.class);
    }
}

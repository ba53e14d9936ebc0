package dev.scrollback.adapters.mail.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrollback.application.accounts.Mail;
import dev.scrollback.application.accounts.Mailer.MailFailed;
import dev.scrollback.domain.accounts.EmailAddress;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxMailerTest {
    static final Instant T0 = Instant.parse("2025-03-01T20:00:00.123Z");
    static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
    static final EmailAddress ALICE = new EmailAddress("alice@example.org");
    static final String CODE_MAIL_TEXT = """
            Hello alice,

            your Scrollback verification code is:

                042917

            Type it at the prompt.
            """;

    @TempDir Path dataDir;

    Path outbox() {
        return dataDir.resolve("outbox");
    }

    OutboxMailer mailer() {
        return new OutboxMailer(outbox(), "Scrollback <bbs@scrollback.example>", CLOCK);
    }

    @Test
    void a_mail_becomes_one_eml_file_that_reads_back_with_its_headers_and_the_code_in_plain_digits() throws Exception {
        mailer().send(new Mail(ALICE, "Your Scrollback verification code: 042917", CODE_MAIL_TEXT));

        var file = onlyFile();
        var message = read(file);
        assertThat(message.getRecipients(RecipientType.TO)).containsExactly(new InternetAddress("alice@example.org"));
        assertThat(message.getFrom()).containsExactly(new InternetAddress("Scrollback <bbs@scrollback.example>"));
        assertThat(message.getSubject()).isEqualTo("Your Scrollback verification code: 042917");
        assertThat(message.getSentDate().toInstant()).isEqualTo(T0.minusMillis(123));       // Date has whole seconds
        assertThat(message.getHeader("MIME-Version")).containsExactly("1.0");
        assertThat(message.getMessageID()).matches("<[0-9a-f-]{36}@scrollback\\.example>");
        assertThat(message.getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
        assertThat(message.getEncoding()).isEqualTo("8bit");
        assertThat((String) message.getContent()).isEqualTo(CODE_MAIL_TEXT.replace("\n", "\r\n"));

        var raw = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(raw).contains("\r\n    042917\r\n");
        assertThat(raw.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");   // CRLF line ends only
    }

    @Test
    void the_file_name_sorts_by_utc_time_and_is_unique() throws Exception {
        mailer().send(new Mail(ALICE, "one", "text"));
        mailer().send(new Mail(ALICE, "two", "text"));

        try (var files = Files.list(outbox())) {
            var names = files.map(p -> p.getFileName().toString()).toList();
            assertThat(names).hasSize(2).allMatch(n -> n.matches("20250301T200000\\.123Z-[0-9a-f-]{36}\\.eml"));
        }
    }

    @Test
    void a_non_ascii_subject_is_encoded_per_rfc_2047_and_reads_back_intact() throws Exception {
        var subject = "Grüße aus dem Mailbox-Keller ✓ — Code 123456";
        mailer().send(new Mail(new EmailAddress("jörg@example.org"), subject, "Schöne Grüße!\nCode: 123456\n"));

        var file = onlyFile();
        var headers = headerSection(file);
        var subjectHeader = headers.substring(headers.indexOf("Subject:"));
        subjectHeader = subjectHeader.substring(0, subjectHeader.indexOf("\r\n", subjectHeader.indexOf("\r\n") + 1));
        assertThat(subjectHeader).contains("=?UTF-8?").matches("\\p{ASCII}*");
        var message = read(file);
        assertThat(message.getSubject()).isEqualTo(subject);
        assertThat(message.getRecipients(RecipientType.TO)[0].toString()).isEqualTo("jörg@example.org");
        assertThat((String) message.getContent()).isEqualTo("Schöne Grüße!\r\nCode: 123456\r\n");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("Schöne Grüße!\r\nCode: 123456\r\n");
    }

    @Test
    void line_breaks_and_control_characters_in_the_subject_cannot_start_headers() throws Exception {
        var attack = "Hi\r\nBcc: mallory@evil.example\r\n\r\nfake body\u0085Cc: x@evil.example\u2028Reply-To: y@evil.example\u0000";
        mailer().send(new Mail(ALICE, attack, "text\r\nBcc: mallory@evil.example\r\n"));

        var file = onlyFile();
        var message = read(file);
        assertThat(message.getHeader("Bcc")).isNull();
        assertThat(message.getHeader("Cc")).isNull();
        assertThat(message.getHeader("Reply-To")).isNull();
        assertThat(message.getHeader("Subject")).hasSize(1);
        assertThat(message.getRecipients(RecipientType.TO)).containsExactly(new InternetAddress("alice@example.org"));
        assertThat(message.getSubject()).doesNotContainPattern("\\p{Cc}").startsWith("Hi Bcc: mallory@evil.example fake body");
        assertThat(headerSection(file).lines()).noneMatch(line -> line.matches("(?i)(bcc|cc|reply-to):.*"));
        assertThat((String) message.getContent()).isEqualTo("text\r\nBcc: mallory@evil.example\r\n");  // in the body it is text
    }

    @Test
    void a_local_part_with_every_allowed_special_character_stays_one_recipient() throws Exception {
        // Separators such as ',' and '<' never reach the mailer: EmailAddress refuses them (see EmailAddressTest).
        mailer().send(new Mail(new EmailAddress("o'brien+bbs!#$%&*/=?^_`{|}~-x@example.org"), "hi", "text"));

        var to = read(onlyFile()).getRecipients(RecipientType.TO);
        assertThat(to).hasSize(1);
        assertThat(((InternetAddress) to[0]).getAddress()).isEqualTo("o'brien+bbs!#$%&*/=?^_`{|}~-x@example.org");
    }

    @Test
    void stray_control_characters_leave_the_body_and_lone_line_feeds_become_crlf() throws Exception {
        mailer().send(new Mail(ALICE, "hi", "one\ntwo\rthree\r\nfour\u0000\u0007five"));

        assertThat((String) read(onlyFile()).getContent()).isEqualTo("one\r\ntwo\r\nthree\r\nfourfive\r\n");
    }

    @Test
    void a_line_too_long_for_8bit_is_sent_quoted_printable_and_reads_back_intact() throws Exception {
        var text = "ü".repeat(600) + "\ncode 123456\n";                // 1200 octets on one line
        mailer().send(new Mail(ALICE, "long", text));

        var message = read(onlyFile());
        assertThat(message.getEncoding()).isEqualTo("quoted-printable");
        assertThat((String) message.getContent()).isEqualTo(text.replace("\n", "\r\n"));
        assertThat(Files.readString(onlyFile(), StandardCharsets.UTF_8)).contains("code 123456");
    }

    @Test
    void concurrent_sends_produce_distinct_complete_files() throws Exception {
        var mailer = mailer();
        try (var threads = Executors.newFixedThreadPool(8)) {
            List<Callable<Void>> sends = IntStream.range(0, 24).<Callable<Void>>mapToObj(i -> () -> {
                mailer.send(new Mail(ALICE, "message " + i, "code " + (100000 + i)));
                return null;
            }).toList();
            for (var done : threads.invokeAll(sends)) done.get();
        }

        try (var files = Files.list(outbox())) {
            var all = files.toList();
            assertThat(all).hasSize(24).allMatch(p -> p.toString().endsWith(".eml"));
            var subjects = all.stream().map(p -> subjectOf(p)).sorted().toList();
            assertThat(subjects).doesNotHaveDuplicates().hasSize(24);
        }
    }

    @Test
    void a_written_file_is_readable_by_its_owner_only() throws Exception {
        mailer().send(new Mail(ALICE, "hi", "text"));

        assertThat(Files.getPosixFilePermissions(onlyFile()))
                .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    }

    @Test
    void an_outbox_that_cannot_be_created_fails_the_send_with_mail_failed() throws Exception {
        Files.writeString(outbox(), "a file where the directory should be");

        assertThatThrownBy(() -> mailer().send(new Mail(ALICE, "hi", "text")))
                .isInstanceOf(MailFailed.class)
                .hasMessageContaining("a***@example.org")
                .hasMessageNotContaining("alice@");
    }

    @Test
    void a_sender_that_is_not_one_address_is_refused_at_construction() {
        for (var bad : List.of("", "bbs", "bbs@", "a@example.org, b@example.org", "Team: a@example.org;", "x\r\nBcc: y@z.org")) {
            assertThatThrownBy(() -> new OutboxMailer(outbox(), bad, CLOCK))
                    .as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private Path onlyFile() throws IOException {
        try (Stream<Path> files = Files.list(outbox())) {
            var all = files.toList();
            assertThat(all).hasSize(1);                       // and no temporary file left behind
            return all.getFirst();
        }
    }

    private static MimeMessage read(Path file) throws Exception {
        var session = Session.getInstance(MimeMail.baseProperties(true));
        try (InputStream in = Files.newInputStream(file)) {
            return new MimeMessage(session, in);
        }
    }

    private static String subjectOf(Path file) {
        try {
            return read(file).getSubject();
        } catch (Exception e) {
            throw new AssertionError(file + " does not parse", e);
        }
    }

    private static String headerSection(Path file) throws IOException {
        var raw = Files.readString(file, StandardCharsets.UTF_8);
        return raw.substring(0, raw.indexOf("\r\n\r\n") + 2);
    }
}

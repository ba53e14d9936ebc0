package dev.scrollback.adapters.mail.accounts;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardOpenOption.WRITE;

import dev.scrollback.adapters.mail.accounts.MimeMail.BodyEncoding;
import dev.scrollback.application.accounts.Mail;
import dev.scrollback.application.accounts.Mailer;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default mailer (SPEC §4): one RFC 5322 {@code .eml} file per message in the outbox directory, named
 * {@code <UTC time>-<uuid>.eml} so that a directory listing sorts by time. A file appears whole or not at all: it is
 * written and synced under a hidden temporary name, then renamed. Files are readable by their owner only (the text
 * carries codes). Each message is also logged with its subject, which is how a sysop without SMTP finds the codes.
 */
public final class OutboxMailer implements Mailer {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxMailer.class);
    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Path outbox;
    private final InternetAddress from;
    private final Clock clock;
    private final Session session = Session.getInstance(MimeMail.baseProperties(true));

    /**
     * @param outboxDirectory created when missing, e.g. {@code <data dir>/outbox}
     * @param from the sender, e.g. {@code Scrollback <bbs@example.org>}
     * @throws IllegalArgumentException when {@code from} is not exactly one mail address
     */
    public OutboxMailer(Path outboxDirectory, String from, Clock clock) {
        this.outbox = Objects.requireNonNull(outboxDirectory, "outboxDirectory");
        this.from = MimeMail.sender(from);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void send(Mail mail) {
        var at = clock.instant();
        var file = outbox.resolve(FILE_TIME.format(at) + "-" + UUID.randomUUID() + ".eml");
        MimeMessage message;
        try {
            message = MimeMail.compose(session, from, mail, at, BodyEncoding.EIGHT_BIT);
        } catch (MessagingException e) {      // its message may quote the address in full: keep it to the cause
            throw new MailFailed("could not compose the mail to " + mail.to() + " (" + e.getClass().getSimpleName() + ")", e);
        }
        Path temporary = null;
        try {
            Files.createDirectories(outbox);
            temporary = Files.createTempFile(outbox, ".", ".eml.part");      // owner-only on POSIX
            try (var channel = FileChannel.open(temporary, WRITE);
                 var out = new BufferedOutputStream(Channels.newOutputStream(channel))) {
                message.writeTo(out);
                out.flush();
                channel.force(true);
            }
            Files.move(temporary, file, ATOMIC_MOVE);
        } catch (IOException | MessagingException e) {
            deleteQuietly(temporary);
            throw new MailFailed("could not write the mail to " + mail.to() + " into the outbox " + outbox + ": " + e, e);
        }
        LOG.info("Mail to {} written to the outbox as {}: {}", mail.to(), file.getFileName(),
                MimeMail.headerSafe(mail.subject()));
    }

    private static void deleteQuietly(Path temporary) {
        if (temporary == null) return;
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
            // the failure being reported matters more; a stray hidden .part file is harmless
        }
    }
}

package dev.scrollback.adapters.mail.accounts;

import dev.scrollback.application.accounts.Mail;
import dev.scrollback.domain.accounts.EmailAddress;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;

/** Turns a {@link Mail} into a MIME message; what both mailers share. Jakarta Mail writes and folds the headers. */
final class MimeMail {
    /** RFC 5322 allows 998 octets per line; longer lines must be quoted-printable. */
    private static final int MAX_LINE_OCTETS = 998;
    private static final Pattern HEADER_BREAKERS = Pattern.compile("[\\p{Cc}\\u2028\\u2029]+");     // CR, LF, NEL, ...
    private static final Pattern BODY_CONTROLS = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("EEE, d MMM uuuu HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);

    enum BodyEncoding {
        /** UTF-8 as is (quoted-printable if a line is too long for that), so a code in the text is plain digits. */
        EIGHT_BIT,
        /** Whatever Jakarta Mail finds safe for any relay (7bit, quoted-printable or base64). */
        SAFE_FOR_ANY_RELAY
    }

    private MimeMail() {}

    /**
     * Properties every session here carries. With {@code utf8} headers may hold UTF-8 (RFC 6532), so that a mailbox with
     * a non-ASCII local part is written as itself; the subject is RFC 2047-encoded either way.
     */
    static Properties baseProperties(boolean utf8) {
        var properties = new Properties();
        properties.setProperty("mail.mime.allowutf8", String.valueOf(utf8));
        return properties;
    }

    static boolean isAscii(EmailAddress address) {
        return address.value().chars().allMatch(c -> c < 0x80);
    }

    /** @throws IllegalArgumentException unless {@code from} is one address, e.g. {@code Scrollback <bbs@example.org>} */
    static InternetAddress sender(String from) {
        Objects.requireNonNull(from, "from");
        try {
            var address = new InternetAddress(from, true);
            if (address.isGroup()) throw new AddressException("is a group");
            return address;
        } catch (AddressException e) {
            throw new IllegalArgumentException(
                    "the sender address '" + from + "' is not one mail address: " + e.getMessage(), e);
        }
    }

    /** The caller's address; a local part that is no dot-atom ({@code a,b@...}) is quoted rather than refused. */
    static InternetAddress recipient(EmailAddress to) throws AddressException {
        try {
            return new InternetAddress(to.value(), true);
        } catch (AddressException notADotAtom) {
            var local = to.localPart().replace("\\", "\\\\").replace("\"", "\\\"");
            return new InternetAddress("\"" + local + "\"" + to.value().substring(to.value().lastIndexOf('@')), true);
        }
    }

    static MimeMessage compose(Session session, InternetAddress from, Mail mail, Instant at, BodyEncoding encoding)
            throws MessagingException {
        var message = new IdentifiedMessage(session, "<" + UUID.randomUUID() + "@" + domainOf(from) + ">");
        message.setFrom(from);
        message.setRecipient(RecipientType.TO, recipient(mail.to()));
        message.setSubject(headerSafe(mail.subject()), "UTF-8");
        message.setHeader("Date", DATE.format(at));
        var text = bodyText(mail.text());
        message.setText(text, "UTF-8");
        if (encoding == BodyEncoding.EIGHT_BIT) {           // never base64: digits must stay digits
            message.setHeader("Content-Transfer-Encoding", linesFit(text) ? "8bit" : "quoted-printable");
        }
        message.saveChanges();
        return message;
    }

    /** One line, no control characters: a subject can never start a header of its own. */
    static String headerSafe(String subject) {
        return HEADER_BREAKERS.matcher(subject).replaceAll(" ").strip();
    }

    /** CRLF line ends (RFC 5322) and no stray control characters (8bit forbids NUL). */
    private static String bodyText(String text) {
        var lines = BODY_CONTROLS.matcher(text).replaceAll("").replace("\r\n", "\n").replace('\r', '\n');
        var crlf = lines.replace("\n", "\r\n");
        return crlf.endsWith("\r\n") ? crlf : crlf + "\r\n";
    }

    private static boolean linesFit(String text) {
        for (var line : text.split("\r\n")) {
            if (line.length() * 3 > MAX_LINE_OCTETS && line.getBytes(StandardCharsets.UTF_8).length > MAX_LINE_OCTETS) {
                return false;
            }
        }
        return true;
    }

    private static String domainOf(InternetAddress address) {
        var value = address.getAddress();
        return value.substring(value.lastIndexOf('@') + 1);
    }

    /** Our own Message-ID, so that Jakarta Mail does not ask the network for this host's name. */
    private static final class IdentifiedMessage extends MimeMessage {
        private final String messageId;

        IdentifiedMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}

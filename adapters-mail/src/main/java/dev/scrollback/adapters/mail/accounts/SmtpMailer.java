package dev.scrollback.adapters.mail.accounts;

import dev.scrollback.adapters.mail.accounts.MimeMail.BodyEncoding;
import dev.scrollback.application.accounts.Mail;
import dev.scrollback.application.accounts.Mailer;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each message to an SMTP server over a connection of its own (so it is safe to call from many threads).
 * Connecting, reading and writing each time out, so an unreachable or stalled server costs a caller seconds, not a hang.
 * The body goes as 8bit when the server announces 8BITMIME, else in a 7-bit encoding.
 */
public final class SmtpMailer implements Mailer {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);
    private static final Logger LOG = LoggerFactory.getLogger(SmtpMailer.class);

    private final SmtpSettings settings;
    private final InternetAddress from;
    private final Clock clock;
    private final Duration timeout;
    /** SMTPUTF8 is asked for only when a mailbox needs it: Angus logs each connection to a server without it. */
    private final Session asciiSession;
    private final Session utf8Session;

    public SmtpMailer(SmtpSettings settings, Clock clock) {
        this(settings, clock, DEFAULT_TIMEOUT);
    }

    /** @param timeout for connecting, and for each read and write on the connection */
    public SmtpMailer(SmtpSettings settings, Clock clock, Duration timeout) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.from = MimeMail.sender(settings.from());
        this.clock = Objects.requireNonNull(clock, "clock");
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("the timeout must be positive");
        this.timeout = timeout;
        this.asciiSession = Session.getInstance(properties(settings, from, timeout, false));
        this.utf8Session = Session.getInstance(properties(settings, from, timeout, true));
        if (settings.user().isPresent() && !settings.startTls()) {
            LOG.warn("SMTP credentials for {}:{} will be sent without TLS (STARTTLS is off)", settings.host(),
                    settings.port());
        }
    }

    private static Properties properties(SmtpSettings settings, InternetAddress from, Duration timeout, boolean utf8) {
        var properties = MimeMail.baseProperties(utf8);
        var millis = String.valueOf(timeout.toMillis());
        properties.setProperty("mail.smtp.connectiontimeout", millis);
        properties.setProperty("mail.smtp.timeout", millis);
        properties.setProperty("mail.smtp.writetimeout", millis);
        properties.setProperty("mail.smtp.from", from.getAddress());                 // the envelope sender (bounces)
        properties.setProperty("mail.smtp.allow8bitmime", "true");
        properties.setProperty("mail.smtp.auth", String.valueOf(settings.user().isPresent()));
        if (settings.startTls()) {
            properties.setProperty("mail.smtp.starttls.enable", "true");
            properties.setProperty("mail.smtp.starttls.required", "true");
            properties.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        }
        return properties;
    }

    @Override
    public void send(Mail mail) {
        var session = MimeMail.isAscii(mail.to()) ? asciiSession : utf8Session;
        try {
            var message = MimeMail.compose(session, from, mail, clock.instant(), BodyEncoding.SAFE_FOR_ANY_RELAY);
            try (var transport = session.getTransport("smtp")) {
                transport.connect(settings.host(), settings.port(), settings.user().orElse(null),
                        settings.password().orElse(null));
                transport.sendMessage(message, message.getAllRecipients());
            }
            LOG.info("Mail to {} handed to {}:{} as {}", mail.to(), settings.host(), settings.port(),
                    message.getMessageID());
        } catch (MessagingException e) {
            throw new MailFailed("could not send the mail to " + mail.to() + " through SMTP server " + settings.host() + ":"
                    + settings.port() + ": " + why(e), e);
        }
    }

    /** Says what went wrong without repeating server replies, which may quote the recipient's full address. */
    private String why(MessagingException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            var reason = switch (cause) {
                case AuthenticationFailedException e -> "the server refused the user name or password";
                case SMTPAddressFailedException e -> "the server refused the recipient (reply " + e.getReturnCode() + ")";
                case SMTPSendFailedException e -> "the server refused the mail (reply " + e.getReturnCode() + ")";
                case ConnectException e -> "connection refused";
                case UnknownHostException e -> "unknown host";
                case SocketTimeoutException e -> "no answer within " + timeout.toSeconds() + " s";
                case SSLException e -> "TLS failed (" + e.getMessage() + ")";
                default -> "";
            };
            if (!reason.isEmpty()) return reason;
        }
        return failure.getMessage();
    }
}

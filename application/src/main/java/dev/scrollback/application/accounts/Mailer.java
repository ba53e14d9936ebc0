package dev.scrollback.application.accounts;

/** Out-port: delivers mail (to the outbox directory by default, or over SMTP). */
public interface Mailer {
    /** @throws MailFailed when the message could not be handed on */
    void send(Mail mail);

    final class MailFailed extends RuntimeException {
        public MailFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

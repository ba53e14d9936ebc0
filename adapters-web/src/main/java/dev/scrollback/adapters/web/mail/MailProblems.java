package dev.scrollback.adapters.web.mail;

import dev.scrollback.adapters.web.shared.Problem;
import dev.scrollback.domain.mail.MailRejected;
import io.javalin.config.RoutesConfig;

/** Private mail refusals as problems; exhaustive, so a new reason will not compile until it has its answer. */
public final class MailProblems {
    private MailProblems() {}

    public static void addTo(RoutesConfig routes) {
        routes.exception(MailRejected.class, (e, ctx) -> of(e.reason()).writeTo(ctx));
    }

    static Problem of(MailRejected.Reason reason) {
        return switch (reason) {
            case MailRejected.NoSuchMessage none -> Problem.forStatus(404).withDetail("You have no message with this id.");
            case MailRejected.UnknownOriginal original -> Problem.of("unknown-original", "Unknown message", 422,
                    "You have no message with the id in 'inReplyTo' to reply to.").withField("inReplyTo");
            case MailRejected.UnknownRecipient unknown -> Problem.of("unknown-recipient", "Unknown recipient", 422,
                    "No member goes by the handle '%s' (or they have not confirmed their email address yet)."
                            .formatted(unknown.handle().value())).withField("to");
            case MailRejected.CannotMailYourself self -> Problem.of("cannot-mail-yourself", "Cannot mail yourself", 422,
                    "You cannot send private mail to yourself.").withField("to");
            case MailRejected.AlreadySent sent -> Problem.forStatus(409).withDetail("This message was sent already.");
        };
    }
}

package dev.scrollback.adapters.telnet.mail;

import dev.scrollback.application.accounts.AccessDenied;
import dev.scrollback.application.shared.RateLimited;
import dev.scrollback.domain.mail.MailRejected;
import dev.scrollback.domain.shared.InvalidValue;

/** One clear line for every way mail can be refused. Exhaustive: a new reason will not compile here. */
final class MailRefusals {
    private MailRefusals() {}

    static String explain(MailRejected.Reason reason) {
        return switch (reason) {
            case MailRejected.NoSuchMessage none -> "That message is not in your mailbox any more.";
            case MailRejected.UnknownOriginal original -> "The message you are answering is not in your mailbox any more.";
            case MailRejected.UnknownRecipient unknown -> "No member goes by the handle " + unknown.handle().value()
                    + " (or they have not confirmed their email address yet).";
            case MailRejected.CannotMailYourself self -> "You cannot send mail to yourself.";
            case MailRejected.AlreadySent sent -> "That message was sent already.";
        };
    }

    static String explain(InvalidValue invalid) {
        var what = switch (invalid.field()) {
            case "handle", "to" -> "The recipient's handle";
            case "subject" -> "The subject";
            case "body" -> "The message";
            default -> "That";
        };
        return what + " " + invalid.getMessage() + ".";
    }

    static String explain(RateLimited limited) {
        return "You have sent a lot of mail lately; try again in " + limited.retryAfterSeconds() + " seconds.";
    }

    static String explain(AccessDenied denied) {
        return "Private mail is for members: confirm your email address first.";
    }
}

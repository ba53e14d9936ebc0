package dev.scrollback.adapters.web.mail;

import dev.scrollback.adapters.web.Routes;
import dev.scrollback.adapters.web.shared.Api;
import dev.scrollback.adapters.web.accounts.Authentication;
import dev.scrollback.adapters.web.shared.JsonBody;
import dev.scrollback.adapters.web.shared.Problem;
import dev.scrollback.adapters.web.shared.RequestOrigin;
import dev.scrollback.adapters.web.shared.ValidationFailed;
import dev.scrollback.application.mail.DeletePrivateMessage;
import dev.scrollback.application.mail.MailPage;
import dev.scrollback.application.mail.MailSummary;
import dev.scrollback.application.mail.ReadInbox;
import dev.scrollback.application.mail.ReadPrivateMessage;
import dev.scrollback.application.mail.ReadSentMail;
import dev.scrollback.application.mail.SendPrivateMessage;
import dev.scrollback.domain.mail.MailBody;
import dev.scrollback.domain.mail.MailSubject;
import dev.scrollback.domain.mail.PrivateMessageEvent.MailboxSide;
import dev.scrollback.domain.mail.PrivateMessageId;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.InvalidValue;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Private mail for the caller's interactive login (an API key is refused: mail is personal). {@code POST
 * /api/v1/mail} {@code {to, subject, body, inReplyTo?}} sends (a reply may leave out {@code to} and {@code subject});
 * {@code GET /api/v1/mail/inbox} and {@code /sent} list, newest first, {@code ?cursor=&limit=}, with the unread count;
 * {@code GET /api/v1/mail/{id}} opens one (the recipient's first opening is the sender's read receipt); {@code DELETE
 * /api/v1/mail/{id}} deletes the caller's copy. Answers are never cached.
 */
public final class MailRoutes implements Routes {
    private final SendPrivateMessage sendPrivateMessage;
    private final ReadInbox readInbox;
    private final ReadSentMail readSentMail;
    private final ReadPrivateMessage readPrivateMessage;
    private final DeletePrivateMessage deletePrivateMessage;
    private final Authentication authentication;

    public MailRoutes(SendPrivateMessage sendPrivateMessage, ReadInbox readInbox, ReadSentMail readSentMail,
                      ReadPrivateMessage readPrivateMessage, DeletePrivateMessage deletePrivateMessage,
                      Authentication authentication) {
        this.sendPrivateMessage = sendPrivateMessage;
        this.readInbox = readInbox;
        this.readSentMail = readSentMail;
        this.readPrivateMessage = readPrivateMessage;
        this.deletePrivateMessage = deletePrivateMessage;
        this.authentication = authentication;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post("/api/v1/mail", this::send);
        routes.get("/api/v1/mail/inbox", this::inbox);             // before /{id}, which would take "inbox" for an id
        routes.get("/api/v1/mail/sent", this::sent);
        routes.get("/api/v1/mail/{id}", this::open);
        routes.delete("/api/v1/mail/{id}", this::delete);
        MailProblems.addTo(routes);
    }

    @Override
    public void describe(Api api) {
        api.post("/api/v1/mail").summary("Send private mail").authenticated()
                .body(MailForm.class).answers(201, SentMessage.class).problems(400, 403, 422);
        api.get("/api/v1/mail/inbox").summary("My inbox, newest first, a page at a time").authenticated()
                .query("cursor", "limit").answers(200, Listing.class).problems(400);
        api.get("/api/v1/mail/sent").summary("My sent mail, newest first, a page at a time").authenticated()
                .query("cursor", "limit").answers(200, Listing.class).problems(400);
        api.get("/api/v1/mail/{id}").summary("Open a message (marks it read)").authenticated()
                .answers(200, Opened.class).problems(400, 404);
        api.delete("/api/v1/mail/{id}").summary("Delete a message from my mailbox").authenticated()
                .answers(204).problems(400, 404);
    }

    private void send(Context ctx) {
        var caller = authentication.caller(ctx);
        var form = JsonBody.read(ctx, MailForm.class);
        var to = Optional.ofNullable(form.to()).map(text -> as("to", text, Handle::new));
        var subject = Optional.ofNullable(form.subject()).map(MailSubject::new);
        var body = new MailBody(JsonBody.required(form.body(), "body"));
        var inReplyTo = Optional.ofNullable(form.inReplyTo()).map(text -> as("inReplyTo", text, PrivateMessageId::parse));
        var sent = sendPrivateMessage.send(caller, new SendPrivateMessage.Command(to, subject, body, inReplyTo),
                RequestOrigin.of(ctx));
        ctx.header("Cache-Control", "no-store");
        ctx.header("Location", "/api/v1/mail/" + sent.id());
        ctx.status(HttpStatus.CREATED).json(new SentMessage(sent.id().toString(), sent.to().value(), sent.subject().value(),
                sent.sentAt(), sent.inReplyTo().map(PrivateMessageId::toString)));
    }

    private void inbox(Context ctx) {
        var caller = authentication.caller(ctx);
        list(ctx, readInbox.inbox(caller, cursor(ctx), limit(ctx)));
    }

    private void sent(Context ctx) {
        var caller = authentication.caller(ctx);
        list(ctx, readSentMail.sent(caller, cursor(ctx), limit(ctx)));
    }

    private static void list(Context ctx, MailPage page) {
        ctx.header("Cache-Control", "no-store");
        ctx.json(new Listing(page.messages().stream().map(Listed::of).toList(), page.unread(),
                page.next().map(PrivateMessageId::toString)));
    }

    private void open(Context ctx) {
        var caller = authentication.caller(ctx);
        var id = pathId(ctx);
        if (id.isEmpty()) return;
        var opened = readPrivateMessage.read(caller, id.get(), RequestOrigin.of(ctx));
        ctx.header("Cache-Control", "no-store");
        ctx.json(new Opened(opened.id().toString(), opened.from().value(), opened.to().value(), opened.subject().value(),
                opened.body().value(), opened.sentAt(), opened.readAt().isPresent(), opened.readAt(),
                opened.inReplyTo().map(PrivateMessageId::toString), opened.side() == MailboxSide.RECIPIENT ? "inbox" : "sent"));
    }

    private void delete(Context ctx) {
        var caller = authentication.caller(ctx);
        var id = pathId(ctx);
        if (id.isEmpty()) return;
        deletePrivateMessage.delete(caller, id.get(), RequestOrigin.of(ctx));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    /** An id that cannot be one is answered like an unknown one: there is no such message. */
    private static Optional<PrivateMessageId> pathId(Context ctx) {
        try {
            return Optional.of(PrivateMessageId.parse(ctx.pathParam("id")));
        } catch (InvalidValue notAnId) {
            Problem.forStatus(404).withDetail("You have no message with this id.").writeTo(ctx);
            return Optional.empty();
        }
    }

    private static Optional<PrivateMessageId> cursor(Context ctx) {
        return Optional.ofNullable(ctx.queryParam("cursor")).filter(text -> !text.isEmpty())
                .map(text -> as("cursor", text, PrivateMessageId::parse));
    }

    private static int limit(Context ctx) {
        var text = ctx.queryParam("limit");
        if (text == null || text.isEmpty()) return MailPage.DEFAULT_LIMIT;
        try {
            if (text.length() <= 4) {
                int limit = Integer.parseInt(text);
                if (limit >= 1 && limit <= MailPage.MAX_LIMIT) return limit;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw ValidationFailed.field("limit", "must be a whole number from 1 to " + MailPage.MAX_LIMIT);
    }

    /** Reads {@code text} as the value {@code field} names, so a refusal names the field the caller sent. */
    private static <T> T as(String field, String text, Function<String, T> read) {
        try {
            return read.apply(text);
        } catch (InvalidValue invalid) {
            throw ValidationFailed.field(field, invalid.getMessage());
        }
    }

    /** {@code to} and {@code subject} may be left out of a reply ({@code inReplyTo}). */
    record MailForm(String to, String subject, String body, String inReplyTo) {}

    record SentMessage(String id, String to, String subject, Instant sentAt, Optional<String> inReplyTo) {}

    record Listing(List<Listed> messages, int unread, Optional<String> next) {}

    /** {@code read}: whether the recipient has opened it (in sent mail: the read receipt). */
    record Listed(String id, String from, String to, String subject, Instant sentAt, boolean read, Optional<String> inReplyTo) {
        static Listed of(MailSummary m) {
            return new Listed(m.id().toString(), m.from().value(), m.to().value(), m.subject().value(), m.sentAt(), m.read(),
                    m.inReplyTo().map(PrivateMessageId::toString));
        }
    }

    /** {@code mailbox}: whose copy the caller holds, {@code inbox} (they received it) or {@code sent}. */
    record Opened(String id, String from, String to, String subject, String body, Instant sentAt, boolean read,
                  Optional<Instant> readAt, Optional<String> inReplyTo, String mailbox) {}
}

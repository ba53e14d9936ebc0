package dev.scrollback.adapters.web.mail;

import static dev.scrollback.adapters.web.TestServer.assertProblem;
import static dev.scrollback.adapters.web.TestServer.bearer;
import static dev.scrollback.adapters.web.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.web.Sessions;
import dev.scrollback.adapters.web.TestServer;
import dev.scrollback.adapters.web.accounts.ApiKeyProblems;
import dev.scrollback.adapters.web.accounts.Authentication;
import dev.scrollback.application.accounts.AuthenticateApiKey;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.mail.MailPage;
import dev.scrollback.application.mail.MailSummary;
import dev.scrollback.application.mail.ReadPrivateMessage.OpenedMessage;
import dev.scrollback.application.mail.SendPrivateMessage;
import dev.scrollback.domain.accounts.ApiKeyId;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.accounts.Scope;
import dev.scrollback.domain.mail.MailBody;
import dev.scrollback.domain.mail.MailRejected;
import dev.scrollback.domain.mail.MailSubject;
import dev.scrollback.domain.mail.PrivateMessageEvent.MailboxSide;
import dev.scrollback.domain.mail.PrivateMessageId;
import dev.scrollback.domain.shared.Handle;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mail routes over HTTP with the use cases faked: shapes, refusals and hostile input. */
class MailRoutesTest {
    static final PrivateMessageId ID = PrivateMessageId.parse("0195f0a0-0000-7000-8000-0000000000c0");
    static final PrivateMessageId OTHER = PrivateMessageId.parse("0195f0a0-0000-7000-8000-0000000000c1");
    static final Instant NOW = Instant.parse("2025-03-01T20:00:00Z");
    static final String KEY = "sbk_" + new ApiKeyId(ID.value()).compact() + "_" + "a".repeat(52);

    @TempDir Path keys;
    Sessions sessions;
    Caller alice;
    String token;
    TestServer server;
    final AtomicReference<SendPrivateMessage.Command> lastSend = new AtomicReference<>();
    final AtomicReference<Optional<PrivateMessageId>> lastCursor = new AtomicReference<>();
    final List<PrivateMessageId> deleted = new ArrayList<>();

    @BeforeEach
    void setUp() {
        sessions = new Sessions(keys);
        alice = sessions.open("Alice", Role.MEMBER);
        token = sessions.accessToken(alice);
        var robot = Caller.withApiKey(alice.account(), alice.handle(), new ApiKeyId(ID.value()), Set.of(Scope.BOARDS_WRITE),
                Set.of(Role.MEMBER));
        AuthenticateApiKey apiKeys = key -> key.value().equals(KEY) ? new AuthenticateApiKey.Check.Valid(robot)
                : new AuthenticateApiKey.Check.Unknown();
        var authentication = new Authentication(sessions.tokens, sessions.authenticateSession, apiKeys);
        SendPrivateMessage send = (caller, command, origin) -> {
            caller.session();
            lastSend.set(command);
            var to = command.to().orElse(new Handle("Bob"));
            if (to.equals(new Handle("Nobody"))) throw new MailRejected(new MailRejected.UnknownRecipient(to));
            if (to.equals(caller.handle())) throw new MailRejected(new MailRejected.CannotMailYourself());
            if (command.inReplyTo().filter(OTHER::equals).isPresent()) throw new MailRejected(new MailRejected.UnknownOriginal(OTHER));
            return new SendPrivateMessage.Sent(ID, to, command.subject().orElse(new MailSubject("Re: Lunch?")), NOW, command.inReplyTo());
        };
        var summary = new MailSummary(ID, new Handle("Bob"), new Handle("Alice"), new MailSubject("Lunch?"), NOW, false, Optional.empty());
        server = TestServer.start(new MailRoutes(send,
                (caller, after, limit) -> {
                    caller.session();
                    lastCursor.set(after);
                    return new MailPage(List.of(summary), 1, Optional.of(ID));
                },
                (caller, after, limit) -> new MailPage(List.of(), 1, Optional.empty()),
                (caller, id, origin) -> {
                    caller.session();
                    if (!id.equals(ID)) throw new MailRejected(new MailRejected.NoSuchMessage(id));
                    return new OpenedMessage(ID, new Handle("Bob"), new Handle("Alice"), new MailSubject("Lunch?"),
                            new MailBody("Noon?\nAt the usual place."), NOW, Optional.of(NOW.plusSeconds(5)), Optional.empty(),
                            MailboxSide.RECIPIENT);
                },
                (caller, id, origin) -> {
                    caller.session();
                    if (!id.equals(ID)) throw new MailRejected(new MailRejected.NoSuchMessage(id));
                    deleted.add(id);
                }, authentication), ApiKeyProblems::addTo);
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    String auth() {
        return bearer(token);
    }

    @Test
    void sending_answers_201_with_the_message_and_where_it_lives() {
        var answer = server.post("/api/v1/mail", """
                {"to": "Bob", "subject": " Lunch? ", "body": "Noon?\\r\\nAt the usual place."}""", "Authorization", auth());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        assertThat(answer.headers().firstValue("Location")).hasValue("/api/v1/mail/" + ID);
        assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
        var body = json(answer);
        assertThat(body.get("id").asText()).isEqualTo(ID.toString());
        assertThat(body.get("to").asText()).isEqualTo("Bob");
        assertThat(body.get("subject").asText()).isEqualTo("Lunch?");
        assertThat(lastSend.get().body().value()).isEqualTo("Noon?\nAt the usual place.");
    }

    @Test
    void a_reply_may_leave_out_recipient_and_subject() {
        var answer = server.post("/api/v1/mail", """
                {"inReplyTo": "%s", "body": "Sure."}""".formatted(ID), "Authorization", auth());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        assertThat(lastSend.get().to()).isEmpty();
        assertThat(lastSend.get().subject()).isEmpty();
        assertThat(lastSend.get().inReplyTo()).contains(ID);
        assertThat(json(answer).get("inReplyTo").asText()).isEqualTo(ID.toString());
        assertProblem(server.post("/api/v1/mail", """
                {"inReplyTo": "%s", "body": "Sure."}""".formatted(OTHER), "Authorization", auth()), 422, "unknown-original");
    }

    @Test
    void refusals_are_problems_that_say_which_field() {
        assertThat(assertProblem(server.post("/api/v1/mail", """
                {"to": "Nobody", "subject": "Hi", "body": "Hi"}""", "Authorization", auth()), 422, "unknown-recipient")
                .get("field").asText()).isEqualTo("to");
        assertProblem(server.post("/api/v1/mail", """
                {"to": "alice", "subject": "Hi", "body": "Hi"}""", "Authorization", auth()), 422, "cannot-mail-yourself");
        assertThat(assertProblem(server.post("/api/v1/mail", """
                {"subject": "Hi", "body": "Hi"}""", "Authorization", auth()), 400, "validation-failed").get("field").asText())
                .isEqualTo("to");
        assertThat(assertProblem(server.post("/api/v1/mail", """
                {"to": "Bob", "body": "Hi"}""", "Authorization", auth()), 400, "validation-failed").get("field").asText())
                .isEqualTo("subject");
    }

    @Test
    void hostile_input_is_refused_with_a_4xx_never_a_500() {
        var cases = List.of(
                "{\"to\": \"Bob\", \"subject\": \"Hi\", \"body\": \"\\u001b[2Jgotcha\"}",
                "{\"to\": \"Bob\", \"subject\": \"Hi\", \"body\": \"nul\\u0000\"}",
                "{\"to\": \"Bob\", \"subject\": \"Hi\\nthere\", \"body\": \"x\"}",
                "{\"to\": \"Bob\", \"subject\": \"Hi\", \"body\": \"" + "a".repeat(20_001) + "\"}",
                "{\"to\": \"Bob\", \"subject\": \"Hi\", \"body\": \"   \"}",
                "{\"to\": \"Bob\", \"subject\": \"Hi\"}",
                "{\"to\": \"B o b\", \"subject\": \"Hi\", \"body\": \"x\"}",
                "{\"to\": \"" + "b".repeat(10_000) + "\", \"subject\": \"Hi\", \"body\": \"x\"}",
                "{\"to\": 42, \"subject\": \"Hi\", \"body\": \"x\"}",
                "{\"to\": \"Bob\", \"subject\": \"Hi\", \"body\": \"x\", \"inReplyTo\": \"../../etc/passwd\"}",
                "{\"to\": \"Bob\", \"subject\": \"Hi\", \"body\": [\"x\"]}",
                "{\"to\": \"Bob\", \"subject\": \"Hi\", \"body\": \"x\"",
                "[1, 2, 3]",
                "null",
                "",
                "not json at all");
        for (var body : cases) {
            var answer = server.post("/api/v1/mail", body, "Authorization", auth());
            assertThat(answer.statusCode()).as(body.length() > 80 ? body.substring(0, 80) : body).isEqualTo(400);
            assertProblem(answer, 400, "validation-failed");
        }
        var huge = "{\"to\": \"Bob\", \"subject\": \"Hi\", \"body\": \"" + "a".repeat(200_000) + "\"}";
        assertThat(server.postAskingFirst("/api/v1/mail", huge, "Authorization", auth()).statusCode()).isEqualTo(413);
        assertThat(lastSend.get()).as("nothing got through").isNull();
    }

    @Test
    void the_inbox_lists_with_unread_count_and_cursor() {
        var answer = server.get("/api/v1/mail/inbox?limit=5&cursor=" + OTHER, "Authorization", auth());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        var body = json(answer);
        assertThat(body.get("unread").asInt()).isEqualTo(1);
        assertThat(body.get("next").asText()).isEqualTo(ID.toString());
        var listed = body.get("messages").get(0);
        assertThat(listed.get("id").asText()).isEqualTo(ID.toString());
        assertThat(listed.get("from").asText()).isEqualTo("Bob");
        assertThat(listed.get("subject").asText()).isEqualTo("Lunch?");
        assertThat(listed.get("sentAt").asText()).isEqualTo("2025-03-01T20:00:00Z");
        assertThat(listed.get("read").asBoolean()).isFalse();
        assertThat(lastCursor.get()).contains(OTHER);
        assertThat(json(server.get("/api/v1/mail/sent", "Authorization", auth())).get("messages")).isEmpty();
        for (var query : List.of("limit=0", "limit=101", "limit=ten", "limit=99999999999", "cursor=nope")) {
            assertProblem(server.get("/api/v1/mail/inbox?" + query, "Authorization", auth()), 400, "validation-failed");
        }
    }

    @Test
    void opening_answers_the_whole_message_and_unknown_or_malformed_ids_are_not_found() {
        var answer = server.get("/api/v1/mail/" + ID, "Authorization", auth());

        assertThat(answer.statusCode()).isEqualTo(200);
        var body = json(answer);
        assertThat(body.get("body").asText()).isEqualTo("Noon?\nAt the usual place.");
        assertThat(body.get("mailbox").asText()).isEqualTo("inbox");
        assertThat(body.get("read").asBoolean()).isTrue();
        assertProblem(server.get("/api/v1/mail/" + OTHER, "Authorization", auth()), 404, "not-found");
        assertProblem(server.get("/api/v1/mail/not-an-id", "Authorization", auth()), 404, "not-found");
        assertProblem(server.delete("/api/v1/mail/not-an-id", "Authorization", auth()), 404, "not-found");
    }

    @Test
    void deleting_answers_204() {
        assertThat(server.delete("/api/v1/mail/" + ID, "Authorization", auth()).statusCode()).isEqualTo(204);
        assertThat(deleted).containsExactly(ID);
        assertProblem(server.delete("/api/v1/mail/" + OTHER, "Authorization", auth()), 404, "not-found");
    }

    @Test
    void mail_needs_a_login_and_an_api_key_will_not_do() {
        assertProblem(server.get("/api/v1/mail/inbox"), 401, "unauthorized");
        assertProblem(server.post("/api/v1/mail", "{}"), 401, "unauthorized");
        assertProblem(server.get("/api/v1/mail/inbox", "Authorization", bearer(KEY)), 403, "forbidden");
        assertProblem(server.post("/api/v1/mail", """
                {"to": "Bob", "subject": "Hi", "body": "Hi"}""", "Authorization", bearer(KEY)), 403, "forbidden");
    }
}

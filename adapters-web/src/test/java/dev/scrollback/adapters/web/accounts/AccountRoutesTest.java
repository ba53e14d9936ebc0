package dev.scrollback.adapters.web.accounts;

import static dev.scrollback.adapters.web.TestServer.assertProblem;
import static dev.scrollback.adapters.web.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.web.TestServer;
import dev.scrollback.application.accounts.RegisterCaller;
import dev.scrollback.application.accounts.ResendVerification;
import dev.scrollback.application.accounts.VerifyEmail;
import dev.scrollback.domain.accounts.AccountRejected;
import dev.scrollback.domain.accounts.PasswordPolicy;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Channel;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class AccountRoutesTest {
    static final AccountId ACCOUNT = new AccountId(UUID.fromString("01958f2e-0000-7000-8000-000000000001"));
    static final String ALICE = "{\"handle\":\"Alice\",\"email\":\"alice@example.test\",\"password\":\"correct horse battery\"}";

    RegisterCaller registerCaller = cmd -> new RegisterCaller.Registered(ACCOUNT, cmd.handle());
    VerifyEmail verifyEmail = cmd -> new VerifyEmail.Verified(ACCOUNT, cmd.handle());
    ResendVerification resendVerification = cmd -> {};

    TestServer server() {
        return TestServer.start(new AccountRoutes(c -> registerCaller.register(c), c -> verifyEmail.verify(c),
                c -> resendVerification.resend(c)));
    }

    @Test
    void signing_up_answers_201_with_the_account_and_passes_a_web_origin() {
        var seen = new AtomicReference<RegisterCaller.Command>();
        registerCaller = cmd -> {
            seen.set(cmd);
            return new RegisterCaller.Registered(ACCOUNT, cmd.handle());
        };
        try (var server = server()) {
            var response = server.post("/api/v1/accounts", ALICE);
            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(json(response).path("accountId").asText()).isEqualTo(ACCOUNT.toString());
            assertThat(json(response).path("handle").asText()).isEqualTo("Alice");
        }
        assertThat(seen.get().email().value()).isEqualTo("alice@example.test");
        assertThat(seen.get().password().value()).isEqualTo("correct horse battery");
        assertThat(seen.get().origin().channel()).isEqualTo(Channel.WEB);
        assertThat(seen.get().origin().address()).hasValueSatisfying(a -> assertThat(a.value()).isEqualTo("127.0.0.1"));
        assertThat(seen.get().origin().session()).isEmpty();
    }

    @Test
    void a_taken_handle_is_a_409_handle_taken_problem() {
        registerCaller = cmd -> { throw new AccountRejected(new AccountRejected.HandleTaken(cmd.handle())); };
        try (var server = server()) {
            var problem = assertProblem(server.post("/api/v1/accounts", ALICE), 409, "handle-taken");
            assertThat(problem.path("detail").asText()).contains("'Alice'").contains("choose another");
        }
    }

    @Test
    void a_reserved_handle_is_a_409_handle_taken_problem_too() {
        registerCaller = cmd -> { throw new AccountRejected(new AccountRejected.HandleReserved(cmd.handle())); };
        try (var server = server()) {
            var problem = assertProblem(server.post("/api/v1/accounts", ALICE), 409, "handle-taken");
            assertThat(problem.path("detail").asText()).contains("reserved");
        }
    }

    @Test
    void a_weak_password_is_a_422_weak_password_problem_that_explains_the_policy() {
        registerCaller = cmd -> { throw new AccountRejected(new AccountRejected.WeakPassword(PasswordPolicy.Weakness.TOO_SHORT)); };
        try (var server = server()) {
            var problem = assertProblem(server.post("/api/v1/accounts", ALICE), 422, "weak-password");
            assertThat(problem.path("detail").asText()).isEqualTo(PasswordPolicy.Weakness.TOO_SHORT.explanation());
            assertThat(problem.path("field").asText()).isEqualTo("password");
        }
    }

    @Test
    void a_value_its_value_object_refuses_is_a_400_naming_the_field() {
        try (var server = server()) {
            var email = assertProblem(server.post("/api/v1/accounts",
                    "{\"handle\":\"Alice\",\"email\":\"not-an-address\",\"password\":\"correct horse battery\"}"), 400, "validation-failed");
            assertThat(email.path("field").asText()).isEqualTo("email");
            assertThat(email.path("detail").asText()).startsWith("The field 'email' is not an email address");

            var handle = assertProblem(server.post("/api/v1/accounts",
                    "{\"handle\":\"9lives\",\"email\":\"a@example.test\",\"password\":\"correct horse battery\"}"), 400, "validation-failed");
            assertThat(handle.path("field").asText()).isEqualTo("handle");
        }
    }

    @Test
    void a_missing_field_is_a_400_naming_it() {
        try (var server = server()) {
            var problem = assertProblem(server.post("/api/v1/accounts",
                    "{\"handle\":\"Alice\",\"email\":\"alice@example.test\"}"), 400, "validation-failed");
            assertThat(problem.path("field").asText()).isEqualTo("password");
            assertThat(problem.path("detail").asText()).isEqualTo("The field 'password' is required.");
        }
    }

    @Test
    void verifying_answers_200_verified() {
        try (var server = server()) {
            var response = server.post("/api/v1/accounts/verify", "{\"handle\":\"Alice\",\"code\":\"123456\"}");
            assertThat(response.statusCode()).isEqualTo(200);
            var body = json(response);
            assertThat(body.path("accountId").asText()).isEqualTo(ACCOUNT.toString());
            assertThat(body.path("handle").asText()).isEqualTo("Alice");
            assertThat(body.path("verified").asBoolean()).isTrue();
        }
    }

    @Test
    void a_wrong_or_expired_code_is_a_400_that_says_what_to_do() {
        try (var server = server()) {
            verifyEmail = cmd -> { throw new AccountRejected(new AccountRejected.WrongCode()); };
            var wrong = assertProblem(server.post("/api/v1/accounts/verify", "{\"handle\":\"Alice\",\"code\":\"000000\"}"),
                    400, "validation-failed");
            assertThat(wrong.path("field").asText()).isEqualTo("code");
            assertThat(wrong.path("detail").asText()).contains("6-digit code").contains("/api/v1/accounts/verify/resend");

            verifyEmail = cmd -> { throw new AccountRejected(new AccountRejected.CodeExpired()); };
            var expired = assertProblem(server.post("/api/v1/accounts/verify", "{\"handle\":\"Alice\",\"code\":\"000000\"}"),
                    400, "validation-failed");
            assertThat(expired.path("detail").asText()).contains("expired").contains("/api/v1/accounts/verify/resend");
        }
    }

    @Test
    void a_missing_code_is_a_400_naming_it() {
        try (var server = server()) {
            var problem = assertProblem(server.post("/api/v1/accounts/verify", "{\"handle\":\"Alice\"}"), 400, "validation-failed");
            assertThat(problem.path("field").asText()).isEqualTo("code");
        }
    }

    @Test
    void asking_for_a_new_code_is_accepted_whatever_the_handle() {
        var asked = new AtomicReference<ResendVerification.Command>();
        resendVerification = asked::set;
        try (var server = server()) {
            assertThat(server.post("/api/v1/accounts/verify/resend", "{\"handle\":\"Alice\"}").statusCode()).isEqualTo(202);
        }
        assertThat(asked.get().handle().value()).isEqualTo("Alice");
    }
}

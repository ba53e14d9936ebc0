package dev.scrollback.adapters.web.accounts;

import static dev.scrollback.adapters.web.TestServer.assertProblem;
import static dev.scrollback.adapters.web.TestServer.bearer;
import static dev.scrollback.adapters.web.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.web.Sessions;
import dev.scrollback.adapters.web.TestServer;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.accounts.DisableTotp;
import dev.scrollback.application.accounts.EnrolTotp;
import dev.scrollback.application.accounts.LogInCaller;
import dev.scrollback.domain.accounts.AccountRejected;
import dev.scrollback.domain.accounts.AccountRejected.TotpRequired;
import dev.scrollback.domain.accounts.AccountRejected.WrongPassword;
import dev.scrollback.domain.accounts.AccountRejected.WrongTotp;
import dev.scrollback.domain.accounts.Secret;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Enrolling and disabling TOTP over HTTP, and the login that needs a code. */
class TotpRoutesTest {
    static final String PASSWORD = "correct horse battery";

    @TempDir Path keys;
    Sessions sessions;
    Caller alice;
    final AtomicReference<Secret> passwordSeen = new AtomicReference<>();
    EnrolTotp enrol;
    DisableTotp disable;
    LogInCaller logIn;

    @BeforeEach
    void setUp() {
        sessions = new Sessions(keys);
        alice = sessions.open("alice");
        enrol = (caller, password, origin) -> {
            passwordSeen.set(password);
            if (!password.value().equals(PASSWORD)) throw new AccountRejected(new WrongPassword());
            return new EnrolTotp.Enrolment(URI.create("otpauth://totp/Scrollback:alice?secret=JBSWY3DPEHPK3PXP"),
                    "JBSWY3DPEHPK3PXP", List.of("AAAAA-BBBBB", "CCCCC-DDDDD"));
        };
        disable = (caller, password, origin) -> {
            if (!password.value().equals(PASSWORD)) throw new AccountRejected(new WrongPassword());
        };
        logIn = cmd -> {
            if (cmd.totp().isEmpty()) throw new AccountRejected(new TotpRequired());
            if (!cmd.totp().get().value().equals("123456")) throw new AccountRejected(new WrongTotp());
            return alice;
        };
    }

    TestServer server() {
        return TestServer.start(new TotpRoutes((c, p, o) -> enrol.enrol(c, p, o), (c, p, o) -> disable.disable(c, p, o),
                        sessions.authentication),
                new SessionRoutes(c -> logIn.logIn(c), (c, o) -> {}, (s, a, g, o) -> { throw new AssertionError("not asked"); }, sessions.authentication));
    }

    String[] auth() {
        return new String[] {"Authorization", bearer(sessions.accessToken(alice))};
    }

    @Test
    void enrolling_answers_201_with_the_otpauth_uri_and_the_recovery_codes_uncached() {
        try (var server = server()) {
            var response = server.post("/api/v1/me/totp", "{\"password\":\"" + PASSWORD + "\"}", auth());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
            var body = json(response);
            assertThat(body.path("otpauthUri").asText()).startsWith("otpauth://totp/");
            assertThat(body.path("secret").asText()).isEqualTo("JBSWY3DPEHPK3PXP");
            assertThat(body.path("recoveryCodes")).hasSize(2);
        }
        assertThat(passwordSeen.get().value()).isEqualTo(PASSWORD);
    }

    @Test
    void enrolling_needs_a_login_and_the_right_password() {
        try (var server = server()) {
            assertThat(server.post("/api/v1/me/totp", "{\"password\":\"" + PASSWORD + "\"}").statusCode()).isEqualTo(401);
            assertProblem(server.post("/api/v1/me/totp", "{\"password\":\"guess\"}", auth()), 403, "wrong-password");
            assertProblem(server.post("/api/v1/me/totp", "{}", auth()), 400, "validation-failed");
            assertProblem(server.post("/api/v1/me/totp", "[\"x\"]", auth()), 400, "validation-failed");
        }
    }

    @Test
    void disabling_answers_204_with_the_right_password_and_403_without() {
        try (var server = server()) {
            var delete = server.send(server.request("/api/v1/me/totp", auth()).header("Content-Type", "application/json")
                    .method("DELETE", HttpRequest.BodyPublishers.ofString("{\"password\":\"" + PASSWORD + "\"}")));
            assertThat(delete.statusCode()).isEqualTo(204);
            var wrong = server.send(server.request("/api/v1/me/totp", auth()).header("Content-Type", "application/json")
                    .method("DELETE", HttpRequest.BodyPublishers.ofString("{\"password\":\"guess\"}")));
            assertProblem(wrong, 403, "wrong-password");
        }
    }

    @Test
    void a_login_that_needs_a_code_answers_401_totp_required_until_the_right_totp_is_sent() {
        try (var server = server()) {
            var login = "{\"handle\":\"alice\",\"password\":\"" + PASSWORD + "\"";
            var required = assertProblem(server.post("/api/v1/sessions", login + "}"), 401, "totp-required");
            assertThat(required.path("detail").asText()).contains("\"totp\"");
            assertProblem(server.post("/api/v1/sessions", login + ",\"totp\":\"654321\"}"), 401, "wrong-totp");
            assertThat(server.post("/api/v1/sessions", login + ",\"totp\":\"123456\"}").statusCode()).isEqualTo(201);
        }
    }

    @Test
    void the_totp_field_reaches_the_use_case_and_a_blank_one_is_none() {
        var seen = new AtomicReference<Optional<Secret>>();
        logIn = cmd -> {
            seen.set(cmd.totp());
            return alice;
        };
        try (var server = server()) {
            server.post("/api/v1/sessions", "{\"handle\":\"alice\",\"password\":\"x\",\"totp\":\"  \"}");
            assertThat(seen.get()).isEmpty();
            server.post("/api/v1/sessions", "{\"handle\":\"alice\",\"password\":\"x\",\"totp\":\"AAAAA-BBBBB\"}");
            assertThat(seen.get()).hasValueSatisfying(s -> assertThat(s.value()).isEqualTo("AAAAA-BBBBB"));
        }
    }
}

package dev.scrollback.adapters.web.accounts;

import static dev.scrollback.adapters.web.TestServer.assertProblem;
import static dev.scrollback.adapters.web.TestServer.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.web.Sessions;
import dev.scrollback.adapters.web.TestServer;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.accounts.ChangePassword;
import dev.scrollback.domain.accounts.AccountRejected;
import dev.scrollback.domain.accounts.AccountRejected.WeakPassword;
import dev.scrollback.domain.accounts.AccountRejected.WrongPassword;
import dev.scrollback.domain.accounts.PasswordPolicy;
import dev.scrollback.domain.accounts.Secret;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Changing the password over HTTP. */
class PasswordRoutesTest {
    static final String CURRENT = "correct horse battery";
    static final String NEXT = "a new and longer passphrase";

    @TempDir Path keys;
    Sessions sessions;
    Caller alice;
    final AtomicReference<Caller> callerSeen = new AtomicReference<>();
    final AtomicReference<Secret> nextSeen = new AtomicReference<>();
    ChangePassword changePassword;

    @BeforeEach
    void setUp() {
        sessions = new Sessions(keys);
        alice = sessions.open("alice");
        changePassword = (caller, current, next, origin) -> {
            if (!current.value().equals(CURRENT)) throw new AccountRejected(new WrongPassword());
            if (next.value().length() < PasswordPolicy.MIN_LENGTH) {
                throw new AccountRejected(new WeakPassword(PasswordPolicy.Weakness.TOO_SHORT));
            }
            callerSeen.set(caller);
            nextSeen.set(next);
        };
    }

    TestServer server() {
        return TestServer.start(new PasswordRoutes((c, cur, n, o) -> changePassword.change(c, cur, n, o),
                sessions.authentication));
    }

    String[] auth() {
        return new String[] {"Authorization", bearer(sessions.accessToken(alice))};
    }

    static String body(String current, String next) {
        return "{\"currentPassword\":\"" + current + "\",\"newPassword\":\"" + next + "\"}";
    }

    @Test
    void the_right_current_password_and_a_good_new_one_answer_204() {
        try (var server = server()) {
            var response = server.post("/api/v1/me/password", body(CURRENT, NEXT), auth());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        }
        assertThat(callerSeen.get()).isEqualTo(alice);
        assertThat(nextSeen.get().value()).isEqualTo(NEXT);
    }

    @Test
    void a_wrong_current_password_is_403_and_a_weak_new_one_422() {
        try (var server = server()) {
            assertProblem(server.post("/api/v1/me/password", body("guess", NEXT), auth()), 403, "wrong-password");
            var weak = assertProblem(server.post("/api/v1/me/password", body(CURRENT, "short"), auth()), 422, "weak-password");
            assertThat(weak.path("detail").asText()).isEqualTo(PasswordPolicy.Weakness.TOO_SHORT.explanation());
        }
        assertThat(nextSeen.get()).isNull();
    }

    @Test
    void it_needs_a_login_and_both_fields() {
        try (var server = server()) {
            assertThat(server.post("/api/v1/me/password", body(CURRENT, NEXT)).statusCode()).isEqualTo(401);
            assertProblem(server.post("/api/v1/me/password", "{\"currentPassword\":\"" + CURRENT + "\"}", auth()), 400,
                    "validation-failed");
            assertProblem(server.post("/api/v1/me/password", "{\"newPassword\":\"" + NEXT + "\"}", auth()), 400,
                    "validation-failed");
            assertProblem(server.post("/api/v1/me/password", "[1,2]", auth()), 400, "validation-failed");
            assertProblem(server.post("/api/v1/me/password", "{\"currentPassword\":", auth()), 400, "validation-failed");
        }
        assertThat(nextSeen.get()).isNull();
    }
}

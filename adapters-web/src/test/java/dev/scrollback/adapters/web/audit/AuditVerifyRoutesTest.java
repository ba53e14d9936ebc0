package dev.scrollback.adapters.web.audit;

import static dev.scrollback.adapters.web.TestServer.assertProblem;
import static dev.scrollback.adapters.web.TestServer.bearer;
import static dev.scrollback.adapters.web.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.web.Sessions;
import dev.scrollback.adapters.web.TestServer;
import dev.scrollback.application.accounts.AccessDenied;
import dev.scrollback.application.audit.AuditVerification;
import dev.scrollback.domain.accounts.Role;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditVerifyRoutesTest {
    @TempDir Path keys;
    Sessions sessions;
    AuditVerification result;

    @BeforeEach
    void setUp() {
        sessions = new Sessions(keys);
    }

    TestServer server() {
        return TestServer.start(new AuditVerifyRoutes(caller -> {
            AccessDenied.unlessAny(caller, Role.SYSOP, Role.AUDITOR);
            return result;
        }, sessions.authentication));
    }

    String token(Role... roles) {
        return bearer(sessions.accessToken(sessions.open("ledger", roles)));
    }

    @Test
    void a_verified_log_says_how_much_was_checked() {
        result = AuditVerification.passed(1503, 3);
        try (var server = server()) {
            var response = server.get(AuditVerifyRoutes.PATH, "Authorization", token(Role.AUDITOR, Role.MEMBER));
            assertThat(response.statusCode()).isEqualTo(200);
            var body = json(response);
            assertThat(body.path("verified").asBoolean()).isTrue();
            assertThat(body.path("events").asLong()).isEqualTo(1503);
            assertThat(body.path("checkpoints").asLong()).isEqualTo(3);
            assertThat(body.has("firstBadPosition")).isFalse();
            assertThat(body.has("reason")).isFalse();
        }
    }

    @Test
    void a_tampered_log_names_the_first_bad_position_and_why() {
        result = AuditVerification.failed(3, 0, 4, "the event at position 4 differs from the one sealed: it was altered");
        try (var server = server()) {
            var body = json(server.get(AuditVerifyRoutes.PATH, "Authorization", token(Role.SYSOP, Role.MEMBER)));
            assertThat(body.path("verified").asBoolean()).isFalse();
            assertThat(body.path("firstBadPosition").asLong()).isEqualTo(4);
            assertThat(body.path("reason").asText()).contains("altered");
        }
    }

    @Test
    void a_member_is_refused() {
        result = AuditVerification.passed(0, 0);
        try (var server = server()) {
            assertProblem(server.get(AuditVerifyRoutes.PATH, "Authorization", token(Role.MEMBER)), 403, "forbidden");
        }
    }
}

package dev.scrollback.adapters.web.audit;

import static dev.scrollback.adapters.web.TestServer.assertProblem;
import static dev.scrollback.adapters.web.TestServer.bearer;
import static dev.scrollback.adapters.web.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.web.Sessions;
import dev.scrollback.adapters.web.TestServer;
import dev.scrollback.application.accounts.AccessDenied;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.audit.AuditEntry;
import dev.scrollback.application.audit.AuditFilter;
import dev.scrollback.application.audit.AuditPage;
import dev.scrollback.application.audit.ReadAuditLog;
import dev.scrollback.application.shared.Actor;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.RemoteAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditRoutesTest {
    static final Instant T0 = Instant.parse("2031-05-01T12:00:00Z");
    static final AccountId ALICE = new AccountId(UUID.fromString("0195f0a0-0000-7000-8000-0000000000a1"));

    @TempDir Path keys;
    Sessions sessions;
    String auditorToken;
    ReadAuditLog readAuditLog;

    @BeforeEach
    void setUp() {
        sessions = new Sessions(keys);
        auditorToken = sessions.accessToken(sessions.open("ledger", Role.AUDITOR, Role.MEMBER));
    }

    TestServer server() {
        return TestServer.start(new AuditRoutes((caller, filter, after, limit) -> readAuditLog.read(caller, filter, after, limit),
                sessions.authentication));
    }

    static AuditEntry entry(long position, String summary) {
        return new AuditEntry(position, T0.plusSeconds(position), "LoginFailed", Actor.anonymous(), Channel.TELNET,
                Optional.of(new RemoteAddress("192.0.2.7")), Optional.empty(), summary, Optional.of(ALICE),
                Optional.of(new Handle("alice")));
    }

    /** A log of {@code count} entries that honours after and limit, and remembers the filter it was asked with. */
    ReadAuditLog logOf(int count, AtomicReference<AuditFilter> asked) {
        var all = LongStream.rangeClosed(1, count).mapToObj(p -> entry(p, "login failed for alice: wrong password")).toList();
        return (caller, filter, after, limit) -> {
            asked.set(filter);
            var page = new ArrayList<AuditEntry>();
            for (var e : all) if (e.position() > after && page.size() < limit) page.add(e);
            return new AuditPage(page, page.size() == limit ? page.getLast().position() : Math.max(after, count));
        };
    }

    @Test
    void an_auditor_reads_a_page_of_entries_with_their_envelope() {
        var asked = new AtomicReference<AuditFilter>();
        readAuditLog = logOf(3, asked);
        try (var server = server()) {
            var response = server.get(AuditRoutes.PATH + "?limit=2", "Authorization", bearer(auditorToken));
            assertThat(response.statusCode()).isEqualTo(200);
            var body = json(response);
            assertThat(body.path("next").asLong()).isEqualTo(2);
            var first = body.path("entries").get(0);
            assertThat(first.path("position").asLong()).isEqualTo(1);
            assertThat(first.path("at").asText()).isEqualTo("2031-05-01T12:00:01Z");
            assertThat(first.path("type").asText()).isEqualTo("LoginFailed");
            assertThat(first.path("actor").path("kind").asText()).isEqualTo("user");
            assertThat(first.path("channel").asText()).isEqualTo("telnet");
            assertThat(first.path("address").asText()).isEqualTo("192.0.2.7");
            assertThat(first.path("subject").path("handle").asText()).isEqualTo("alice");
            assertThat(first.path("summary").asText()).isEqualTo("login failed for alice: wrong password");

            var rest = json(server.get(AuditRoutes.PATH + "?limit=2&after=2", "Authorization", bearer(auditorToken)));
            assertThat(rest.path("entries")).hasSize(1);
            assertThat(rest.path("next").asLong()).isEqualTo(3);
        }
    }

    @Test
    void filters_are_parsed_and_passed_on() {
        var asked = new AtomicReference<AuditFilter>();
        readAuditLog = logOf(0, asked);
        try (var server = server()) {
            server.get(AuditRoutes.PATH + "?actor=keeper&account=alice&type=RoleGranted&from=2031-05-01T00:00:00Z"
                    + "&to=2031-05-02T00:00:00Z&address=::1&channel=web", "Authorization", bearer(auditorToken));
        }
        assertThat(asked.get()).isEqualTo(new AuditFilter(Optional.of("keeper"), Optional.of("alice"), Optional.of("RoleGranted"),
                Optional.of(Instant.parse("2031-05-01T00:00:00Z")), Optional.of(Instant.parse("2031-05-02T00:00:00Z")),
                Optional.of(new RemoteAddress("::1")), Optional.of(Channel.WEB)));
    }

    @Test
    void bad_filters_are_400s_naming_the_parameter() {
        readAuditLog = logOf(0, new AtomicReference<>());
        try (var server = server()) {
            var cases = List.of("type=login-failed", "from=yesterday", "to=2031-13-01T00:00:00Z",
                    "from=2031-05-02T00:00:00Z&to=2031-05-01T00:00:00Z", "address=localhost", "channel=gopher",
                    "after=-1", "after=abc", "limit=0", "limit=1001", "actor=" + "x".repeat(65));
            var fields = List.of("type", "from", "to", "to", "address", "channel", "after", "after", "limit", "limit", "actor");
            for (int i = 0; i < cases.size(); i++) {
                var problem = assertProblem(server.get(AuditRoutes.PATH + "?" + cases.get(i), "Authorization",
                        bearer(auditorToken)), 400, "validation-failed");
                assertThat(problem.path("field").asText()).as(cases.get(i)).isEqualTo(fields.get(i));
            }
            var format = assertProblem(server.get(AuditRoutes.EXPORT + "?format=xml", "Authorization", bearer(auditorToken)),
                    400, "validation-failed");
            assertThat(format.path("field").asText()).isEqualTo("format");
        }
    }

    @Test
    void members_get_a_403_and_strangers_a_401_on_both_routes() {
        readAuditLog = (caller, filter, after, limit) -> { throw new AccessDenied(Set.of(Role.SYSOP, Role.AUDITOR)); };
        var member = sessions.accessToken(sessions.open("alice", Role.MEMBER, Role.MODERATOR));
        try (var server = server()) {
            var problem = assertProblem(server.get(AuditRoutes.PATH, "Authorization", bearer(member)), 403, "forbidden");
            assertThat(problem.path("detail").asText()).contains("auditor").contains("sysop");
            assertProblem(server.get(AuditRoutes.EXPORT + "?format=csv", "Authorization", bearer(member)), 403, "forbidden");
            assertProblem(server.get(AuditRoutes.PATH), 401, "unauthorized");
            assertProblem(server.get(AuditRoutes.EXPORT), 401, "unauthorized");
        }
    }

    @Test
    void the_export_streams_every_page_as_json_lines() {
        readAuditLog = logOf(2_345, new AtomicReference<>());
        try (var server = server()) {
            var response = server.get(AuditRoutes.EXPORT + "?after=5", "Authorization", bearer(auditorToken));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/x-ndjson"));
            var lines = response.body().split("\n");
            assertThat(lines).hasSize(2_340);
            assertThat(lines[0]).startsWith("{\"position\":6,");
            assertThat(lines[2_339]).startsWith("{\"position\":2345,");
        }
    }

    @Test
    void the_csv_export_has_a_header_and_escapes_what_a_spreadsheet_would_misread() {
        var hostile = new AuditEntry(9, T0, "AccountLocked", Actor.user(ALICE, new Handle("keeper")), Channel.WEB,
                Optional.empty(), Optional.empty(), "account locked (sysop) until unlocked: =cmd|' /C calc'!A0, \"really\"",
                Optional.of(ALICE), Optional.of(new Handle("alice")));
        readAuditLog = (caller, filter, after, limit) -> new AuditPage(after < 9 ? List.of(hostile) : List.of(), 9);
        try (var server = server()) {
            var response = server.get(AuditRoutes.EXPORT + "?format=csv", "Authorization", bearer(auditorToken));
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
            var lines = response.body().split("\r\n");
            assertThat(lines[0]).isEqualTo(String.join(",", AuditExport.CSV_HEADER));
            assertThat(lines[1]).isEqualTo("9,2031-05-01T12:00:00Z,AccountLocked,user," + ALICE + ",keeper,web,,," + ALICE
                    + ",alice,\"account locked (sysop) until unlocked: =cmd|' /C calc'!A0, \"\"really\"\"\"");
            assertThat(lines).hasSize(2);
        }
    }

    @Test
    void a_summary_that_starts_like_a_formula_is_defused_in_csv() {
        var line = AuditExport.csvLine(entry(1, "=1+1"));
        assertThat(line).endsWith(",\"'=1+1\"\r\n");
    }
}

package dev.scrollback.adapters.web.history;

import static dev.scrollback.adapters.web.TestServer.assertProblem;
import static dev.scrollback.adapters.web.TestServer.bearer;
import static dev.scrollback.adapters.web.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.web.Sessions;
import dev.scrollback.adapters.web.TestServer;
import dev.scrollback.application.accounts.AccessDenied;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.history.AsOf;
import dev.scrollback.application.history.BoardAsItWas;
import dev.scrollback.application.history.EventMark;
import dev.scrollback.application.history.HistoryPoint;
import dev.scrollback.application.history.Reckoning;
import dev.scrollback.application.history.ShowAccountAsOf;
import dev.scrollback.application.history.ShowBoardAsOf;
import dev.scrollback.application.history.ShowThreadAsOf;
import dev.scrollback.application.history.ThreadAsItWas;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.boards.BoardAccess;
import dev.scrollback.domain.boards.BoardName;
import dev.scrollback.domain.boards.ConferenceName;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The routes read the point, the page and the ids, refuse anything else with a problem, and write the answer. */
class HistoryRoutesTest {
    static final Instant T = Instant.parse("2031-05-01T12:00:00Z");

    @TempDir Path keys;
    Sessions sessions;
    final AtomicReference<HistoryPoint> asked = new AtomicReference<>();
    final AtomicReference<int[]> page = new AtomicReference<>();

    @BeforeEach
    void setUp() {
        sessions = new Sessions(keys);
    }

    TestServer server() {
        ShowAccountAsOf accounts = (caller, who, point) -> {
            check(caller, point);
            return new AsOf.NotYet<>(new EventMark(5, T, "AccountRegistered"), new Reckoning(point, Optional.empty(), 9, Optional.empty()));
        };
        ShowBoardAsOf boards = (caller, board, point, offset, limit) -> {
            check(caller, point);
            page.set(new int[] {offset, limit});
            return new AsOf.Existed<>(new BoardAsItWas(board, new ConferenceName("Main"), new BoardName("General"), "",
                    BoardAccess.members(), T, 0, offset, List.of()),
                    new Reckoning(point, Optional.of(T), 9, Optional.of(new EventMark(3, T, "BoardCreated"))));
        };
        ShowThreadAsOf threads = (caller, thread, point) -> {
            check(caller, point);
            throw new dev.scrollback.domain.boards.BoardRejected(new dev.scrollback.domain.boards.BoardRejected.NoSuchThread());
        };
        return TestServer.start(new HistoryRoutes(accounts, boards, threads, sessions.authentication));
    }

    private void check(Caller caller, HistoryPoint point) {
        AccessDenied.unlessAny(caller, Role.SYSOP, Role.AUDITOR);
        asked.set(point);
    }

    String auditor() {
        return bearer(sessions.accessToken(sessions.open("ledger", Role.AUDITOR, Role.MEMBER)));
    }

    @Test
    void a_time_or_a_position_reaches_the_use_case_and_the_answer_names_its_point() {
        try (var server = server()) {
            var before = json(server.get("/api/v1/history/accounts/amiga?at=2031-05-01T14:00:00%2B02:00", "Authorization", auditor()));
            assertThat(asked.get()).isEqualTo(new HistoryPoint.AtTime(T));
            assertThat(before.path("existed").asBoolean()).isFalse();
            assertThat(before.path("account").isNull()).isTrue();
            assertThat(before.path("firstEvent").path("position").asLong()).isEqualTo(5);
            assertThat(before.path("asOf").path("at").asText()).isEqualTo("2031-05-01T12:00:00Z");
            assertThat(before.path("head").asLong()).isEqualTo(9);

            var board = UUID.randomUUID();
            var answer = json(server.get("/api/v1/history/boards/" + board + "?position=7&offset=20&limit=1000",
                    "Authorization", auditor()));
            assertThat(asked.get()).isEqualTo(new HistoryPoint.AtPosition(7));
            assertThat(page.get()).containsExactly(20, 1000);
            assertThat(answer.path("asOf").path("position").asLong()).isEqualTo(7);
            assertThat(answer.path("board").path("id").asText()).isEqualTo(board.toString());
            assertThat(answer.path("board").path("readers").get(0).asText()).isEqualTo("member");
            assertThat(answer.path("lastEvent").path("type").asText()).isEqualTo("BoardCreated");

            json(server.get("/api/v1/history/boards/" + board + "?position=7", "Authorization", auditor()));
            assertThat(page.get()).containsExactly(0, 100);
        }
    }

    @Test
    void a_missing_doubled_or_malformed_point_is_a_400_problem_naming_it() {
        var board = "/api/v1/history/boards/" + UUID.randomUUID();
        try (var server = server()) {
            var token = auditor();
            for (var query : List.of("", "?at=", "?position=", "?at=" + T + "&position=1", "?at=" + T + "&at=" + T,
                    "?position=1&position=1", "?at=yesterday", "?at=" + URLEncoder.encode("2".repeat(5000), StandardCharsets.UTF_8),
                    "?at=2031-05-01T12:00:00", "?position=-1", "?position=1e3", "?position=99999999999999999999",
                    "?position=%EF%BC%91", "?position=1&limit=0", "?position=1&limit=1001", "?position=1&limit=ten",
                    "?position=1&offset=-1", "?position=1&offset=99999999999")) {
                assertProblem(server.get(board + query, "Authorization", token), 400, "validation-failed");
            }
            assertProblem(server.get("/api/v1/history/boards/not-a-uuid?position=1", "Authorization", token), 400, "validation-failed");
            assertProblem(server.get("/api/v1/history/threads/" + "9".repeat(5000) + "?position=1", "Authorization", token),
                    400, "validation-failed");
            assertThat(asked.get()).as("nothing reached the use case").isNull();
        }
    }

    @Test
    void a_member_is_refused_an_unknown_thread_is_404_and_no_token_is_401() {
        try (var server = server()) {
            var member = bearer(sessions.accessToken(sessions.open("amiga", Role.MEMBER)));
            assertProblem(server.get("/api/v1/history/accounts/amiga?position=1", "Authorization", member), 403, "forbidden");
            assertProblem(server.get("/api/v1/history/threads/" + UUID.randomUUID() + "?position=1", "Authorization", auditor()),
                    404, "not-found");
            assertProblem(server.get("/api/v1/history/accounts/amiga?position=1"), 401, "unauthorized");
        }
    }
}

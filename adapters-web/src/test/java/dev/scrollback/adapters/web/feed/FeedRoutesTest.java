package dev.scrollback.adapters.web.feed;

import static dev.scrollback.adapters.web.TestServer.assertProblem;
import static dev.scrollback.adapters.web.TestServer.bearer;
import static dev.scrollback.adapters.web.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.web.Sessions;
import dev.scrollback.adapters.web.TestServer;
import dev.scrollback.application.accounts.AccessDenied;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.feed.FeedItem;
import dev.scrollback.application.feed.FeedPage;
import dev.scrollback.application.feed.JsonText;
import dev.scrollback.application.feed.ReadFeed;
import dev.scrollback.application.shared.Actor;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.StreamId;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.InvalidValue;
import dev.scrollback.domain.shared.RemoteAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedRoutesTest {
    /** Odd spacing, key order and escapes on purpose: it must come out exactly as stored. */
    static final String STORED = "{ \"handle\" :\"alice\",  \"email\":\"a\\u0040example.test\",\"at\":\"2025-03-01T20:00:00Z\", \"n\":1.50 }";

    @TempDir Path keys;
    Sessions sessions;
    Caller sysop;
    String token;
    ReadFeed readFeed;

    @BeforeEach
    void setUp() {
        sessions = new Sessions(keys);
        sysop = sessions.open("root-of-all", Role.SYSOP);
        token = sessions.accessToken(sysop);
    }

    TestServer server() {
        return TestServer.start(new FeedRoutes((caller, after, limit) -> readFeed.read(caller, after, limit), sessions.authentication));
    }

    @Test
    void a_page_carries_each_event_with_its_stored_data_byte_for_byte() {
        var id = UUID.fromString("01958f2e-0000-7000-8000-00000000000a");
        var account = UUID.fromString("01958f2e-0000-7000-8000-00000000000b");
        var correlation = UUID.fromString("01958f2e-0000-7000-8000-00000000000c");
        var session = UUID.fromString("01958f2e-0000-7000-8000-00000000000d");
        var item = new FeedItem(7, id, "AccountRegistered", 1, new StreamId("account-" + account), 0,
                Instant.parse("2025-03-01T20:00:00.123Z"), new Actor(Actor.Kind.USER, Optional.of(account.toString()), Optional.of("alice")),
                new Origin(Channel.WEB, Optional.of(new RemoteAddress("192.0.2.7")), Optional.of(new dev.scrollback.domain.shared.SessionId(session))),
                correlation, Optional.empty(), new JsonText(STORED));
        var asked = new AtomicReference<String>();
        readFeed = (caller, after, limit) -> {
            asked.set(caller.handle().value() + " " + after + " " + limit);
            return new FeedPage(List.of(item), 7);
        };
        try (var server = server()) {
            var response = server.get("/api/v1/events", "Authorization", bearer(token));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"data\":" + STORED + "}");
            assertThat(response.body()).isEqualTo("{\"events\":[{\"position\":7,\"id\":\"" + id + "\",\"type\":\"AccountRegistered\","
                    + "\"schemaVersion\":1,\"stream\":\"account-" + account + "\",\"version\":0,\"occurredAt\":\"2025-03-01T20:00:00.123Z\","
                    + "\"actor\":{\"kind\":\"user\",\"id\":\"" + account + "\",\"handle\":\"alice\"},"
                    + "\"origin\":{\"channel\":\"web\",\"address\":\"192.0.2.7\",\"sessionId\":\"" + session + "\"},"
                    + "\"correlationId\":\"" + correlation + "\",\"causationId\":null,\"data\":" + STORED + "}],\"next\":7}");
        }
        assertThat(asked.get()).isEqualTo("root-of-all 0 100");
    }

    @Test
    void after_and_limit_are_passed_on() {
        var asked = new AtomicReference<String>();
        readFeed = (caller, after, limit) -> {
            asked.set(after + " " + limit);
            return new FeedPage(List.of(), after);
        };
        try (var server = server()) {
            var response = server.get("/api/v1/events?after=41&limit=1000", "Authorization", bearer(token));
            assertThat(response.body()).isEqualTo("{\"events\":[],\"next\":41}");
        }
        assertThat(asked.get()).isEqualTo("41 1000");
    }

    @Test
    void non_numbers_and_limits_out_of_range_are_400s_naming_the_parameter() {
        readFeed = (caller, after, limit) -> {
            if (after > 1_000_000) throw new InvalidValue("after", "is beyond the end");
            return new FeedPage(List.of(), after);
        };
        try (var server = server()) {
            for (var query : new String[] {"after=abc", "after=-1", "after=1.5", "after=99999999999999999999", "after=%00"}) {
                var problem = assertProblem(server.get("/api/v1/events?" + query, "Authorization", bearer(token)), 400, "validation-failed");
                assertThat(problem.path("field").asText()).as(query).isEqualTo("after");
            }
            for (var query : new String[] {"limit=0", "limit=1001", "limit=ten", "limit=99999999999"}) {
                var problem = assertProblem(server.get("/api/v1/events?" + query, "Authorization", bearer(token)), 400, "validation-failed");
                assertThat(problem.path("field").asText()).as(query).isEqualTo("limit");
            }
            var fromUseCase = assertProblem(server.get("/api/v1/events?after=2000000", "Authorization", bearer(token)), 400, "validation-failed");
            assertThat(fromUseCase.path("field").asText()).isEqualTo("after");
        }
    }

    @Test
    void callers_who_are_not_sysops_get_a_403_forbidden() {
        readFeed = (caller, after, limit) -> { throw new AccessDenied(Set.of(Role.SYSOP)); };
        var member = sessions.open("alice", Role.MEMBER);
        try (var server = server()) {
            var response = server.get("/api/v1/events", "Authorization", bearer(sessions.accessToken(member)));
            var problem = assertProblem(response, 403, "forbidden");
            assertThat(problem.path("detail").asText()).contains("sysop");
            assertProblem(server.get("/api/v1/events"), 401, "unauthorized");
        }
    }

    @Test
    void the_page_is_json() {
        readFeed = (caller, after, limit) -> new FeedPage(List.of(), 0);
        try (var server = server()) {
            var response = server.get("/api/v1/events", "Authorization", bearer(token));
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
            assertThat(json(response).path("next").asLong()).isZero();
        }
    }
}

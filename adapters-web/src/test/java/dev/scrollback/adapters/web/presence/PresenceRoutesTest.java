package dev.scrollback.adapters.web.presence;

import static dev.scrollback.adapters.web.TestServer.assertProblem;
import static dev.scrollback.adapters.web.TestServer.bearer;
import static dev.scrollback.adapters.web.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.web.Sessions;
import dev.scrollback.adapters.web.TestServer;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.presence.Online;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.SessionId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PresenceRoutesTest {
    @TempDir Path keys;

    @Test
    void who_is_online_lists_handles_with_lower_case_channels() {
        var sessions = new Sessions(keys);
        var alice = sessions.open("alice", Role.MEMBER);
        var viewer = new AtomicReference<Caller>();
        var online = List.of(
                new Online(new SessionId(UUID.randomUUID()), new Handle("bob"), Channel.TELNET, Instant.parse("2025-03-01T19:00:00Z")),
                new Online(alice.session(), alice.handle(), Channel.WEB, Instant.parse("2025-03-01T19:30:00Z")));
        try (var server = TestServer.start(new PresenceRoutes(caller -> {
            viewer.set(caller);
            return online;
        }, sessions.authentication))) {
            var response = server.get("/api/v1/presence", "Authorization", bearer(sessions.accessToken(alice)));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(json(response).toString()).isEqualTo("{\"online\":["
                    + "{\"handle\":\"bob\",\"channel\":\"telnet\",\"since\":\"2025-03-01T19:00:00Z\"},"
                    + "{\"handle\":\"alice\",\"channel\":\"web\",\"since\":\"2025-03-01T19:30:00Z\"}]}");

            assertProblem(server.get("/api/v1/presence"), 401, "unauthorized");
        }
        assertThat(viewer.get()).isEqualTo(alice);
    }
}

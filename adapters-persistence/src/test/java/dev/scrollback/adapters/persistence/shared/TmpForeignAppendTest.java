package dev.scrollback.adapters.persistence.shared;

import static dev.scrollback.adapters.persistence.shared.SampleEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.application.presence.OnlineCallers;
import dev.scrollback.application.shared.ExpectedVersion;
import dev.scrollback.application.shared.StreamAppend;
import dev.scrollback.domain.sessions.SessionEvent;
import dev.scrollback.domain.sessions.SessionEvent.SessionStarted;
import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.SessionId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TmpForeignAppendTest {
    @Test
    void projections_see_appends_by_another_instance_sharing_the_database() throws Exception {
        var online = new OnlineCallers();
        try (var schema = new PostgresSchema(); var mine = EventStore.open(schema.settings());
             var theirs = EventStore.open(schema.settings());
             var projections = Projections.start(mine, List.of(Projection.of("presence", SessionEvent.class, online::apply)))) {
            projections.awaitCaughtUp(Duration.ofSeconds(30));
            var session = new SessionId(UUID.randomUUID());
            var started = new SessionStarted(session, ACCOUNT, ALICE, Channel.TELNET, Optional.empty(), Optional.empty(), T0);
            theirs.eventLog().append(new StreamAppend(streamOf(started), ExpectedVersion.noStream(), List.of(started)), metadata());
            projections.awaitCaughtUp(Duration.ofSeconds(30));     // waits for the position the other instance appended at
            assertThat(online.openSessions()).extracting(SessionStarted::session).containsExactly(session);
        }
    }
}

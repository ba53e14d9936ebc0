package dev.scrollback.application.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrollback.application.accounts.AccessDenied;
import dev.scrollback.application.accounts.AccountStreams;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.shared.Actor;
import dev.scrollback.application.shared.ControlledClock;
import dev.scrollback.application.shared.EventMetadata;
import dev.scrollback.application.shared.ExpectedVersion;
import dev.scrollback.application.shared.InMemoryEventLog;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.StreamAppend;
import dev.scrollback.domain.accounts.AccountEvent.AccountRegistered;
import dev.scrollback.domain.accounts.ApiKeyId;
import dev.scrollback.domain.accounts.HandleEvent.HandleClaimed;
import dev.scrollback.domain.accounts.PasswordHash;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.accounts.Scope;
import dev.scrollback.domain.boards.BoardId;
import dev.scrollback.domain.boards.ThreadId;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.SessionId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who may travel in time: sysops and auditors, and API keys only through a scope that unlocks one of those roles. */
class ShowAsOfServiceTest {
    static final Instant T0 = Instant.parse("2031-05-01T12:00:00Z");

    final InMemoryEventLog log = new InMemoryEventLog();
    final ShowAsOfService service = new ShowAsOfService(new TimeTravel(log, new BoardThreads(), new ControlledClock(T0.plusSeconds(60))));
    final AccountId amiga = new AccountId(UUID.randomUUID());
    final HistoryPoint now = new HistoryPoint.AtTime(T0.plusSeconds(30));

    ShowAsOfServiceTest() {
        var handle = new Handle("amiga");
        log.append(List.of(
                new StreamAppend(AccountStreams.handle(handle), ExpectedVersion.noStream(), List.of(new HandleClaimed(handle, amiga, T0))),
                new StreamAppend(AccountStreams.account(amiga), ExpectedVersion.noStream(), List.of(new AccountRegistered(amiga,
                        handle, Optional.empty(), new PasswordHash("$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA"), T0)))),
                EventMetadata.of(Actor.system(), Origin.system(), T0));
    }

    private static Caller loggedIn(Role... roles) {
        return new Caller(new AccountId(UUID.randomUUID()), new Handle("someone"), new SessionId(UUID.randomUUID()), Set.of(roles));
    }

    @Test
    void a_member_or_a_moderator_is_refused_before_anything_is_read() {
        for (var caller : List.of(loggedIn(Role.MEMBER), loggedIn(Role.MODERATOR, Role.MEMBER))) {
            assertThatThrownBy(() -> service.show(caller, "amiga", now)).isInstanceOf(AccessDenied.class);
            assertThatThrownBy(() -> service.show(caller, new BoardId(UUID.randomUUID()), now, 0, 10)).isInstanceOf(AccessDenied.class);
            assertThatThrownBy(() -> service.show(caller, new ThreadId(UUID.randomUUID()), now)).isInstanceOf(AccessDenied.class);
        }
    }

    @Test
    void auditors_and_sysops_see_the_account_as_it_was() {
        for (var caller : List.of(loggedIn(Role.AUDITOR, Role.MEMBER), loggedIn(Role.SYSOP))) {
            var answer = service.show(caller, "amiga", now);
            assertThat(answer).isInstanceOfSatisfying(AsOf.Existed.class,
                    e -> assertThat(((AccountAsItWas) e.state()).account()).isEqualTo(amiga));
        }
    }

    @Test
    void an_api_key_needs_a_scope_that_unlocks_an_auditors_or_sysops_role() {
        var auditorRoles = Set.of(Role.AUDITOR, Role.MEMBER);
        var reader = Caller.withApiKey(new AccountId(UUID.randomUUID()), new Handle("ledger"), new ApiKeyId(UUID.randomUUID()),
                Set.of(Scope.AUDIT_READ), auditorRoles);
        var feedOnly = Caller.withApiKey(new AccountId(UUID.randomUUID()), new Handle("ledger"), new ApiKeyId(UUID.randomUUID()),
                Set.of(Scope.EVENTS_READ), auditorRoles);

        assertThat(service.show(reader, "amiga", now)).isInstanceOf(AsOf.Existed.class);
        assertThatThrownBy(() -> service.show(feedOnly, "amiga", now)).isInstanceOf(AccessDenied.class);
    }

    @Test
    void a_board_stream_that_does_not_exist_is_no_such_board_for_an_auditor() {
        assertThatThrownBy(() -> service.show(loggedIn(Role.AUDITOR), new BoardId(UUID.randomUUID()), now, 0, 10))
                .isInstanceOf(dev.scrollback.domain.boards.BoardRejected.class);
    }
}

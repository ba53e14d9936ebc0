package dev.scrollback.application.presence;

import static dev.scrollback.application.presence.PresenceFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.scrollback.application.accounts.AccessDenied;
import dev.scrollback.application.accounts.AccountLock;
import dev.scrollback.application.accounts.AccountStreams;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.accounts.PlainTextHasher;
import dev.scrollback.application.presence.ShowUser.LoginFact;
import dev.scrollback.application.sessions.SessionStreams;
import dev.scrollback.application.shared.Actor;
import dev.scrollback.application.shared.ControlledClock;
import dev.scrollback.application.shared.EventMetadata;
import dev.scrollback.application.shared.ExpectedVersion;
import dev.scrollback.application.shared.InMemoryEventLog;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.StreamAppend;
import dev.scrollback.domain.accounts.AccountEvent;
import dev.scrollback.domain.accounts.AccountEvent.AccountLocked;
import dev.scrollback.domain.accounts.AccountEvent.AccountRegistered;
import dev.scrollback.domain.accounts.AccountEvent.AccountUnlocked;
import dev.scrollback.domain.accounts.AccountEvent.EmailVerified;
import dev.scrollback.domain.accounts.AccountEvent.LockCause;
import dev.scrollback.domain.accounts.AccountEvent.LoginFailed;
import dev.scrollback.domain.accounts.AccountEvent.LoginFailure;
import dev.scrollback.domain.accounts.AccountEvent.LoginSucceeded;
import dev.scrollback.domain.accounts.AccountEvent.RoleGranted;
import dev.scrollback.domain.accounts.AccountEvent.UnlockReason;
import dev.scrollback.domain.accounts.AccountRejected;
import dev.scrollback.domain.accounts.AccountRejected.UnknownAccount;
import dev.scrollback.domain.accounts.EmailAddress;
import dev.scrollback.domain.accounts.HandleEvent.HandleClaimed;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.sessions.SessionEvent.SessionStarted;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.RemoteAddress;
import dev.scrollback.domain.shared.SessionId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ShowUserServiceTest {
    static final RemoteAddress HOME = new RemoteAddress("192.0.2.7");
    static final RemoteAddress CAFE = new RemoteAddress("2001:db8::7");
    static final Origin WEB = Origin.of(Channel.WEB, HOME);
    static final Origin TELNET = Origin.of(Channel.TELNET, CAFE);

    final InMemoryEventLog log = new InMemoryEventLog();
    final ControlledClock clock = new ControlledClock(T0);
    final OnlineCallers online = new OnlineCallers();
    final ShowUser showUser = new ShowUserService(log, online, clock);

    final AccountId rootId = register("root", T0);
    final Caller root = new Caller(rootId, new Handle("root"), new SessionId(UUID.randomUUID()), Set.of(Role.SYSOP, Role.MEMBER));
    final AccountId alice = register("alice", T0);

    AccountId register(String handle, Instant at) {
        var id = new AccountId(UUID.randomUUID());
        log.append(List.of(
                new StreamAppend(AccountStreams.handle(new Handle(handle)), ExpectedVersion.noStream(),
                        List.of(new HandleClaimed(new Handle(handle), id, at))),
                new StreamAppend(AccountStreams.account(id), ExpectedVersion.noStream(), List.of(
                        new AccountRegistered(id, new Handle(handle), Optional.of(new EmailAddress(handle + "@example.test")),
                                PlainTextHasher.hashOf("whatever it was"), at),
                        new EmailVerified(id, at)))),
                EventMetadata.of(Actor.anonymous(), WEB, at));
        return id;
    }

    void record(AccountId account, AccountEvent event, Actor actor, Origin origin) {
        log.append(new StreamAppend(AccountStreams.account(account), ExpectedVersion.any(), List.of(event)),
                EventMetadata.of(actor, origin, event.at()));
    }

    SessionId logIn(AccountId account, String handle, Origin origin, Instant at) {
        var session = new SessionId(UUID.randomUUID());
        record(account, new LoginSucceeded(account, new Handle(handle), session, at), Actor.user(account, new Handle(handle)),
                origin.inSession(session));
        var started = new SessionStarted(session, account, new Handle(handle), origin.channel(), origin.address(),
                Optional.empty(), at);
        log.append(new StreamAppend(SessionStreams.session(session), ExpectedVersion.noStream(), List.of(started)),
                EventMetadata.of(Actor.user(account, new Handle(handle)), origin.inSession(session), at));
        online.apply(started);
        return session;
    }

    @Test
    void a_sysop_sees_the_account_its_email_and_its_login_history_newest_first_with_channel_and_address() {
        record(alice, new LoginFailed(alice, new Handle("alice"), LoginFailure.WRONG_PASSWORD, T0.plusSeconds(10)),
                Actor.anonymous(), WEB);
        var web = logIn(alice, "alice", WEB, T0.plusSeconds(20));
        var telnet = logIn(alice, "alice", TELNET, T0.plusSeconds(30));
        record(alice, new RoleGranted(alice, Role.AUDITOR, T0.plusSeconds(40)), root.actor(), WEB);   // not a login fact

        var details = showUser.show(root, new Handle("ALICE"));

        assertThat(details.summary().handle().value()).isEqualTo("alice");
        assertThat(details.summary().account()).isEqualTo(alice);
        assertThat(details.summary().roles()).containsExactlyInAnyOrder(Role.AUDITOR, Role.MEMBER);
        assertThat(details.summary().lastLoginAt()).contains(T0.plusSeconds(30));
        assertThat(details.email()).contains(new EmailAddress("alice@example.test"));
        assertThat(details.logins()).extracting(ShowUser.LoginRecord::fact).containsExactly(
                new LoginFact.Succeeded(telnet), new LoginFact.Succeeded(web), new LoginFact.Failed(LoginFailure.WRONG_PASSWORD));
        var latest = details.logins().getFirst();
        assertThat(latest.at()).isEqualTo(T0.plusSeconds(30));
        assertThat(latest.channel()).isEqualTo(Channel.TELNET);
        assertThat(latest.address()).contains(CAFE);
        var failed = details.logins().getLast();
        assertThat(failed.channel()).isEqualTo(Channel.WEB);
        assertThat(failed.address()).contains(HOME);
        assertThat(failed.actor()).isEqualTo(Actor.anonymous());
        assertThat(details.sessions()).extracting(ShowUser.OpenSession::session).containsExactly(web, telnet);
        assertThat(details.sessions().getLast()).isEqualTo(new ShowUser.OpenSession(telnet, Channel.TELNET, Optional.of(CAFE),
                T0.plusSeconds(30)));
    }

    @Test
    void a_lock_and_its_lifting_are_in_the_history_and_the_lock_shows_while_it_holds() {
        var until = T0.plus(Duration.ofMinutes(15));
        record(alice, AccountLocked.afterFailedLogins(alice, until, T0), Actor.anonymous(), WEB);
        clock.set(T0.plusSeconds(60));

        var locked = showUser.show(root, new Handle("alice"));
        assertThat(locked.summary().lock()).contains(new AccountLock(LockCause.FAILED_LOGINS, Optional.of(until), Optional.empty()));
        assertThat(locked.logins()).extracting(ShowUser.LoginRecord::fact)
                .containsExactly(new LoginFact.Locked(LockCause.FAILED_LOGINS, Optional.of(until), Optional.empty()));

        record(alice, new AccountUnlocked(alice, UnlockReason.SYSOP, T0.plusSeconds(90)), root.actor(), WEB.inSession(root.session()));
        var unlocked = showUser.show(root, new Handle("alice"));
        assertThat(unlocked.summary().lock()).isEmpty();
        assertThat(unlocked.logins().getFirst().fact()).isEqualTo(new LoginFact.Unlocked(UnlockReason.SYSOP));
        assertThat(unlocked.logins().getFirst().actor()).isEqualTo(root.actor());
    }

    @Test
    void only_the_latest_fifty_login_facts_are_shown() {
        for (int i = 0; i < ShowUser.HISTORY + 5; i++) {
            record(alice, new LoginFailed(alice, new Handle("alice"), LoginFailure.EMAIL_NOT_VERIFIED, T0.plusSeconds(i)),
                    Actor.anonymous(), WEB);
        }
        var logins = showUser.show(root, new Handle("alice")).logins();
        assertThat(logins).hasSize(ShowUser.HISTORY);
        assertThat(logins.getFirst().at()).isEqualTo(T0.plusSeconds(ShowUser.HISTORY + 4));
        assertThat(logins.getLast().at()).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void only_a_sysop_may_look_and_an_unknown_handle_is_an_unknown_account() {
        var member = new Caller(alice, new Handle("alice"), new SessionId(UUID.randomUUID()), Set.of(Role.MEMBER));
        assertThat(catchThrowableOfType(AccessDenied.class, () -> showUser.show(member, new Handle("root")))).isNotNull();
        var unknown = catchThrowableOfType(AccountRejected.class, () -> showUser.show(root, new Handle("nobody")));
        assertThat(unknown.reason()).isInstanceOf(UnknownAccount.class);
    }

    @Test
    void sessions_of_other_accounts_are_not_shown() {
        logIn(rootId, "root", WEB, T0.plusSeconds(5));
        assertThat(showUser.show(root, new Handle("alice")).sessions()).isEmpty();
    }
}

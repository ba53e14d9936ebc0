package dev.scrollback.application.presence;

import static dev.scrollback.application.presence.PresenceFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.scrollback.application.accounts.AccountStreams;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.accounts.ChangePassword;
import dev.scrollback.application.accounts.PlainTextHasher;
import dev.scrollback.application.sessions.SessionActivity;
import dev.scrollback.application.sessions.SessionStreams;
import dev.scrollback.application.sessions.SessionTerminations;
import dev.scrollback.application.shared.Actor;
import dev.scrollback.application.shared.ControlledClock;
import dev.scrollback.application.shared.EventMetadata;
import dev.scrollback.application.shared.ExpectedVersion;
import dev.scrollback.application.shared.InMemoryEventLog;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.StreamAppend;
import dev.scrollback.domain.accounts.AccountEvent.AccountRegistered;
import dev.scrollback.domain.accounts.AccountEvent.EmailVerified;
import dev.scrollback.domain.accounts.AccountEvent.PasswordChanged;
import dev.scrollback.domain.accounts.AccountRejected;
import dev.scrollback.domain.accounts.AccountRejected.WeakPassword;
import dev.scrollback.domain.accounts.AccountRejected.WrongPassword;
import dev.scrollback.domain.accounts.EmailAddress;
import dev.scrollback.domain.accounts.PasswordPolicy.Weakness;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.accounts.Secret;
import dev.scrollback.domain.sessions.EndReason;
import dev.scrollback.domain.sessions.SessionEvent;
import dev.scrollback.domain.sessions.SessionEvent.SessionEnded;
import dev.scrollback.domain.sessions.SessionEvent.SessionStarted;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.RemoteAddress;
import dev.scrollback.domain.shared.SessionId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class ChangePasswordServiceTest {
    static final String OLD = "correct horse battery staple";
    static final String NEW = "a new and longer passphrase";
    static final Origin WEB = Origin.of(Channel.WEB, new RemoteAddress("192.0.2.7"));

    final InMemoryEventLog log = new InMemoryEventLog();
    final ControlledClock clock = new ControlledClock(T0);
    final OnlineCallers online = new OnlineCallers();
    final SessionTerminations terminations = new SessionTerminations();
    final OwnedSessions owned = new OwnedSessions(online, log, clock, new SessionActivity(clock), terminations);
    final PlainTextHasher hasher = new PlainTextHasher();
    final ChangePassword changePassword = new ChangePasswordService(log, hasher, folded -> folded.equals("password1234"),
            clock, owned);

    final AccountId alice = account("alice");
    final AccountId bob = account("bob");

    AccountId account(String handle) {
        var id = new AccountId(UUID.randomUUID());
        log.append(new StreamAppend(AccountStreams.account(id), ExpectedVersion.noStream(), List.of(
                        new AccountRegistered(id, new Handle(handle), Optional.of(new EmailAddress(handle + "@example.test")),
                                PlainTextHasher.hashOf(OLD), T0),
                        new EmailVerified(id, T0))),
                EventMetadata.of(Actor.system(), Origin.system(), T0));
        return id;
    }

    SessionId open(AccountId account, String handle, Channel channel) {
        var session = new SessionId(UUID.randomUUID());
        var started = new SessionStarted(session, account, new Handle(handle), channel, Optional.empty(), Optional.empty(),
                clock.instant());
        log.append(new StreamAppend(SessionStreams.session(session), ExpectedVersion.noStream(), List.of(started)),
                EventMetadata.of(Actor.system(), Origin.system(), clock.instant()));
        online.apply(started);
        return session;
    }

    /** Feeds the projection what the log recorded since, as the streaming processor would. */
    void catchUp() {
        log.events().stream().filter(e -> e instanceof SessionEnded).map(e -> (SessionEvent) e).forEach(online::apply);
    }

    static Caller caller(AccountId account, String handle, SessionId session) {
        return new Caller(account, new Handle(handle), session, java.util.Set.of(Role.MEMBER));
    }

    @Test
    void every_other_session_of_the_account_ends_as_revoked_and_the_callers_own_stays() {
        var mine = open(alice, "alice", Channel.WEB);
        var telnet = open(alice, "alice", Channel.TELNET);
        var phone = open(alice, "alice", Channel.WEB);
        var bobs = open(bob, "bob", Channel.TELNET);
        Map<SessionId, String> told = new ConcurrentHashMap<>();
        terminations.watch(telnet, notice -> told.put(telnet, notice));
        terminations.watch(bobs, notice -> told.put(bobs, notice));

        changePassword.change(caller(alice, "alice", mine), new Secret(OLD), new Secret(NEW), WEB);

        assertThat(log.events(AccountStreams.account(alice))).last().isEqualTo(
                new PasswordChanged(alice, PlainTextHasher.hashOf(NEW), Optional.of(mine), T0));
        assertThat(log.events().stream().filter(e -> e instanceof SessionEnded).map(e -> (SessionEnded) e))
                .extracting(SessionEnded::session, SessionEnded::reason)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(telnet, EndReason.REVOKED),
                        org.assertj.core.groups.Tuple.tuple(phone, EndReason.REVOKED));
        assertThat(told).containsOnlyKeys(telnet);
        assertThat(told.get(telnet)).contains("password was changed");
        catchUp();
        assertThat(online.openSessions()).extracting(SessionStarted::session).containsExactlyInAnyOrder(mine, bobs);
    }

    @Test
    void the_caller_is_the_actor_and_the_own_session_the_origin_of_the_endings() {
        var mine = open(alice, "alice", Channel.WEB);
        var other = open(alice, "alice", Channel.WEB);

        changePassword.change(caller(alice, "alice", mine), new Secret(OLD), new Secret(NEW), WEB);

        var ending = log.recorded().stream().filter(r -> r.event() instanceof SessionEnded).findFirst().orElseThrow();
        assertThat(ending.stream()).isEqualTo(SessionStreams.session(other));
        assertThat(ending.metadata().actor()).isEqualTo(Actor.user(alice, new Handle("alice")));
        assertThat(ending.metadata().origin().session()).contains(mine);
    }

    @Test
    void a_wrong_current_password_changes_nothing_and_ends_no_session() {
        var mine = open(alice, "alice", Channel.WEB);
        open(alice, "alice", Channel.TELNET);
        int before = log.recorded().size();
        int hashes = hasher.hashes();

        assertThat(refusal(() -> changePassword.change(caller(alice, "alice", mine), new Secret("not my password at all"),
                new Secret(NEW), WEB))).isEqualTo(new WrongPassword());
        assertThat(log.recorded()).hasSize(before);
        assertThat(hasher.hashes()).as("no new password hashed for a wrong current one").isEqualTo(hashes);
        assertThat(online.openSessions()).hasSize(2);
    }

    @Test
    void a_weak_common_or_unchanged_new_password_is_refused_with_the_reason() {
        var mine = open(alice, "alice", Channel.WEB);
        var caller = caller(alice, "alice", mine);
        assertThat(refusal(() -> changePassword.change(caller, new Secret(OLD), new Secret("short"), WEB)))
                .isEqualTo(new WeakPassword(Weakness.TOO_SHORT));
        assertThat(refusal(() -> changePassword.change(caller, new Secret(OLD), new Secret("Password1234"), WEB)))
                .isEqualTo(new WeakPassword(Weakness.COMMON));
        assertThat(refusal(() -> changePassword.change(caller, new Secret(OLD), new Secret(OLD), WEB)))
                .isEqualTo(new WeakPassword(Weakness.SAME_AS_CURRENT));
        assertThat(log.events(AccountStreams.account(alice))).noneMatch(e -> e instanceof PasswordChanged);
    }

    static AccountRejected.Reason refusal(Runnable action) {
        var rejected = catchThrowableOfType(AccountRejected.class, action::run);
        assertThat(rejected).isNotNull();
        return rejected.reason();
    }
}

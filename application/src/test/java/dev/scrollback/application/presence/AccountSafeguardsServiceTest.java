package dev.scrollback.application.presence;

import static dev.scrollback.application.presence.PresenceFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrollback.application.accounts.AccessDenied;
import dev.scrollback.application.accounts.AccountStreams;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.accounts.CompletePasswordReset;
import dev.scrollback.application.accounts.ForcePasswordReset;
import dev.scrollback.application.accounts.LockAccount;
import dev.scrollback.application.accounts.OwnAccountRefused;
import dev.scrollback.application.accounts.PasswordResetIndex;
import dev.scrollback.application.accounts.PlainTextHasher;
import dev.scrollback.application.accounts.RecordingMailer;
import dev.scrollback.application.accounts.ResetCodes;
import dev.scrollback.application.sessions.SessionActivity;
import dev.scrollback.application.sessions.SessionStreams;
import dev.scrollback.application.sessions.SessionTerminations;
import dev.scrollback.application.shared.Actor;
import dev.scrollback.application.shared.ControlledClock;
import dev.scrollback.application.shared.CountingRateLimiter;
import dev.scrollback.application.shared.EventMetadata;
import dev.scrollback.application.shared.ExpectedVersion;
import dev.scrollback.application.shared.InMemoryEventLog;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.RateLimited;
import dev.scrollback.application.shared.StreamAppend;
import dev.scrollback.domain.accounts.AccountEvent;
import dev.scrollback.domain.accounts.AccountEvent.AccountLocked;
import dev.scrollback.domain.accounts.AccountEvent.AccountRegistered;
import dev.scrollback.domain.accounts.AccountEvent.EmailVerified;
import dev.scrollback.domain.accounts.AccountEvent.LockCause;
import dev.scrollback.domain.accounts.AccountEvent.PasswordResetCompleted;
import dev.scrollback.domain.accounts.AccountEvent.PasswordResetRequested;
import dev.scrollback.domain.accounts.AccountEvent.ResetCause;
import dev.scrollback.domain.accounts.AccountRejected;
import dev.scrollback.domain.accounts.AccountRejected.CodeExpired;
import dev.scrollback.domain.accounts.AccountRejected.WeakPassword;
import dev.scrollback.domain.accounts.AccountRejected.WrongCode;
import dev.scrollback.domain.accounts.EmailAddress;
import dev.scrollback.domain.accounts.LockNote;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.accounts.Secret;
import dev.scrollback.domain.sessions.EndReason;
import dev.scrollback.domain.sessions.SessionEvent.SessionEnded;
import dev.scrollback.domain.sessions.SessionEvent.SessionStarted;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.RemoteAddress;
import dev.scrollback.domain.shared.SessionId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Password reset completion, a sysop's forced reset and a sysop's lock: each ends the account's sessions. */
class AccountSafeguardsServiceTest {
    static final String OLD = "correct horse battery staple";
    static final String NEW = "a new and longer passphrase";
    static final Origin WEB = Origin.of(Channel.WEB, new RemoteAddress("192.0.2.7"));
    static final Pattern RESET_CODE = Pattern.compile("\\d{4}-\\d{4}-\\d{4}-\\d{4}");

    final InMemoryEventLog log = new InMemoryEventLog();
    final ControlledClock clock = new ControlledClock(T0);
    final OnlineCallers online = new OnlineCallers();
    final SessionTerminations terminations = new SessionTerminations();
    final OwnedSessions owned = new OwnedSessions(online, log, clock, new SessionActivity(clock), terminations);
    final PasswordResetIndex index = new PasswordResetIndex();
    final PlainTextHasher hasher = new PlainTextHasher();
    final RecordingMailer mailer = new RecordingMailer();
    final CountingRateLimiter limiter = new CountingRateLimiter(clock);
    final CompletePasswordReset complete = new CompletePasswordResetService(log, index, hasher,
            folded -> folded.equals("password1234"), clock, limiter, owned);
    final ForcePasswordReset force = new ForcePasswordResetService(log, clock, owned, index, mailer);
    final LockAccount lock = new LockAccountService(log, clock, owned);

    final AccountId alice = account("alice");
    final AccountId sysop = account("sysop1");
    final Caller sysopCaller = new Caller(sysop, new Handle("sysop1"), new SessionId(UUID.randomUUID()), Set.of(Role.SYSOP, Role.MEMBER));
    final Caller member = new Caller(alice, new Handle("alice"), new SessionId(UUID.randomUUID()), Set.of(Role.MEMBER));

    AccountId account(String handle) {
        var id = new AccountId(UUID.randomUUID());
        append(AccountStreams.account(id), ExpectedVersion.noStream(),
                new AccountRegistered(id, new Handle(handle), Optional.of(new EmailAddress(handle + "@example.test")),
                        PlainTextHasher.hashOf(OLD), T0),
                new EmailVerified(id, T0));
        append(AccountStreams.handle(new Handle(handle)), ExpectedVersion.noStream(),
                new dev.scrollback.domain.accounts.HandleEvent.HandleClaimed(new Handle(handle), id, T0));
        return id;
    }

    void append(dev.scrollback.application.shared.StreamId stream, ExpectedVersion expected, dev.scrollback.domain.shared.DomainEvent... events) {
        log.append(new StreamAppend(stream, expected, List.of(events)), EventMetadata.of(Actor.system(), Origin.system(), clock.instant()));
        for (var e : events) if (e instanceof AccountEvent a) index.apply(a);
    }

    SessionId open(AccountId account, String handle, Channel channel) {
        var session = new SessionId(UUID.randomUUID());
        var started = new SessionStarted(session, account, new Handle(handle), channel, Optional.empty(), Optional.empty(),
                clock.instant());
        append(SessionStreams.session(session), ExpectedVersion.noStream(), started);
        online.apply(started);
        return session;
    }

    /** What an owner's request would have recorded; returns the code as mailed. */
    String requested() {
        var issued = ResetCodes.issue();
        append(AccountStreams.account(alice), ExpectedVersion.any(), new PasswordResetRequested(alice, issued.digest(),
                clock.instant().plus(ResetCodes.VALIDITY), ResetCause.OWNER_REQUEST, clock.instant()));
        return issued.text();
    }

    List<SessionEnded> endings() {
        return log.events().stream().filter(e -> e instanceof SessionEnded).map(e -> (SessionEnded) e).toList();
    }

    static AccountRejected.Reason refusal(Runnable action) {
        try {
            action.run();
        } catch (AccountRejected e) {
            return e.reason();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void the_right_code_sets_the_new_password_and_ends_every_session_of_the_account() {
        var web = open(alice, "alice", Channel.WEB);
        var telnet = open(alice, "alice", Channel.TELNET);
        Map<SessionId, String> told = new ConcurrentHashMap<>();
        terminations.watch(telnet, notice -> told.put(telnet, notice));
        var code = requested();

        var outcome = complete.complete(code, new Secret(NEW), WEB);

        assertThat(outcome.handle()).isEqualTo(new Handle("alice"));
        assertThat(outcome.sessionsEnded()).isEqualTo(2);
        assertThat(log.events(AccountStreams.account(alice))).contains(new PasswordResetCompleted(alice, PlainTextHasher.hashOf(NEW), T0));
        assertThat(endings()).extracting(SessionEnded::session, SessionEnded::reason).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(web, EndReason.REVOKED),
                org.assertj.core.groups.Tuple.tuple(telnet, EndReason.REVOKED));
        assertThat(told.get(telnet)).contains("password was reset");
        var recorded = log.recorded().stream().filter(r -> r.event() instanceof PasswordResetCompleted).findFirst().orElseThrow();
        assertThat(recorded.metadata().actor()).isEqualTo(Actor.user(alice, new Handle("alice")));
    }

    @Test
    void a_code_works_once() {
        var code = requested();
        complete.complete(code, new Secret(NEW), WEB);
        index.apply(new PasswordResetCompleted(alice, PlainTextHasher.hashOf(NEW), T0));    // as the projection would
        assertThat(refusal(() -> complete.complete(code, new Secret("yet another passphrase"), WEB))).isEqualTo(new WrongCode());
    }

    @Test
    void a_wrong_malformed_or_expired_code_is_refused_without_hashing_anything() {
        var code = requested();
        int hashes = hasher.hashes();
        assertThat(refusal(() -> complete.complete("0000-0000-0000-0000", new Secret(NEW), WEB))).isEqualTo(new WrongCode());
        assertThat(refusal(() -> complete.complete("123456", new Secret(NEW), WEB))).isEqualTo(new WrongCode());
        assertThat(refusal(() -> complete.complete("'; DROP TABLE accounts; --", new Secret(NEW), WEB))).isEqualTo(new WrongCode());
        assertThat(refusal(() -> complete.complete(code, new Secret("short"), WEB)))
                .isEqualTo(new WeakPassword(dev.scrollback.domain.accounts.PasswordPolicy.Weakness.TOO_SHORT));
        assertThat(hasher.hashes()).isEqualTo(hashes);
        clock.advance(ResetCodes.VALIDITY);
        assertThat(refusal(() -> complete.complete(code, new Secret(NEW), WEB))).isEqualTo(new CodeExpired());
    }

    @Test
    void guesses_at_one_accounts_code_are_limited() {
        var code = requested();
        var wrongButSameAccount = code;      // the limit is per account the code names; a wrong code names none
        for (int i = 0; i < CompletePasswordResetService.PER_ACCOUNT.permits(); i++) {
            try {
                complete.complete(wrongButSameAccount, new Secret("short"), WEB);
            } catch (AccountRejected weak) {
                // counted all the same
            }
        }
        assertThatThrownBy(() -> complete.complete(code, new Secret(NEW), WEB)).isInstanceOf(RateLimited.class);
    }

    @Test
    void a_sysop_forcing_a_reset_ends_the_sessions_mails_a_code_and_records_the_sysop_as_actor() {
        var web = open(alice, "alice", Channel.WEB);

        var outcome = force.force(sysopCaller, new Handle("alice"), WEB);

        assertThat(outcome.sessionsEnded()).isEqualTo(1);
        assertThat(outcome.mailed()).isTrue();
        assertThat(endings()).extracting(SessionEnded::session, SessionEnded::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(web, EndReason.KICKED));
        var forced = log.recorded().stream().filter(r -> r.event() instanceof PasswordResetRequested).findFirst().orElseThrow();
        assertThat(((PasswordResetRequested) forced.event()).cause()).isEqualTo(ResetCause.SYSOP);
        assertThat(forced.metadata().actor()).isEqualTo(sysopCaller.actor());
        var mail = mailer.last();
        assertThat(mail.to()).isEqualTo(new EmailAddress("alice@example.test"));
        assertThat(mail.text()).contains("a sysop requires a new password");
        var m = RESET_CODE.matcher(mail.text());
        assertThat(m.find()).isTrue();
        complete.complete(m.group(), new Secret(NEW), WEB);
    }

    @Test
    void only_a_sysop_forces_a_reset_or_locks_and_never_on_their_own_account() {
        assertThatThrownBy(() -> force.force(member, new Handle("sysop1"), WEB)).isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> lock.lock(member, new Handle("sysop1"), Optional.empty(), Optional.empty(), WEB))
                .isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> force.force(sysopCaller, new Handle("sysop1"), WEB)).isInstanceOf(OwnAccountRefused.class);
        assertThatThrownBy(() -> lock.lock(sysopCaller, new Handle("Sysop1"), Optional.empty(), Optional.empty(), WEB))
                .isInstanceOf(OwnAccountRefused.class);
        assertThat(log.events().stream().filter(e -> e instanceof AccountLocked || e instanceof PasswordResetRequested)).isEmpty();
    }

    @Test
    void a_sysop_lock_ends_every_session_and_tells_the_note() {
        var telnet = open(alice, "alice", Channel.TELNET);
        Map<SessionId, String> told = new ConcurrentHashMap<>();
        terminations.watch(telnet, notice -> told.put(telnet, notice));
        var until = Optional.of(T0.plus(Duration.ofDays(2)));
        var note = Optional.of(new LockNote("Cool off for two days."));

        var outcome = lock.lock(sysopCaller, new Handle("alice"), until, note, WEB);

        assertThat(outcome.sessionsEnded()).isEqualTo(1);
        assertThat(log.events(AccountStreams.account(alice))).last()
                .isEqualTo(new AccountLocked(alice, LockCause.SYSOP, until, note, T0));
        assertThat(told.get(telnet)).contains("Cool off for two days.");
        assertThat(endings()).extracting(SessionEnded::reason).containsExactly(EndReason.KICKED);
    }
}

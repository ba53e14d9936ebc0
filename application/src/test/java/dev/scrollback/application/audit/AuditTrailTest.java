package dev.scrollback.application.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrollback.application.accounts.AccessDenied;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.shared.Actor;
import dev.scrollback.application.shared.EventMetadata;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.RecordedEvent;
import dev.scrollback.application.shared.StreamId;
import dev.scrollback.domain.accounts.AccountEvent.AccountLocked;
import dev.scrollback.domain.accounts.AccountEvent.AccountRegistered;
import dev.scrollback.domain.accounts.AccountEvent.AccountUnlocked;
import dev.scrollback.domain.accounts.AccountEvent.LoginFailed;
import dev.scrollback.domain.accounts.AccountEvent.LoginFailure;
import dev.scrollback.domain.accounts.AccountEvent.LoginSucceeded;
import dev.scrollback.domain.accounts.AccountEvent.PasswordChanged;
import dev.scrollback.domain.accounts.AccountEvent.RoleGranted;
import dev.scrollback.domain.accounts.AccountEvent.RoleRevoked;
import dev.scrollback.domain.accounts.AccountEvent.TotpDisabled;
import dev.scrollback.domain.accounts.AccountEvent.UnlockReason;
import dev.scrollback.domain.accounts.ApiKeyEvent.ApiKeyIssued;
import dev.scrollback.domain.accounts.ApiKeyEvent.ApiKeyRevoked;
import dev.scrollback.domain.accounts.ApiKeyEvent.RevocationReason;
import dev.scrollback.domain.accounts.ApiKeyHash;
import dev.scrollback.domain.accounts.ApiKeyId;
import dev.scrollback.domain.accounts.ApiKeyName;
import dev.scrollback.domain.accounts.LockNote;
import dev.scrollback.domain.accounts.PasswordHash;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.accounts.Scope;
import dev.scrollback.domain.accounts.UnknownHandleEvent.UnknownHandleLoginFailed;
import dev.scrollback.domain.boards.BoardId;
import dev.scrollback.domain.boards.MessageEvent.MessageDeleted;
import dev.scrollback.domain.boards.MessageEvent.ThreadLocked;
import dev.scrollback.domain.boards.MessageId;
import dev.scrollback.domain.boards.ThreadId;
import dev.scrollback.domain.chat.ChatRoomEvent.ChatLeft;
import dev.scrollback.domain.chat.ChatRoomEvent.ChatMemberMuted;
import dev.scrollback.domain.chat.ChatRoomEvent.LeaveReason;
import dev.scrollback.domain.chat.ChatRoomId;
import dev.scrollback.domain.plugins.FaultKind;
import dev.scrollback.domain.plugins.Hook;
import dev.scrollback.domain.plugins.PluginEvent.DisableReason;
import dev.scrollback.domain.plugins.PluginEvent.PluginApproved;
import dev.scrollback.domain.plugins.PluginEvent.PluginDisabled;
import dev.scrollback.domain.plugins.PluginEvent.PluginEnabled;
import dev.scrollback.domain.plugins.PluginEvent.PluginFaulted;
import dev.scrollback.domain.plugins.PluginEvent.PluginPublished;
import dev.scrollback.domain.plugins.PluginEvent.PluginScanned;
import dev.scrollback.domain.plugins.PluginEvent.PluginUninstalled;
import dev.scrollback.domain.plugins.PluginId;
import dev.scrollback.domain.sessions.EndReason;
import dev.scrollback.domain.sessions.SessionEvent.SessionEnded;
import dev.scrollback.domain.sessions.SessionEvent.SessionRefreshed;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.DomainEvent;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.InvalidValue;
import dev.scrollback.domain.shared.RemoteAddress;
import dev.scrollback.domain.shared.SessionId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditTrailTest {
    static final Instant T0 = Instant.parse("2031-05-01T12:00:00Z");
    static final AccountId ALICE = new AccountId(UUID.fromString("0195f0a0-0000-7000-8000-0000000000a1"));
    static final AccountId ROOT = new AccountId(UUID.fromString("0195f0a0-0000-7000-8000-0000000000b1"));
    static final Handle ALICE_HANDLE = new Handle("alice");
    static final Actor SYSOP = Actor.user(ROOT, new Handle("keeper"));
    static final RemoteAddress HOME = new RemoteAddress("192.0.2.7");
    static final PasswordHash HASH = new PasswordHash("argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA");
    static final PluginId PLUGIN = new PluginId(UUID.fromString("0195f0a0-0000-7000-8000-0000000000e0"));
    static final SessionId SESSION = new SessionId(UUID.fromString("0195f0a0-0000-7000-8000-0000000000c1"));

    final AuditTrail trail = new AuditTrail();
    long position;

    void record(DomainEvent event, Actor actor, Origin origin) {
        position++;
        trail.apply(new RecordedEvent(position, UUID.randomUUID(), new StreamId("test-" + position), 0,
                event.getClass().getSimpleName(), 1, EventMetadata.of(actor, origin, T0.plusSeconds(position)), event));
    }

    void bySysop(DomainEvent event) {
        record(event, SYSOP, Origin.of(Channel.WEB, HOME));
    }

    List<AuditEntry> all() {
        return trail.find(AuditFilter.everything(), 0, 1000).entries();
    }

    AuditEntry only() {
        assertThat(all()).hasSize(1);
        return all().getFirst();
    }

    @Test
    void a_failed_login_is_recorded_with_time_address_channel_and_the_handle_tried() {
        record(new LoginFailed(ALICE, ALICE_HANDLE, LoginFailure.WRONG_PASSWORD, T0), Actor.anonymous(), Origin.of(Channel.TELNET, HOME));
        var entry = only();
        assertThat(entry.position()).isEqualTo(1);
        assertThat(entry.at()).isEqualTo(T0.plusSeconds(1));
        assertThat(entry.type()).isEqualTo("LoginFailed");
        assertThat(entry.actor().kind()).isEqualTo(Actor.Kind.USER);
        assertThat(entry.actor().id()).isEmpty();
        assertThat(entry.channel()).isEqualTo(Channel.TELNET);
        assertThat(entry.address()).contains(HOME);
        assertThat(entry.subject()).contains(ALICE);
        assertThat(entry.subjectHandle()).contains(ALICE_HANDLE);
        assertThat(entry.summary()).isEqualTo("login failed for alice: wrong password");
    }

    @Test
    void a_failed_login_on_a_handle_nobody_holds_is_recorded_and_found_by_the_handle_tried() {
        record(new UnknownHandleLoginFailed(new Handle("mallory"), false, T0), Actor.anonymous(), Origin.of(Channel.TELNET, HOME));
        record(new UnknownHandleLoginFailed(new Handle("mallory"), true, T0), Actor.anonymous(), Origin.of(Channel.WEB, HOME));

        assertThat(all()).extracting(AuditEntry::type).containsOnly("UnknownHandleLoginFailed");
        assertThat(all()).extracting(AuditEntry::summary).containsExactly(
                "login failed for unknown handle mallory", "login failed for unknown handle mallory; the name is locked");
        assertThat(all().getFirst().channel()).isEqualTo(Channel.TELNET);
        assertThat(all().getFirst().address()).contains(HOME);
        assertThat(all().getFirst().subject()).isEmpty();
        assertThat(trail.find(new AuditFilter(Optional.empty(), Optional.of("Mallory"), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()), 0, 10).entries()).hasSize(2);
    }

    @Test
    void a_successful_login_is_recorded_with_the_caller_as_actor() {
        record(new LoginSucceeded(ALICE, ALICE_HANDLE, SESSION, T0), Actor.user(ALICE, ALICE_HANDLE),
                Origin.of(Channel.WEB, HOME).inSession(SESSION));
        var entry = only();
        assertThat(entry.actor().handle()).contains("alice");
        assertThat(entry.session()).contains(SESSION);
        assertThat(entry.summary()).isEqualTo("login succeeded for alice");
    }

    @Test
    void account_events_name_the_account_by_the_handle_it_registered_with() {
        record(new AccountRegistered(ALICE, ALICE_HANDLE, Optional.empty(), HASH, T0), Actor.anonymous(), Origin.of(Channel.WEB, HOME));
        bySysop(new RoleGranted(ALICE, Role.AUDITOR, T0));
        bySysop(new RoleRevoked(ALICE, Role.AUDITOR, T0));
        bySysop(new AccountLocked(ALICE, dev.scrollback.domain.accounts.AccountEvent.LockCause.SYSOP, Optional.empty(),
                Optional.of(new LockNote("spam")), T0));
        bySysop(new AccountUnlocked(ALICE, UnlockReason.SYSOP, T0));
        record(new PasswordChanged(ALICE, HASH, Optional.of(SESSION), T0), Actor.user(ALICE, ALICE_HANDLE), Origin.of(Channel.TELNET, HOME));
        record(new TotpDisabled(ALICE, T0), Actor.user(ALICE, ALICE_HANDLE), Origin.of(Channel.WEB, HOME));

        assertThat(all()).extracting(AuditEntry::summary).containsExactly(
                "account registered as alice", "role auditor granted", "role auditor revoked",
                "account locked (sysop) until unlocked: spam", "account unlocked (sysop)", "password changed", "TOTP disabled");
        assertThat(all()).allSatisfy(entry -> assertThat(entry.subjectHandle()).contains(ALICE_HANDLE));
        assertThat(all().get(1).actor()).isEqualTo(SYSOP);
    }

    @Test
    void api_keys_issued_and_revoked_are_recorded_without_their_secret() {
        var key = new ApiKeyId(UUID.fromString("0195f0a0-0000-7000-8000-0000000000d1"));
        record(new ApiKeyIssued(key, ALICE, new ApiKeyName("ci"), Set.of(Scope.AUDIT_READ), new ApiKeyHash("0".repeat(64)),
                Optional.empty(), T0), Actor.user(ALICE, ALICE_HANDLE), Origin.of(Channel.WEB, HOME));
        bySysop(new ApiKeyRevoked(key, ALICE, RevocationReason.SYSOP, T0));
        assertThat(all()).extracting(AuditEntry::summary).containsExactly(
                "API key " + key + " \"ci\" issued with scopes audit:read", "API key " + key + " revoked (sysop)");
    }

    @Test
    void every_plugin_lifecycle_step_is_recorded() {
        record(new PluginScanned(PLUGIN, false, List.of("imports wasi fd_write"), T0), Actor.system(), Origin.system());
        bySysop(new PluginApproved(PLUGIN, ROOT, new Handle("keeper"), T0));
        bySysop(new PluginPublished(PLUGIN, ROOT, new Handle("keeper"), T0));
        bySysop(new PluginEnabled(PLUGIN, ROOT, new Handle("keeper"), T0));
        record(new PluginFaulted(PLUGIN, Hook.values()[0], FaultKind.values()[0], "ran\nout", T0), Actor.system(), Origin.system());
        record(new PluginDisabled(PLUGIN, DisableReason.TOO_MANY_FAULTS, Optional.empty(), Optional.empty(), T0),
                Actor.system(), Origin.system());
        bySysop(new PluginUninstalled(PLUGIN, ROOT, new Handle("keeper"), T0));

        assertThat(all()).extracting(AuditEntry::type).containsExactly("PluginScanned", "PluginApproved", "PluginPublished",
                "PluginEnabled", "PluginFaulted", "PluginDisabled", "PluginUninstalled");
        assertThat(all().get(0).summary()).isEqualTo("plugin " + PLUGIN + " scanned: failed (1 findings)");
        assertThat(all().get(4).summary()).doesNotContain("\n").endsWith("ran out");
        assertThat(all().get(5).actor().kind()).isEqualTo(Actor.Kind.SYSTEM);
    }

    @Test
    void moderation_and_kicks_are_recorded_and_ordinary_activity_is_not() {
        var thread = new ThreadId(UUID.randomUUID());
        var board = new BoardId(UUID.randomUUID());
        var room = new ChatRoomId(UUID.randomUUID());
        bySysop(new MessageDeleted(new MessageId(UUID.randomUUID()), thread, board, "off topic", T0));
        bySysop(new ThreadLocked(thread, board, "flame war", T0));
        bySysop(new ChatLeft(room, ALICE, ALICE_HANDLE, SESSION, LeaveReason.KICKED, Optional.of(ROOT),
                Optional.of(new Handle("keeper")), Optional.of("rude"), T0));
        bySysop(new ChatMemberMuted(room, ALICE, ALICE_HANDLE, T0.plusSeconds(600), "shouting", ROOT, new Handle("keeper"), T0));
        record(new ChatLeft(room, ALICE, ALICE_HANDLE, SESSION, LeaveReason.LEFT, Optional.empty(), Optional.empty(),
                Optional.empty(), T0), Actor.user(ALICE, ALICE_HANDLE), Origin.of(Channel.TELNET, HOME));
        record(new SessionRefreshed(SESSION, 1, T0), Actor.user(ALICE, ALICE_HANDLE), Origin.of(Channel.WEB, HOME));
        bySysop(new SessionEnded(SESSION, EndReason.KICKED, Duration.ofMinutes(3), T0));
        record(new SessionEnded(SESSION, EndReason.GOODBYE, Duration.ofMinutes(3), T0), Actor.user(ALICE, ALICE_HANDLE),
                Origin.of(Channel.TELNET, HOME));

        assertThat(all()).extracting(AuditEntry::type).containsExactly("MessageDeleted", "ThreadLocked", "ChatLeft",
                "ChatMemberMuted", "SessionEnded");
        assertThat(all().get(2).summary()).startsWith("alice kicked from chat room").endsWith(": rude");
    }

    @Test
    void filters_combine_and_pages_follow_the_position() {
        record(new LoginFailed(ALICE, ALICE_HANDLE, LoginFailure.WRONG_PASSWORD, T0), Actor.anonymous(), Origin.of(Channel.TELNET, HOME));
        record(new LoginSucceeded(ALICE, ALICE_HANDLE, SESSION, T0), Actor.user(ALICE, ALICE_HANDLE), Origin.of(Channel.TELNET, HOME));
        bySysop(new RoleGranted(ALICE, Role.MODERATOR, T0));
        record(new LoginFailed(ALICE, ALICE_HANDLE, LoginFailure.WRONG_PASSWORD, T0), Actor.anonymous(),
                Origin.of(Channel.WEB, new RemoteAddress("::1")));

        var failures = new AuditFilter(Optional.empty(), Optional.empty(), Optional.of("LoginFailed"), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
        assertThat(trail.find(failures, 0, 10).entries()).extracting(AuditEntry::position).containsExactly(1L, 4L);

        var bySysop = new AuditFilter(Optional.of("KEEPER"), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
        assertThat(trail.find(bySysop, 0, 10).entries()).extracting(AuditEntry::position).containsExactly(3L);

        var aboutAliceOnTelnetFromHome = new AuditFilter(Optional.empty(), Optional.of("alice"), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(HOME), Optional.of(Channel.TELNET));
        assertThat(trail.find(aboutAliceOnTelnetFromHome, 0, 10).entries()).extracting(AuditEntry::position).containsExactly(1L, 2L);

        var window = new AuditFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(T0.plusSeconds(2)),
                Optional.of(T0.plusSeconds(4)), Optional.empty(), Optional.empty());
        assertThat(trail.find(window, 0, 10).entries()).extracting(AuditEntry::position).containsExactly(2L, 3L);

        var first = trail.find(AuditFilter.everything(), 0, 3);
        assertThat(first.entries()).hasSize(3);
        assertThat(first.next()).isEqualTo(3);
        var second = trail.find(AuditFilter.everything(), first.next(), 3);
        assertThat(second.entries()).extracting(AuditEntry::position).containsExactly(4L);
        assertThat(second.next()).isEqualTo(4);
        assertThat(trail.find(AuditFilter.everything(), 4, 3).entries()).isEmpty();
    }

    @Test
    void beyond_its_capacity_the_trail_forgets_the_oldest_entries() {
        var small = new AuditTrail(2);
        for (int i = 1; i <= 3; i++) {
            small.apply(new RecordedEvent(i, UUID.randomUUID(), new StreamId("account-" + i), 0, "RoleGranted", 1,
                    EventMetadata.of(SYSOP, Origin.system(), T0), new RoleGranted(ALICE, Role.MODERATOR, T0)));
        }
        assertThat(small.find(AuditFilter.everything(), 0, 10).entries()).extracting(AuditEntry::position).containsExactly(2L, 3L);
        assertThat(small.oldestHeld()).contains(2L);
    }

    @Test
    void an_event_applied_twice_is_recorded_once() {
        var event = new RecordedEvent(1, UUID.randomUUID(), new StreamId("account-1"), 0, "RoleGranted", 1,
                EventMetadata.of(SYSOP, Origin.system(), T0), new RoleGranted(ALICE, Role.MODERATOR, T0));
        trail.apply(event);
        trail.apply(event);
        assertThat(all()).hasSize(1);
    }

    @Test
    void only_sysops_and_auditors_read_the_audit_log() {
        bySysop(new RoleGranted(ALICE, Role.MODERATOR, T0));
        var read = new ReadAuditLogService(trail);
        assertThat(read.read(holding(Role.AUDITOR, Role.MEMBER), AuditFilter.everything(), 0, 10).entries()).hasSize(1);
        assertThat(read.read(holding(Role.SYSOP), AuditFilter.everything(), 0, 10).entries()).hasSize(1);
        assertThatThrownBy(() -> read.read(holding(Role.MEMBER, Role.MODERATOR), AuditFilter.everything(), 0, 10))
                .isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> read.read(holding(Role.SYSOP), AuditFilter.everything(), 0, 1001))
                .isInstanceOf(InvalidValue.class);
    }

    @Test
    void an_api_key_reads_only_with_a_scope_that_unlocks_an_auditor_or_sysop_role() {
        bySysop(new RoleGranted(ALICE, Role.MODERATOR, T0));
        var read = new ReadAuditLogService(trail);
        var key = new ApiKeyId(UUID.randomUUID());
        var auditKey = Caller.withApiKey(ALICE, ALICE_HANDLE, key, Set.of(Scope.AUDIT_READ), Set.of(Role.AUDITOR, Role.MEMBER));
        var feedKey = Caller.withApiKey(ALICE, ALICE_HANDLE, key, Set.of(Scope.EVENTS_READ), Set.of(Role.AUDITOR, Role.MEMBER));
        var memberAuditKey = Caller.withApiKey(ALICE, ALICE_HANDLE, key, Set.of(Scope.AUDIT_READ), Set.of(Role.MEMBER));
        assertThat(read.read(auditKey, AuditFilter.everything(), 0, 10).entries()).hasSize(1);
        assertThatThrownBy(() -> read.read(feedKey, AuditFilter.everything(), 0, 10)).isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> read.read(memberAuditKey, AuditFilter.everything(), 0, 10)).isInstanceOf(AccessDenied.class);
    }

    static Caller holding(Role... roles) {
        return new Caller(new AccountId(UUID.randomUUID()), new Handle("someone"), new SessionId(UUID.randomUUID()), Set.of(roles));
    }
}

package dev.scrollback.application.accounts;

import static dev.scrollback.application.accounts.AccountsFixture.WEB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.scrollback.application.accounts.AuthenticateApiKey.Check;
import dev.scrollback.application.shared.Actor;
import dev.scrollback.application.shared.EventMetadata;
import dev.scrollback.application.shared.ExpectedVersion;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.StreamAppend;
import dev.scrollback.domain.accounts.AccountEvent.AccountLocked;
import dev.scrollback.domain.accounts.AccountEvent.AccountUnlocked;
import dev.scrollback.domain.accounts.AccountEvent.LockCause;
import dev.scrollback.domain.accounts.AccountEvent.RoleGranted;
import dev.scrollback.domain.accounts.AccountEvent.RoleRevoked;
import dev.scrollback.domain.accounts.AccountEvent.UnlockReason;
import dev.scrollback.domain.accounts.ApiKeyEvent;
import dev.scrollback.domain.accounts.ApiKeyEvent.ApiKeyIssued;
import dev.scrollback.domain.accounts.ApiKeyEvent.ApiKeyRevoked;
import dev.scrollback.domain.accounts.ApiKeyEvent.RevocationReason;
import dev.scrollback.domain.accounts.ApiKeyId;
import dev.scrollback.domain.accounts.ApiKeyName;
import dev.scrollback.domain.accounts.ApiKeyRejected;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.accounts.Scope;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.InvalidValue;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ApiKeyServiceTest {
    final AccountsFixture bbs = new AccountsFixture();
    final ApiKeyIndex index = new ApiKeyIndex();
    final ApiKeyService keys = new ApiKeyService(bbs.log, bbs.clock, index);
    final AuthenticateApiKey authenticate = new AuthenticateApiKeyService(bbs.log, bbs.clock);

    IssueApiKey.Issued issue(Caller caller, Scope... scopes) {
        return keys.issue(caller, new IssueApiKey.Command(new ApiKeyName("ci"), Set.of(scopes), Optional.empty()), WEB);
    }

    Caller keyCaller(PlainApiKey key) {
        return ((Check.Valid) authenticate.authenticate(key)).caller();
    }

    void append(AccountId account, dev.scrollback.domain.accounts.AccountEvent event) {
        bbs.log.append(new StreamAppend(AccountStreams.account(account), ExpectedVersion.any(), List.of(event)),
                EventMetadata.of(Actor.system(), Origin.system(), bbs.clock.instant()));
    }

    @Test
    void an_issued_key_works_at_once_as_its_owner_with_its_scopes() {
        var account = bbs.member("alice");
        var alice = bbs.logIn("alice");

        var issued = issue(alice, Scope.EVENTS_READ, Scope.BOARDS_WRITE);

        assertThat(issued.key().value()).startsWith("sbk_").hasSize(PlainApiKey.LENGTH);
        var caller = keyCaller(issued.key());
        assertThat(caller.account()).isEqualTo(account);
        assertThat(caller.handle()).isEqualTo(alice.handle());
        assertThat(caller.apiKey()).contains(issued.id());
        assertThat(caller.sessionIfAny()).isEmpty();
        assertThat(caller.roles()).containsExactly(Role.MEMBER);
        assertThat(caller.permits(Scope.EVENTS_READ)).isTrue();
        assertThat(caller.permits(Scope.ADMIN)).isFalse();
    }

    @Test
    void the_issue_is_recorded_with_the_owner_as_actor_and_the_session_as_origin_and_only_the_digest_is_kept() {
        bbs.member("alice");
        var alice = bbs.logIn("alice");
        long before = bbs.log.lastPosition();

        var issued = issue(alice, Scope.EVENTS_READ);

        var recorded = bbs.since(before);
        assertThat(recorded).hasSize(1);
        var event = recorded.getFirst();
        assertThat(event.stream()).isEqualTo(ApiKeyStreams.key(issued.id()));
        assertThat(event.metadata().actor()).isEqualTo(alice.actor());
        assertThat(event.metadata().origin()).isEqualTo(WEB.inSession(alice.session()));
        var fact = (ApiKeyIssued) event.event();
        assertThat(fact.hash()).isEqualTo(issued.key().digest());
        assertThat(fact.hash().sha256()).isNotEqualTo(issued.key().value());
        var secret = issued.key().value().substring(PlainApiKey.LENGTH - 52);
        assertThat(bbs.log.events().toString()).doesNotContain(secret);
        assertThat(issued.key()).hasToString("***");
    }

    @Test
    void the_owner_lists_their_keys_newest_first_without_the_keys_themselves() {
        bbs.member("alice");
        bbs.member("bob");
        var alice = bbs.logIn("alice");
        var first = issue(alice, Scope.EVENTS_READ);
        bbs.clock.advance(Duration.ofMinutes(1));
        var second = issue(alice, Scope.ADMIN, Scope.AUDIT_READ);
        issue(bbs.logIn("bob"), Scope.EVENTS_READ);

        keys.revoke(alice, first.id(), WEB);

        var listed = keys.list(alice);
        assertThat(listed).extracting(ListApiKeys.ApiKeySummary::id).containsExactly(second.id(), first.id());
        assertThat(listed.get(0).scopes()).containsExactlyInAnyOrder(Scope.ADMIN, Scope.AUDIT_READ);
        assertThat(listed.get(0).revokedAt()).isEmpty();
        assertThat(listed.get(1).revokedAt()).contains(bbs.clock.instant());
        assertThat(listed.toString()).doesNotContain(first.key().value()).doesNotContain(second.key().value());
    }

    @Test
    void a_revoked_key_stops_at_once_and_revoking_again_records_nothing() {
        bbs.member("alice");
        var alice = bbs.logIn("alice");
        var issued = issue(alice, Scope.EVENTS_READ);

        keys.revoke(alice, issued.id(), WEB);
        long after = bbs.log.lastPosition();
        keys.revoke(alice, issued.id(), WEB);

        assertThat(authenticate.authenticate(issued.key())).isEqualTo(new Check.Revoked());
        assertThat(bbs.since(after)).isEmpty();
        var revoked = (ApiKeyRevoked) bbs.log.events(ApiKeyStreams.key(issued.id())).getLast();
        assertThat(revoked.reason()).isEqualTo(RevocationReason.OWNER);
    }

    @Test
    void someone_else_s_key_or_none_is_no_such_key() {
        bbs.member("alice");
        bbs.member("mallory");
        var issued = issue(bbs.logIn("alice"), Scope.EVENTS_READ);
        var mallory = bbs.logIn("mallory");

        var denied = catchThrowableOfType(ApiKeyRejected.class, () -> keys.revoke(mallory, issued.id(), WEB));
        assertThat(denied.reason()).isEqualTo(new ApiKeyRejected.NoSuchKey(issued.id()));
        var unknown = new ApiKeyId(UUID.randomUUID());
        assertThat(catchThrowableOfType(ApiKeyRejected.class, () -> keys.revoke(mallory, unknown, WEB)).reason())
                .isEqualTo(new ApiKeyRejected.NoSuchKey(unknown));
        assertThat(authenticate.authenticate(issued.key())).isInstanceOf(Check.Valid.class);
    }

    @Test
    void a_key_cannot_issue_list_or_revoke_keys() {
        bbs.member("alice");
        var alice = bbs.logIn("alice");
        var issued = issue(alice, Scope.EVENTS_READ, Scope.ADMIN, Scope.AUDIT_READ, Scope.BOARDS_WRITE);
        var withKey = keyCaller(issued.key());
        long before = bbs.log.lastPosition();

        for (var attempt : List.<Runnable>of(
                () -> issue(withKey, Scope.ADMIN),
                () -> keys.list(withKey),
                () -> keys.revoke(withKey, issued.id(), WEB))) {
            var denied = catchThrowableOfType(CredentialDenied.class, attempt::run);
            assertThat(denied.reason()).isEqualTo(new CredentialDenied.NeedsInteractiveLogin());
        }
        assertThat(bbs.since(before)).isEmpty();
    }

    @Test
    void an_account_holds_at_most_twenty_live_keys() {
        bbs.member("alice");
        var alice = bbs.logIn("alice");
        var first = issue(alice, Scope.EVENTS_READ);
        for (int i = 1; i < IssueApiKey.MAX_LIVE_KEYS; i++) issue(alice, Scope.EVENTS_READ);

        var refused = catchThrowableOfType(ApiKeyRejected.class, () -> issue(alice, Scope.EVENTS_READ));
        assertThat(refused.reason()).isEqualTo(new ApiKeyRejected.TooManyKeys(IssueApiKey.MAX_LIVE_KEYS));

        keys.revoke(alice, first.id(), WEB);
        assertThat(issue(alice, Scope.EVENTS_READ).key()).isNotNull();
    }

    @Test
    void a_wrong_garbled_or_unknown_key_is_unknown() {
        bbs.member("alice");
        var issued = issue(bbs.logIn("alice"), Scope.EVENTS_READ);
        var text = issued.key().value();
        var lastChar = text.charAt(text.length() - 1) == 'a' ? "b" : "a";

        for (var presented : List.of(text.substring(0, text.length() - 1) + lastChar, text.substring(0, 40), text + "a",
                text.toUpperCase(), "sbk_", "", "eyJhbGciOiJFUzI1NiJ9.e30.c2ln",
                "sbk_" + new ApiKeyId(UUID.randomUUID()).compact() + text.substring(36))) {
            assertThat(authenticate.authenticate(new PlainApiKey(presented))).as(presented).isEqualTo(new Check.Unknown());
        }
        assertThatThrownBy(() -> new PlainApiKey("sbk_" + "a".repeat(300))).isInstanceOf(InvalidValue.class);
    }

    @Test
    void a_key_with_a_lifetime_expires() {
        bbs.member("alice");
        var alice = bbs.logIn("alice");
        var issued = keys.issue(alice, new IssueApiKey.Command(new ApiKeyName("short"), Set.of(Scope.EVENTS_READ),
                Optional.of(Duration.ofDays(1))), WEB);
        assertThat(issued.expiresAt()).contains(bbs.clock.instant().plus(Duration.ofDays(1)));

        bbs.clock.advance(Duration.ofHours(23));
        assertThat(authenticate.authenticate(issued.key())).isInstanceOf(Check.Valid.class);
        bbs.clock.advance(Duration.ofHours(1));
        assertThat(authenticate.authenticate(issued.key())).isEqualTo(new Check.Expired());
        assertThat(index.liveCount(alice.account(), bbs.clock.instant())).isZero();
    }

    @Test
    void an_admin_key_of_a_member_grants_nothing_and_follows_the_account_s_roles() {
        var account = bbs.member("alice");
        var issued = issue(bbs.logIn("alice"), Scope.ADMIN);
        assertThat(keyCaller(issued.key()).roles()).isEmpty();

        append(account, new RoleGranted(account, Role.SYSOP, bbs.clock.instant()));
        assertThat(keyCaller(issued.key()).roles()).containsExactly(Role.SYSOP);

        append(account, new RoleRevoked(account, Role.SYSOP, bbs.clock.instant()));
        assertThat(keyCaller(issued.key()).roles()).isEmpty();
    }

    @Test
    void a_sysop_lock_stops_the_keys_until_it_is_lifted_but_a_lock_from_wrong_passwords_does_not() {
        var account = bbs.member("alice");
        var issued = issue(bbs.logIn("alice"), Scope.EVENTS_READ);

        append(account, AccountLocked.afterFailedLogins(account, bbs.clock.instant().plus(Duration.ofMinutes(15)), bbs.clock.instant()));
        assertThat(authenticate.authenticate(issued.key())).isInstanceOf(Check.Valid.class);

        append(account, new AccountLocked(account, LockCause.SYSOP, Optional.empty(), Optional.empty(), bbs.clock.instant()));
        assertThat(authenticate.authenticate(issued.key())).isEqualTo(new Check.AccountCannotAct());

        append(account, new AccountUnlocked(account, UnlockReason.SYSOP, bbs.clock.instant()));
        assertThat(authenticate.authenticate(issued.key())).isInstanceOf(Check.Valid.class);
    }

    @Test
    void a_password_change_leaves_the_keys_working() {
        var account = bbs.member("alice");
        var issued = issue(bbs.logIn("alice"), Scope.EVENTS_READ);
        append(account, new dev.scrollback.domain.accounts.AccountEvent.PasswordChanged(account,
                bbs.hasher.hash(new dev.scrollback.domain.accounts.Secret("another long passphrase")), java.util.Optional.empty(),
                bbs.clock.instant()));

        assertThat(authenticate.authenticate(issued.key())).isInstanceOf(Check.Valid.class);
    }

    @Test
    void the_index_applies_events_again_and_out_of_order_without_harm() {
        bbs.member("alice");
        var alice = bbs.logIn("alice");
        var issued = issue(alice, Scope.EVENTS_READ);
        keys.revoke(alice, issued.id(), WEB);
        var replayed = new ApiKeyIndex();
        var events = bbs.log.events(ApiKeyStreams.key(issued.id()));
        for (var event : events.reversed()) replayed.apply((ApiKeyEvent) event);
        for (var event : events) replayed.apply((ApiKeyEvent) event);

        assertThat(replayed.of(alice.account())).isEqualTo(index.of(alice.account()));
        assertThat(replayed.of(alice.account()).getFirst().revokedAt()).isPresent();
    }

    @Test
    void a_key_needs_at_least_one_scope() {
        assertThatThrownBy(() -> new IssueApiKey.Command(new ApiKeyName("none"), Set.of(), Optional.empty()))
                .isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> new IssueApiKey.Command(new ApiKeyName("forever"), Set.of(Scope.ADMIN),
                Optional.of(Duration.ofDays(3651)))).isInstanceOf(InvalidValue.class);
    }
}

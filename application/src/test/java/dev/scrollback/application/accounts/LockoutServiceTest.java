package dev.scrollback.application.accounts;

import static dev.scrollback.application.accounts.AccountsFixture.PASSWORD;
import static dev.scrollback.application.accounts.AccountsFixture.WEB;
import static dev.scrollback.application.accounts.AccountsFixture.emailOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrollback.application.shared.Actor;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.RateLimited;
import dev.scrollback.application.shared.RecordedEvent;
import dev.scrollback.domain.accounts.AccountEvent.AccountLocked;
import dev.scrollback.domain.accounts.AccountEvent.AccountUnlocked;
import dev.scrollback.domain.accounts.AccountEvent.LoginFailed;
import dev.scrollback.domain.accounts.AccountEvent.LoginSucceeded;
import dev.scrollback.domain.accounts.AccountEvent.UnlockCodeIssued;
import dev.scrollback.domain.accounts.AccountEvent.UnlockReason;
import dev.scrollback.domain.accounts.AccountRejected;
import dev.scrollback.domain.accounts.AccountRejected.WeakPassword;
import dev.scrollback.domain.accounts.EmailAddress;
import dev.scrollback.domain.accounts.PasswordPolicy.Weakness;
import dev.scrollback.domain.accounts.Secret;
import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.RemoteAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The lockout policy through the login use case, on an in-memory log and a clock the test moves. */
class LockoutServiceTest {
    static final Pattern UNLOCK_CODE = Pattern.compile("(?<!\\d)\\d{8}(?!\\d)");
    final AccountsFixture bbs = new AccountsFixture();

    /** One attempt, told as a short word, so that two handles' stories can be compared. */
    String attempt(String handle, String password, Optional<String> code) {
        try {
            bbs.logInCaller.logIn(new LogInCaller.Command(new Handle(handle), new Secret(password), WEB, Optional.empty(),
                    code.map(Secret::new)));
            return "in";
        } catch (RateLimited slow) {
            return "slow " + slow.retryAfterSeconds() + "s";
        } catch (AccountRejected rejected) {
            return switch (rejected.reason()) {
                case AccountRejected.LockedOut l -> "locked until " + l.until();
                case AccountRejected.InvalidCredentials i -> "wrong";
                default -> rejected.reason().toString();
            };
        }
    }

    /** Wrong passwords until the lock, waiting out each slow-down: what each attempt answered. */
    List<String> bruteForce(String handle) {
        var answers = new ArrayList<String>();
        for (int i = 1; i <= 10; i++) {
            var answer = attempt(handle, "not the password " + i, Optional.empty());
            answers.add(answer);
            if (i >= 5 && i < 10) {
                answers.add(attempt(handle, "too early", Optional.empty()));
                bbs.clock.advance(Duration.ofSeconds(1L << (i - 5)));
            }
        }
        return answers;
    }

    String unlockCodeIn(Mail mail) {
        var m = UNLOCK_CODE.matcher(mail.text());
        assertThat(m.find()).as("an 8-digit code in %s", mail.text()).isTrue();
        return m.group();
    }

    @Test
    void five_wrong_passwords_slow_the_next_attempt_down_without_checking_it() {
        bbs.member("alice");
        for (int i = 0; i < 5; i++) assertThat(attempt("alice", "wrong password " + i, Optional.empty())).isEqualTo("wrong");
        int checks = bbs.hasher.checks();

        assertThat(attempt("alice", PASSWORD, Optional.empty())).isEqualTo("slow 1s");
        assertThat(bbs.hasher.checks()).isEqualTo(checks);

        bbs.clock.advance(Duration.ofSeconds(1));
        assertThat(attempt("alice", PASSWORD, Optional.empty())).isEqualTo("in");
    }

    @Test
    void the_tenth_wrong_password_locks_the_account_and_mails_the_owner_an_unlock_code() {
        var account = bbs.member("alice");
        bbs.mailer.clear();
        long before = bbs.log.lastPosition();

        var answers = bruteForce("alice");

        var lockedAt = bbs.clock.instant();
        var until = lockedAt.plus(Duration.ofMinutes(15));
        assertThat(answers).containsExactly("wrong", "wrong", "wrong", "wrong", "wrong", "slow 1s", "wrong", "slow 2s",
                "wrong", "slow 4s", "wrong", "slow 8s", "wrong", "slow 16s", "locked until " + until);
        var written = bbs.since(before);
        assertThat(written).extracting(RecordedEvent::event).filteredOn(e -> !(e instanceof LoginFailed)).satisfiesExactly(
                e -> assertThat(e).isEqualTo(AccountLocked.afterFailedLogins(account, until, lockedAt)),
                e -> assertThat(e).isInstanceOfSatisfying(UnlockCodeIssued.class, issued -> assertThat(issued.expiresAt()).isEqualTo(until)));
        assertThat(written).allSatisfy(e -> {
            assertThat(e.metadata().actor()).isEqualTo(Actor.anonymous());
            assertThat(e.metadata().origin().address()).isEqualTo(WEB.address());
        });
        assertThat(bbs.mailer.sentTo(emailOf("alice"))).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("Your Scrollback account is locked");
            assertThat(mail.text()).contains(until.toString()).contains("unlockCode");
        });
    }

    @Test
    void the_owner_gets_in_with_password_and_unlock_code_while_the_lock_holds_and_the_code_works_once() {
        var account = bbs.member("alice");
        bruteForce("alice");
        var code = unlockCodeIn(bbs.mailer.last());
        var until = bbs.clock.instant().plus(Duration.ofMinutes(15));
        bbs.clock.advance(Duration.ofMinutes(1));

        assertThat(attempt("alice", PASSWORD, Optional.empty())).isEqualTo("locked until " + until);
        assertThat(attempt("alice", "a wrong password", Optional.of(code))).isEqualTo("locked until " + until);
        assertThat(attempt("alice", PASSWORD, Optional.of("00000000"))).isEqualTo("locked until " + until);
        long before = bbs.log.lastPosition();
        assertThat(attempt("alice", PASSWORD, Optional.of(code))).isEqualTo("in");

        var at = bbs.clock.instant();
        assertThat(bbs.since(before)).extracting(RecordedEvent::event).startsWith(
                new AccountUnlocked(account, UnlockReason.OWNER_CODE, at));
        assertThat(bbs.since(before).get(1).event()).isInstanceOf(LoginSucceeded.class);
        // used: the lock is gone, so the next ten failures would need a new lock and a new code
        var profile = bbs.showProfile.show(bbs.logIn("alice"));
        assertThat(profile.failedLoginsSincePreviousLogin()).isZero();
    }

    @Test
    void the_lock_ends_by_itself_after_fifteen_minutes() {
        bbs.member("alice");
        bruteForce("alice");
        bbs.clock.advance(Duration.ofMinutes(15).minusMillis(1));
        assertThat(attempt("alice", PASSWORD, Optional.empty())).startsWith("locked until");
        bbs.clock.advance(Duration.ofMillis(1));
        assertThat(attempt("alice", PASSWORD, Optional.empty())).isEqualTo("in");
    }

    @Test
    void an_unknown_handle_answers_exactly_like_an_existing_one_lock_included_with_the_same_work() {
        bbs.member("alice");
        int checks = bbs.hasher.checks();
        var known = bruteForce("alice");
        int knownChecks = bbs.hasher.checks() - checks;
        var knownLocked = attempt("alice", "still wrong", Optional.of("12345678"));

        bbs.clock.set(bbs.clock.instant().plus(Duration.ofHours(1)));
        var offset = Duration.ofHours(1).plus(Duration.ofSeconds(31));       // the brute force above took 31 s
        checks = bbs.hasher.checks();
        var unknown = bruteForce("mallory");
        int unknownChecks = bbs.hasher.checks() - checks;
        var unknownLocked = attempt("mallory", "still wrong", Optional.of("12345678"));

        assertThat(unknown).isEqualTo(known.stream().map(a -> a.startsWith("locked until ")
                ? "locked until " + Instant.parse(a.substring(13)).plus(offset) : a).toList());
        assertThat(unknownChecks).isEqualTo(knownChecks);
        assertThat(unknownLocked).startsWith("locked until ");
        assertThat(knownLocked).startsWith("locked until ");
        assertThat(bbs.log.readAfter(0, 10_000)).noneMatch(e -> e.stream().toString().contains("mallory"));
    }

    @Test
    void password_checks_are_limited_per_address_whatever_the_handle() {
        bbs.member("alice");
        var elsewhere = Origin.of(Channel.WEB, new RemoteAddress("198.51.100.9"));
        for (int i = 0; i < 30; i++) attempt("guess" + i, "some password", Optional.empty());
        assertThatThrownBy(() -> bbs.logIn("alice")).isInstanceOf(RateLimited.class);
        assertThat(bbs.logIn("alice", PASSWORD, elsewhere).handle()).isEqualTo(new Handle("alice"));
    }

    @Test
    void a_sysop_unlocks_an_account_and_is_the_actor() {
        bbs.createSysop.create(new CreateSysop.Command(new Handle("root"), Optional.empty(), new Secret(PASSWORD), Origin.system()));
        var sysop = bbs.logIn("root");
        var member = bbs.logIn("root");
        var account = bbs.member("alice");
        var alice = bbs.logIn("alice");
        bruteForce("alice");

        assertThatThrownBy(() -> bbs.unlockAccount.unlock(alice, new Handle("alice"), WEB)).isInstanceOf(AccessDenied.class);
        long before = bbs.log.lastPosition();
        assertThat(bbs.unlockAccount.unlock(sysop, new Handle("ALICE"), WEB)).isEqualTo(new UnlockAccount.Outcome(new Handle("alice"), true));

        var written = bbs.since(before);
        assertThat(written).singleElement().satisfies(e -> {
            assertThat(e.event()).isEqualTo(new AccountUnlocked(account, UnlockReason.SYSOP, bbs.clock.instant()));
            assertThat(e.metadata().actor()).isEqualTo(member.actor());
        });
        assertThat(attempt("alice", PASSWORD, Optional.empty())).isEqualTo("in");
        assertThat(bbs.unlockAccount.unlock(sysop, new Handle("alice"), WEB).wasLocked()).isFalse();
        assertThatThrownBy(() -> bbs.unlockAccount.unlock(sysop, new Handle("nobody"), WEB)).isInstanceOf(AccountRejected.class);
    }

    @Test
    void after_login_the_caller_sees_the_previous_login_and_the_failures_since() {
        bbs.member("alice");
        var telnet = AccountsFixture.telnetConnection();
        var first = bbs.logInOnTelnet("alice", telnet);
        var firstAt = bbs.clock.instant();
        bbs.clock.advance(Duration.ofHours(2));
        attempt("alice", "wrong one", Optional.empty());
        attempt("alice", "wrong two", Optional.empty());

        var profile = bbs.showProfile.show(bbs.logIn("alice"));

        assertThat(profile.previousLogin()).contains(new ShowProfile.PreviousLogin(firstAt, Channel.TELNET, telnet.address()));
        assertThat(profile.failedLoginsSincePreviousLogin()).isEqualTo(2);
        assertThat(profile.lastLogin()).contains(bbs.clock.instant());
        assertThat(first.session()).isNotNull();
    }

    @Test
    void a_common_breached_password_is_refused_at_sign_up() {
        assertThatThrownBy(() -> bbs.registerCaller.register(new RegisterCaller.Command(new Handle("bob"),
                new EmailAddress("bob@example.test"), new Secret("1QAZ2WSX3EDC"), WEB)))
                .isInstanceOfSatisfying(AccountRejected.class,
                        e -> assertThat(e.reason()).isEqualTo(new WeakPassword(Weakness.COMMON)));
    }

    @Test
    void the_bundled_list_holds_at_least_the_ten_thousand_most_common_passwords() {
        assertThat(bbs.commonPasswords.size()).isGreaterThanOrEqualTo(10_000);
        assertThat(bbs.commonPasswords.contains("password")).isTrue();
        assertThat(bbs.commonPasswords.contains("1qaz2wsx3edc")).isTrue();
        assertThat(bbs.commonPasswords.contains("correct horse battery staple")).isFalse();
    }
}

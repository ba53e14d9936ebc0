package dev.scrollback.application.accounts;

import static dev.scrollback.application.accounts.AccountsFixture.PASSWORD;
import static dev.scrollback.application.accounts.AccountsFixture.T0;
import static dev.scrollback.application.accounts.AccountsFixture.WEB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.accounts.AccountEvent;
import dev.scrollback.domain.accounts.AccountEvent.AccountLocked;
import dev.scrollback.domain.accounts.AccountEvent.LockCause;
import dev.scrollback.domain.accounts.EmailAddress;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.accounts.Secret;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.InvalidValue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ListUsersServiceTest {
    final AccountsFixture bbs = new AccountsFixture();
    final ListUsers listUsers = new ListUsersService(bbs.directory, bbs.clock);
    Caller root;

    @BeforeEach
    void a_sysop_and_some_callers() {
        bbs.createSysop.create(new CreateSysop.Command(new Handle("root"), Optional.empty(), new Secret(PASSWORD), Origin.system()));
        bbs.member("alice");
        bbs.member("Bob");
        bbs.registerCaller.register(new RegisterCaller.Command(new Handle("carol"), new EmailAddress("Carol.Jones@Mail.Example"),
                new Secret(PASSWORD), WEB));                        // never verified
        bbs.member("dave");
        root = bbs.logIn("root");
        project();
    }

    /** The directory is fed from the log by the persistence adapter in production; here, by hand. */
    void project() {
        bbs.log.events().forEach(e -> { if (e instanceof AccountEvent a) bbs.directory.apply(a); });
    }

    ListUsers.Page list(Optional<String> q, Optional<UserCursor> after, int limit) {
        return listUsers.list(root, new ListUsers.Query(q.map(UserSearch::new), after, limit));
    }

    static java.util.List<String> handles(ListUsers.Page page) {
        return page.users().stream().map(u -> u.handle().value()).toList();
    }

    @Test
    void a_sysop_sees_every_account_in_handle_order_with_what_a_sysop_needs_to_know() {
        var page = list(Optional.empty(), Optional.empty(), ListUsers.DEFAULT_LIMIT);

        assertThat(handles(page)).containsExactly("alice", "Bob", "carol", "dave", "root");
        assertThat(page.next()).isEmpty();
        var rootRow = page.users().getLast();
        assertThat(rootRow.account()).isEqualTo(root.account());
        assertThat(rootRow.roles()).containsExactlyInAnyOrder(Role.SYSOP, Role.MEMBER);
        assertThat(rootRow.emailVerified()).isTrue();
        assertThat(rootRow.lastLoginAt()).contains(T0);
        assertThat(rootRow.lock()).isEmpty();
        assertThat(rootRow.totpEnabled()).isFalse();
        var carol = page.users().get(2);
        assertThat(carol.roles()).containsExactly(Role.GUEST);
        assertThat(carol.emailVerified()).isFalse();
        assertThat(carol.lastLoginAt()).isEmpty();
        assertThat(carol.registeredAt()).isEqualTo(T0);
    }

    @Test
    void only_a_sysop_may_list() {
        var alice = bbs.logIn("alice");
        var denied = catchThrowableOfType(AccessDenied.class,
                () -> listUsers.list(alice, new ListUsers.Query(Optional.empty(), Optional.empty(), 10)));
        assertThat(denied.reason().anyOf()).containsExactly(Role.SYSOP);
    }

    @Test
    void a_piece_of_a_handle_finds_it_in_any_case_and_width() {
        assertThat(handles(list(Optional.of("LI"), Optional.empty(), 10))).containsExactly("alice");
        assertThat(handles(list(Optional.of("ｂｏ"), Optional.empty(), 10))).containsExactly("Bob");
        assertThat(handles(list(Optional.of("o"), Optional.empty(), 10))).containsExactly("Bob", "carol", "root");
        assertThat(handles(list(Optional.of("zz"), Optional.empty(), 10))).isEmpty();
    }

    @Test
    void a_piece_of_an_email_address_finds_it_in_any_case() {
        assertThat(handles(list(Optional.of("carol.jones@mail.example"), Optional.empty(), 10))).containsExactly("carol");
        assertThat(handles(list(Optional.of("JONES@"), Optional.empty(), 10))).containsExactly("carol");
        assertThat(handles(list(Optional.of("@example.test"), Optional.empty(), 10))).containsExactly("alice", "Bob", "dave");
    }

    @Test
    void a_cursor_pages_through_every_account_once_and_the_last_page_has_no_next() {
        var seen = new ArrayList<String>();
        Optional<UserCursor> cursor = Optional.empty();
        int pages = 0;
        do {
            var page = list(Optional.empty(), cursor.map(c -> UserCursor.parse(c.token())), 2);   // through the wire form
            assertThat(page.users()).hasSizeLessThanOrEqualTo(2);
            seen.addAll(handles(page));
            cursor = page.next();
            pages++;
        } while (cursor.isPresent());

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly("alice", "Bob", "carol", "dave", "root");
    }

    @Test
    void a_search_pages_too_and_a_page_that_ends_the_list_exactly_hands_out_no_cursor() {
        var first = list(Optional.of("o"), Optional.empty(), 2);      // Bob, carol, root hold an o; no email does
        assertThat(handles(first)).containsExactly("Bob", "carol");
        var second = list(Optional.of("o"), first.next(), 2);
        assertThat(handles(second)).containsExactly("root");
        assertThat(second.next()).isEmpty();

        var all = list(Optional.of("o"), Optional.empty(), 3);
        assertThat(handles(all)).containsExactly("Bob", "carol", "root");
        assertThat(all.next()).as("no cursor to an empty page").isEmpty();
    }

    @Test
    void accounts_registered_between_pages_after_the_cursor_show_up_and_none_repeat() {
        var first = list(Optional.empty(), Optional.empty(), 2);
        bbs.member("aaron");                                        // sorts before the cursor: not on later pages
        bbs.member("zoe");
        project();
        var rest = list(Optional.empty(), first.next(), 10);
        assertThat(handles(rest)).containsExactly("carol", "dave", "root", "zoe");
    }

    @Test
    void a_lock_shows_while_it_holds_with_its_cause_and_end() {
        var alice = bbs.directory.page(Optional.empty(), a -> a.handle().value().equals("alice"), 1).getFirst().account();
        var until = T0.plus(Duration.ofMinutes(15));
        bbs.directory.apply(AccountLocked.afterFailedLogins(alice, until, T0));

        var locked = list(Optional.of("alice"), Optional.empty(), 1).users().getFirst();
        assertThat(locked.lock()).contains(new AccountLock(LockCause.FAILED_LOGINS, Optional.of(until), Optional.empty()));

        bbs.clock.set(until);
        assertThat(list(Optional.of("alice"), Optional.empty(), 1).users().getFirst().lock()).isEmpty();
    }

    @Test
    void a_limit_outside_1_to_200_is_refused() {
        for (int limit : new int[] {0, -1, ListUsers.MAX_LIMIT + 1}) {
            assertThatThrownBy(() -> new ListUsers.Query(Optional.empty(), Optional.empty(), limit))
                    .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("limit"));
        }
    }

    @Test
    void a_search_is_one_short_line() {
        for (var bad : new String[] {"", "   ", "x".repeat(UserSearch.MAX_LENGTH + 1), "ali\nce", "a\u0000"}) {
            assertThatThrownBy(() -> new UserSearch(bad)).as("%s", bad)
                    .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("q"));
        }
        assertThat(new UserSearch("  alice ").text()).isEqualTo("alice");
    }

    @Test
    void a_cursor_survives_its_wire_form_and_made_up_ones_are_refused() {
        var cursor = new UserCursor("straße-ǆ");
        assertThat(UserCursor.parse(cursor.token())).isEqualTo(cursor);
        assertThat(cursor.token()).matches("[A-Za-z0-9_-]+");

        var b64 = Base64.getUrlEncoder();
        for (var bad : new String[] {"", "!!!", "%00", "x".repeat(401), b64.encodeToString("alice".getBytes(StandardCharsets.UTF_8)),
                b64.encodeToString("h1:".getBytes(StandardCharsets.UTF_8)), b64.encodeToString(new byte[] {'h', '1', ':', (byte) 0xC3}),
                "aGk=\n", "a b"}) {
            assertThatThrownBy(() -> UserCursor.parse(bad)).as("%s", bad)
                    .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("cursor"));
        }
    }
}

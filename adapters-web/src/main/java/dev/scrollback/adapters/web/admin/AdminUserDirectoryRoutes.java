package dev.scrollback.adapters.web.admin;

import dev.scrollback.adapters.web.Routes;
import dev.scrollback.adapters.web.shared.Api;
import dev.scrollback.adapters.web.accounts.AccountProblems;
import dev.scrollback.adapters.web.accounts.Authentication;
import dev.scrollback.adapters.web.shared.ValidationFailed;
import dev.scrollback.application.accounts.AccountLock;
import dev.scrollback.application.accounts.ListUsers;
import dev.scrollback.application.accounts.UserCursor;
import dev.scrollback.application.accounts.UserSearch;
import dev.scrollback.application.accounts.UserSummary;
import dev.scrollback.application.presence.ShowUser;
import dev.scrollback.application.presence.ShowUser.LoginFact;
import dev.scrollback.application.shared.Actor;
import dev.scrollback.domain.accounts.EmailAddress;
import dev.scrollback.domain.accounts.LockNote;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.RemoteAddress;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Sysops find and inspect accounts: {@code GET /api/v1/admin/users?q=&limit=&cursor=} lists them in handle order, a
 * page at a time ({@code next} is the cursor for the following page, absent on the last), and
 * {@code GET /api/v1/admin/users/{handle}} shows one with its email address, latest login history and open sessions.
 * The sysop role is checked by the use cases (403 otherwise); an unknown handle is 404; odd query parameters are 400.
 */
public final class AdminUserDirectoryRoutes implements Routes {
    private static final Set<String> PARAMETERS = Set.of("q", "limit", "cursor");

    private final ListUsers listUsers;
    private final ShowUser showUser;
    private final Authentication authentication;

    public AdminUserDirectoryRoutes(ListUsers listUsers, ShowUser showUser, Authentication authentication) {
        this.listUsers = listUsers;
        this.showUser = showUser;
        this.authentication = authentication;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/v1/admin/users", this::list);
        routes.get("/api/v1/admin/users/{handle}", this::show);
        AccountProblems.addTo(routes);                  // unknown handle: 404
    }

    @Override
    public void describe(Api api) {
        api.get("/api/v1/admin/users").summary("Sysop: list and search members, a page at a time").authenticated()
                .query("q", "cursor", "limit").answers(200, Page.class).problems(400, 403);
        api.get("/api/v1/admin/users/{handle}").summary("Sysop: one member in detail").authenticated()
                .answers(200, Details.class).problems(400, 403, 404);
    }

    private void list(Context ctx) {
        var sysop = authentication.caller(ctx);
        refuseBrokenEscapes(ctx);
        var query = new ListUsers.Query(
                text(ctx, "q").map(UserSearch::new),
                text(ctx, "cursor").map(UserCursor::parse),
                limit(ctx));
        var page = listUsers.list(sysop, query);
        ctx.json(new Page(page.users().stream().map(User::of).toList(), page.next().map(UserCursor::token)));
    }

    private void show(Context ctx) {
        var sysop = authentication.caller(ctx);
        var details = showUser.show(sysop, new Handle(ctx.pathParam("handle")));
        ctx.json(Details.of(details));
    }

    /**
     * Javalin drops a parameter whose percent-escapes do not decode ({@code cursor=%}), which would turn a broken cursor
     * into "from the start" without a word: refuse the request instead.
     */
    private static void refuseBrokenEscapes(Context ctx) {
        var raw = ctx.queryString();
        if (raw == null) return;
        for (var pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            var name = eq < 0 ? pair : pair.substring(0, eq);
            try {
                URLDecoder.decode(name, StandardCharsets.UTF_8);
                if (eq >= 0) URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException broken) {
                if (PARAMETERS.contains(name)) throw ValidationFailed.field(name, "is not correctly percent-encoded");
                throw ValidationFailed.request("The query string is not correctly percent-encoded.");
            }
        }
    }

    /** An absent or empty parameter is no parameter; one given twice is ambiguous, so refused. */
    private static Optional<String> text(Context ctx, String name) {
        var values = ctx.queryParams(name);
        if (values.size() > 1) throw ValidationFailed.field(name, "is given more than once");
        return values.stream().filter(v -> !v.isEmpty()).findFirst();
    }

    private static int limit(Context ctx) {
        var complaint = "must be a whole number from 1 to " + ListUsers.MAX_LIMIT;
        var text = text(ctx, "limit");
        if (text.isEmpty()) return ListUsers.DEFAULT_LIMIT;
        var digits = text.get();
        if (digits.length() > 3 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw ValidationFailed.field("limit", complaint);
        }
        return Integer.parseInt(digits);                 // the range is the use case's to check
    }

    record Page(List<User> users, Optional<String> next) {}

    /** One account in the list; {@code lock} is null when none is in force. */
    record User(String handle, String accountId, Instant registeredAt, boolean emailVerified, List<String> roles,
                boolean locked, Optional<Lock> lock, boolean totpEnabled, Optional<Instant> lastLoginAt) {
        static User of(UserSummary user) {
            return new User(user.handle().value(), user.account().toString(), user.registeredAt(), user.emailVerified(),
                    user.roles().stream().sorted().map(Role::wireName).toList(), user.lock().isPresent(),
                    user.lock().map(Lock::of), user.totpEnabled(), user.lastLoginAt());
        }
    }

    /** {@code until} null: until a sysop unlocks it. */
    record Lock(String cause, Optional<Instant> until, Optional<String> note) {
        static Lock of(AccountLock lock) {
            return new Lock(wire(lock.cause()), lock.until(), lock.note().map(LockNote::value));
        }
    }

    record Details(String handle, String accountId, Instant registeredAt, boolean emailVerified, List<String> roles,
                   boolean locked, Optional<Lock> lock, boolean totpEnabled, Optional<Instant> lastLoginAt,
                   Optional<String> email, List<Login> logins, List<Session> sessions) {
        static Details of(ShowUser.UserDetails details) {
            var user = User.of(details.summary());
            return new Details(user.handle(), user.accountId(), user.registeredAt(), user.emailVerified(), user.roles(),
                    user.locked(), user.lock(), user.totpEnabled(), user.lastLoginAt(),
                    details.email().map(EmailAddress::value), details.logins().stream().map(Login::of).toList(),
                    details.sessions().stream().map(Session::of).toList());
        }
    }

    /**
     * One login fact, newest first: {@code type} is the event's name; {@code reason} says why a login failed or a lock
     * was lifted, {@code cause} why it was locked; {@code actor} is who did it (a sysop for their own locks and unlocks).
     */
    record Login(Instant at, String type, String channel, Optional<String> address, ActorView actor,
                 Optional<String> reason, Optional<String> cause, Optional<Instant> until, Optional<String> sessionId) {
        static Login of(ShowUser.LoginRecord login) {
            var channel = login.channel().wireName();
            var address = login.address().map(RemoteAddress::value);
            var actor = ActorView.of(login.actor());
            return switch (login.fact()) {
                case LoginFact.Succeeded s -> new Login(login.at(), "LoginSucceeded", channel, address, actor,
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(s.session().toString()));
                case LoginFact.Failed f -> new Login(login.at(), "LoginFailed", channel, address, actor,
                        Optional.of(wire(f.reason())), Optional.empty(), Optional.empty(), Optional.empty());
                case LoginFact.Locked l -> new Login(login.at(), "AccountLocked", channel, address, actor,
                        Optional.empty(), Optional.of(wire(l.cause())), l.until(), Optional.empty());
                case LoginFact.Unlocked u -> new Login(login.at(), "AccountUnlocked", channel, address, actor,
                        Optional.of(wire(u.reason())), Optional.empty(), Optional.empty(), Optional.empty());
            };
        }
    }

    record ActorView(String kind, Optional<String> handle) {
        static ActorView of(Actor actor) {
            return new ActorView(actor.kind().wireName(), actor.handle());
        }
    }

    record Session(String id, String channel, Optional<String> address, Instant since) {
        static Session of(ShowUser.OpenSession session) {
            return new Session(session.session().toString(), session.channel().wireName(),
                    session.address().map(RemoteAddress::value), session.since());
        }
    }

    /** Enum constants as the feed writes them: lower case ({@code wrong_password}, {@code failed_logins}). */
    private static String wire(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}

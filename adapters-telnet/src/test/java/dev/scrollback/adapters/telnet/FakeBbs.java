package dev.scrollback.adapters.telnet;

import dev.scrollback.adapters.telnet.terminal.BbsSettings;
import dev.scrollback.adapters.telnet.terminal.BbsTerminals;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.accounts.LogInCaller;
import dev.scrollback.application.accounts.LogOut;
import dev.scrollback.application.accounts.RegisterCaller;
import dev.scrollback.application.accounts.ResendVerification;
import dev.scrollback.application.accounts.VerifyEmail;
import dev.scrollback.application.presence.Online;
import dev.scrollback.application.presence.WhoIsOnline;
import dev.scrollback.application.sessions.EndSession;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.UuidV7;
import dev.scrollback.domain.accounts.AccountRejected;
import dev.scrollback.domain.accounts.AccountRejected.AlreadyVerified;
import dev.scrollback.domain.accounts.AccountRejected.EmailNotVerified;
import dev.scrollback.domain.accounts.AccountRejected.HandleTaken;
import dev.scrollback.domain.accounts.AccountRejected.InvalidCredentials;
import dev.scrollback.domain.accounts.AccountRejected.WrongCode;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.sessions.EndReason;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.SessionId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * The use cases the session engine calls, faked in memory: they keep just enough state to answer like the real
 * ones and record every call. (The real use cases and the event store are tested end to end in bootstrap.)
 */
public final class FakeBbs {
    public static final Instant NOW = Instant.parse("2025-03-01T20:00:00Z");
    public static final String FIRST_CODE = "123456";
    public static final String FRESH_CODE = "654321";

    record Account(AccountId id, Handle handle, String password, boolean verified, String code, Set<Role> roles) {
        Account(AccountId id, Handle handle, String password, boolean verified, String code) {
            this(id, handle, password, verified, code, Set.of(Role.MEMBER));
        }
    }

    public record Ended(SessionId session, EndReason reason, Origin origin) {}

    public record LoggedOut(Caller caller, Origin origin) {}

    private final Map<Handle, Account> accounts = new ConcurrentHashMap<>();
    public final List<Object> calls = new CopyOnWriteArrayList<>();
    public final List<Ended> ended = new CopyOnWriteArrayList<>();
    public final List<LoggedOut> loggedOut = new CopyOnWriteArrayList<>();
    public final List<Online> online = new CopyOnWriteArrayList<>();

    public FakeBbs withAccount(String handle, String password, boolean verified) {
        accounts.put(new Handle(handle), new Account(new AccountId(UuidV7.next()), new Handle(handle), password, verified,
                FIRST_CODE));
        return this;
    }

    /** A verified account that holds the sysop role as well. */
    public FakeBbs withSysop(String handle, String password) {
        accounts.put(new Handle(handle), new Account(new AccountId(UuidV7.next()), new Handle(handle), password, true,
                FIRST_CODE, Set.of(Role.MEMBER, Role.SYSOP)));
        return this;
    }

    public FakeBbs withSomeoneOnline(String handle, Channel channel, Duration since) {
        online.add(new Online(new SessionId(UuidV7.next()), new Handle(handle), channel, NOW.minus(since)));
        return this;
    }

    public BbsTerminals terminals(Duration loginTimeout, Duration idleTimeout) {
        return new BbsTerminals(registerCaller(), verifyEmail(), resendVerification(), logInCaller(), logOut(),
                endSession(), whoIsOnline(),
                new BbsSettings("Test BBS", loginTimeout, idleTimeout, Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    public <T> List<T> calls(Class<T> type) {
        return calls.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public <T> T only(Class<T> type) {
        var found = calls(type);
        if (found.size() != 1) throw new AssertionError("expected one " + type.getSimpleName() + " call, got " + found);
        return found.getFirst();
    }

    public Ended awaitEnded(Predicate<Ended> which) {
        return Await.until("a session to end", () -> ended.stream().filter(which).findFirst());
    }

    RegisterCaller registerCaller() {
        return command -> {
            calls.add(command);
            if (accounts.containsKey(command.handle())) throw new AccountRejected(new HandleTaken(command.handle()));
            var account = new Account(new AccountId(UuidV7.next()), command.handle(), command.password().value(), false,
                    FIRST_CODE);
            accounts.put(command.handle(), account);
            return new RegisterCaller.Registered(account.id(), account.handle());
        };
    }

    VerifyEmail verifyEmail() {
        return command -> {
            calls.add(command);
            var account = accounts.get(command.handle());
            if (account == null) throw new AccountRejected(new WrongCode());
            if (account.verified()) throw new AccountRejected(new AlreadyVerified());
            if (!account.code().equals(command.code())) throw new AccountRejected(new WrongCode());
            accounts.put(account.handle(), new Account(account.id(), account.handle(), account.password(), true, "",
                    account.roles()));
            return new VerifyEmail.Verified(account.id(), account.handle());
        };
    }

    ResendVerification resendVerification() {
        return command -> {
            calls.add(command);
            accounts.computeIfPresent(command.handle(), (handle, account) ->
                    new Account(account.id(), handle, account.password(), account.verified(), FRESH_CODE, account.roles()));
        };
    }

    LogInCaller logInCaller() {
        return command -> {
            calls.add(command);
            var account = accounts.get(command.handle());
            if (account == null || !account.password().equals(command.password().value())) {
                throw new AccountRejected(new InvalidCredentials());
            }
            if (!account.verified()) throw new AccountRejected(new EmailNotVerified(account.handle()));
            var session = command.origin().session().orElseGet(() -> new SessionId(UuidV7.next()));
            online.add(new Online(session, account.handle(), command.origin().channel(), NOW));
            return new Caller(account.id(), account.handle(), session, account.roles());
        };
    }

    LogOut logOut() {
        return (caller, origin) -> {
            loggedOut.add(new LoggedOut(caller, origin));
            online.removeIf(o -> o.session().equals(caller.session()));
        };
    }

    EndSession endSession() {
        return (session, reason, origin) -> {
            ended.add(new Ended(session, reason, origin));
            online.removeIf(o -> o.session().equals(session));
        };
    }

    WhoIsOnline whoIsOnline() {
        return viewer -> List.copyOf(online);
    }
}

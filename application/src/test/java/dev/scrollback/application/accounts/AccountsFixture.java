package dev.scrollback.application.accounts;

import dev.scrollback.application.sessions.SessionActivity;
import dev.scrollback.application.shared.ControlledClock;
import dev.scrollback.application.shared.CountingRateLimiter;
import dev.scrollback.application.shared.InMemoryEventLog;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.RecordedEvent;
import dev.scrollback.domain.accounts.EmailAddress;
import dev.scrollback.domain.accounts.Secret;
import dev.scrollback.domain.sessions.Terminal;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.RemoteAddress;
import dev.scrollback.domain.shared.SessionId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The accounts use cases wired by hand on an in-memory log, a controlled clock, a plain-text hasher and a mail bag. */
final class AccountsFixture {
    static final Instant T0 = Instant.parse("2025-03-01T20:00:00Z");
    static final String PASSWORD = "correct horse battery staple";
    static final RemoteAddress ADDRESS = new RemoteAddress("192.0.2.7");
    static final Origin WEB = Origin.of(Channel.WEB, ADDRESS);

    final InMemoryEventLog log = new InMemoryEventLog();
    final ControlledClock clock = new ControlledClock(T0);
    final PlainTextHasher hasher = new PlainTextHasher();
    final RecordingMailer mailer = new RecordingMailer();
    final SessionActivity activity = new SessionActivity(clock);
    final AccountDirectory directory = new AccountDirectory();

    final CountingRateLimiter limiter = new CountingRateLimiter(clock);
    final CommonPasswordList commonPasswords = new CommonPasswordList();

    final RegisterCaller registerCaller = new RegisterCallerService(log, hasher, mailer, clock, commonPasswords, limiter);
    final VerifyEmail verifyEmail = new VerifyEmailService(log, hasher, clock, limiter);
    final ResendVerification resendVerification = new ResendVerificationService(log, hasher, mailer, clock, limiter);
    final StepCodes totpCodes = new StepCodes();
    final LogInCaller logInCaller = new LogInCallerService(log, hasher, clock, activity, limiter, mailer, totpCodes);
    final TotpService totp = new TotpService(log, hasher, totpCodes, clock);
    final LogOut logOut = new LogOutService(log, clock, activity);
    final AuthenticateSession authenticateSession = new AuthenticateSessionService(log, activity, clock);
    final ShowProfile showProfile = new ShowProfileService(log);
    final UnlockAccount unlockAccount = new UnlockAccountService(log, clock);
    final ManageRoles manageRoles = new ManageRolesService(log, clock, directory);
    final CreateSysop createSysop = new CreateSysopService(log, hasher, clock, directory, commonPasswords);
    final AccountErasure eraseAccount = new AccountErasure(log, clock, hasher, totpCodes, directory);

    static EmailAddress emailOf(String handle) {
        return new EmailAddress(handle.toLowerCase(java.util.Locale.ROOT) + "@example.test");
    }

    static Origin telnetConnection() {
        return new Origin(Channel.TELNET, Optional.of(ADDRESS), Optional.of(new SessionId(UUID.randomUUID())));
    }

    RegisterCaller.Registered register(String handle) {
        return registerCaller.register(new RegisterCaller.Command(new Handle(handle), emailOf(handle), new Secret(PASSWORD), WEB));
    }

    /** Registers and verifies with the mailed code. */
    AccountId member(String handle) {
        var registered = register(handle);
        verifyEmail.verify(new VerifyEmail.Command(new Handle(handle), mailer.lastCode(), WEB));
        return registered.account();
    }

    Caller logIn(String handle) {
        return logIn(handle, PASSWORD, WEB);
    }

    Caller logIn(String handle, String password, Origin origin) {
        return logInCaller.logIn(new LogInCaller.Command(new Handle(handle), new Secret(password), origin, Optional.empty()));
    }

    Caller logInOnTelnet(String handle, Origin connection) {
        return logInCaller.logIn(new LogInCaller.Command(new Handle(handle), new Secret(PASSWORD), connection,
                Optional.of(new Terminal("ANSI", 80, 25))));
    }

    /** Everything recorded after {@code position}. */
    java.util.List<RecordedEvent> since(long position) {
        return log.readAfter(position, 10_000);
    }
}

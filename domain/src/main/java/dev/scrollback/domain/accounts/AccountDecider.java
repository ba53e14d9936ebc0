package dev.scrollback.domain.accounts;

import dev.scrollback.domain.accounts.AccountCommand.ChangePassword;
import dev.scrollback.domain.accounts.AccountCommand.EraseBySysop;
import dev.scrollback.domain.accounts.AccountCommand.EraseOwn;
import dev.scrollback.domain.accounts.AccountEvent.AccountErased;
import dev.scrollback.domain.accounts.AccountCommand.CompletePasswordReset;
import dev.scrollback.domain.accounts.AccountCommand.Lock;
import dev.scrollback.domain.accounts.AccountCommand.RequestPasswordReset;
import dev.scrollback.domain.accounts.AccountCommand.ResetTotp;
import dev.scrollback.domain.accounts.AccountEvent.LockCause;
import dev.scrollback.domain.accounts.AccountEvent.PasswordResetCompleted;
import dev.scrollback.domain.accounts.AccountEvent.PasswordResetRequested;
import dev.scrollback.domain.accounts.AccountEvent.ResetCause;
import dev.scrollback.domain.accounts.AccountRejected.LockEndsInThePast;
import dev.scrollback.domain.accounts.AccountRejected.LockedBySysop;
import dev.scrollback.domain.accounts.AccountRejected.PasswordResetRequired;
import dev.scrollback.domain.accounts.AccountCommand.DisableTotp;
import dev.scrollback.domain.accounts.AccountCommand.EnrolTotp;
import dev.scrollback.domain.accounts.AccountCommand.GrantRole;
import dev.scrollback.domain.accounts.AccountCommand.IssueEmailVerification;
import dev.scrollback.domain.accounts.AccountCommand.IssueUnlockCode;
import dev.scrollback.domain.accounts.AccountCommand.Unlock;
import dev.scrollback.domain.accounts.AccountCommand.LogIn;
import dev.scrollback.domain.accounts.AccountCommand.LogOut;
import dev.scrollback.domain.accounts.AccountCommand.Register;
import dev.scrollback.domain.accounts.AccountCommand.RegisterSysop;
import dev.scrollback.domain.accounts.AccountCommand.RevokeRole;
import dev.scrollback.domain.accounts.AccountCommand.VerifyEmail;
import dev.scrollback.domain.accounts.AccountEvent.AccountLocked;
import dev.scrollback.domain.accounts.AccountEvent.AccountRegistered;
import dev.scrollback.domain.accounts.AccountEvent.AccountUnlocked;
import dev.scrollback.domain.accounts.AccountEvent.UnlockCodeIssued;
import dev.scrollback.domain.accounts.AccountEvent.UnlockReason;
import dev.scrollback.domain.accounts.AccountEvent.EmailVerificationIssued;
import dev.scrollback.domain.accounts.AccountEvent.EmailVerified;
import dev.scrollback.domain.accounts.AccountEvent.LoggedOut;
import dev.scrollback.domain.accounts.AccountEvent.LoginFailed;
import dev.scrollback.domain.accounts.AccountEvent.LoginFailure;
import dev.scrollback.domain.accounts.AccountEvent.LoginSucceeded;
import dev.scrollback.domain.accounts.AccountEvent.PasswordChanged;
import dev.scrollback.domain.accounts.AccountEvent.RecoveryCodeUsed;
import dev.scrollback.domain.accounts.AccountEvent.RoleGranted;
import dev.scrollback.domain.accounts.AccountEvent.RoleRevoked;
import dev.scrollback.domain.accounts.AccountEvent.TotpCodeAccepted;
import dev.scrollback.domain.accounts.AccountEvent.TotpDisabled;
import dev.scrollback.domain.accounts.AccountEvent.TotpEnrolled;
import dev.scrollback.domain.accounts.AccountRejected.AlreadyRegistered;
import dev.scrollback.domain.accounts.AccountRejected.AlreadyVerified;
import dev.scrollback.domain.accounts.AccountRejected.CodeExpired;
import dev.scrollback.domain.accounts.AccountRejected.InvalidCredentials;
import dev.scrollback.domain.accounts.AccountRejected.LockedOut;
import dev.scrollback.domain.accounts.AccountRejected.NotLocked;
import dev.scrollback.domain.accounts.AccountRejected.NoEmailOnFile;
import dev.scrollback.domain.accounts.AccountRejected.TotpAlreadyEnabled;
import dev.scrollback.domain.accounts.AccountRejected.TotpNotEnabled;
import dev.scrollback.domain.accounts.AccountRejected.TotpRequired;
import dev.scrollback.domain.accounts.AccountRejected.UnknownAccount;
import dev.scrollback.domain.accounts.AccountRejected.WeakPassword;
import dev.scrollback.domain.accounts.AccountRejected.WrongPassword;
import dev.scrollback.domain.accounts.AccountRejected.WrongCode;
import dev.scrollback.domain.accounts.AccountState.PendingVerification;
import dev.scrollback.domain.accounts.AccountState.Registered;
import dev.scrollback.domain.accounts.AccountState.Unregistered;
import dev.scrollback.domain.shared.Decider;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One account on its own stream ({@code account-<uuid>}). Handle uniqueness is decided by {@link HandleDecider} on
 * the handle's stream, appended in the same transaction as {@link AccountRegistered}.
 */
public final class AccountDecider implements Decider<AccountCommand, AccountState, AccountEvent> {

    @Override
    public AccountState initialState() {
        return new Unregistered();
    }

    @Override
    public List<AccountEvent> decide(AccountCommand command, AccountState state) {
        return switch (state) {
            case Unregistered u -> switch (command) {
                case Register r -> List.of(new AccountRegistered(r.account(), r.handle(), r.email(), r.passwordHash(), r.at()));
                case RegisterSysop r -> List.of(
                        new AccountRegistered(r.account(), r.handle(), r.email(), r.passwordHash(), r.at()),
                        new EmailVerified(r.account(), r.at()),
                        new RoleGranted(r.account(), Role.SYSOP, r.at()));
                // Unknown accounts answer exactly like a wrong password: nothing reveals that a handle is free.
                case LogIn l -> throw rejected(new InvalidCredentials());
                case IssueEmailVerification i -> throw rejected(new UnknownAccount());
                case VerifyEmail v -> throw rejected(new InvalidCredentials());
                case LogOut l -> throw rejected(new UnknownAccount());
                case GrantRole g -> throw rejected(new UnknownAccount());
                case RevokeRole r -> throw rejected(new UnknownAccount());
                case IssueUnlockCode i -> throw rejected(new UnknownAccount());
                case Unlock un -> throw rejected(new UnknownAccount());
                case EnrolTotp e -> throw rejected(new UnknownAccount());
                case DisableTotp d -> throw rejected(new UnknownAccount());
                case ChangePassword c -> throw rejected(new UnknownAccount());
                case RequestPasswordReset r -> throw rejected(new UnknownAccount());
                case CompletePasswordReset c -> throw rejected(new WrongCode());
                case Lock l -> throw rejected(new UnknownAccount());
                case ResetTotp t -> throw rejected(new UnknownAccount());
                case EraseOwn e -> throw rejected(new UnknownAccount());
                case EraseBySysop e -> throw rejected(new UnknownAccount());
            };
            case Registered r -> decide(command, r);
            // An erased account answers like an unknown one, except to a second erasure, which is told plainly
            case AccountState.Erased erased -> throw rejected(switch (command) {
                case Register r -> new AlreadyRegistered();
                case RegisterSysop r -> new AlreadyRegistered();
                case LogIn l -> new InvalidCredentials();
                case VerifyEmail v -> new InvalidCredentials();
                case CompletePasswordReset c -> new WrongCode();
                case EraseOwn e -> new AccountRejected.AlreadyErased();
                case EraseBySysop e -> new AccountRejected.AlreadyErased();
                default -> new UnknownAccount();
            });
        };
    }

    private static List<AccountEvent> decide(AccountCommand command, Registered account) {
        var id = account.account();
        return switch (command) {
            case Register r -> throw rejected(new AlreadyRegistered());
            case RegisterSysop r -> throw rejected(new AlreadyRegistered());
            case IssueEmailVerification i -> {
                if (account.emailVerified()) throw rejected(new AlreadyVerified());
                if (account.email().isEmpty()) throw rejected(new NoEmailOnFile());
                yield List.of(new EmailVerificationIssued(id, i.codeHash(), i.expiresAt(), i.at()));
            }
            case VerifyEmail v -> verify(v, account);
            case LogIn l -> logIn(l, account);
            case LogOut l -> List.of(new LoggedOut(id, l.session(), l.at()));
            case GrantRole g -> {
                refuseDerived(g.role());
                yield account.roles().contains(g.role()) ? List.of() : List.of(new RoleGranted(id, g.role(), g.at()));
            }
            case RevokeRole r -> revoke(r, account);
            case IssueUnlockCode i -> {
                var lock = account.attempts().lockAt(i.at()).orElseThrow(() -> rejected(new NotLocked()));
                yield List.of(new UnlockCodeIssued(id, i.codeHash(), lock.until(), i.at()));
            }
            // Nothing to lift is no error: a sysop's second click changes nothing.
            case Unlock un -> account.attempts().lockAt(un.at()).isPresent() || account.consecutiveFailures() > 0
                    || account.sysopLockAt(un.at()).isPresent()
                    ? List.of(new AccountUnlocked(id, UnlockReason.SYSOP, un.at()))
                    : List.of();
            case Lock lock -> {
                if (lock.until().isPresent() && !lock.until().get().isAfter(lock.at())) throw rejected(new LockEndsInThePast());
                yield List.of(new AccountLocked(id, LockCause.SYSOP, lock.until(), lock.note(), lock.at()));
            }
            case ResetTotp t -> account.totp().isPresent() ? List.of(new TotpDisabled(id, t.at())) : List.of();
            case RequestPasswordReset r -> {
                if (account.email().isEmpty()) throw rejected(new NoEmailOnFile());
                yield List.of(new PasswordResetRequested(id, r.codeDigest(), r.expiresAt(), r.cause(), r.at()));
            }
            case CompletePasswordReset c -> completeReset(c, account);
            case EnrolTotp e -> {
                if (account.totp().isPresent()) throw rejected(new TotpAlreadyEnabled());
                if (!e.password().matches(account.passwordHash())) throw rejected(new WrongPassword());
                yield List.of(new TotpEnrolled(id, e.secret(), e.recoveryCodes(), e.at()));
            }
            case DisableTotp d -> {
                if (account.totp().isEmpty()) throw rejected(new TotpNotEnabled());
                if (!d.password().matches(account.passwordHash())) throw rejected(new WrongPassword());
                yield List.of(new TotpDisabled(id, d.at()));
            }
            case ChangePassword c -> changePassword(c, account);
            case EraseOwn e -> eraseOwn(e, account);
            case EraseBySysop e -> {
                refuseLastSysop(account, e.otherSysops());
                yield List.of(new AccountErased(id, e.at()));
            }
        };
    }

    /**
     * The password first (so nothing else is told to someone without it), then the second factor when enrolled: an
     * authenticator code of a step not used before, or an unused recovery code. Neither is recorded as spent: the
     * account ends with this event.
     */
    private static List<AccountEvent> eraseOwn(EraseOwn e, Registered account) {
        if (!e.password().matches(account.passwordHash())) throw rejected(new WrongPassword());
        if (account.totp().isPresent()) {
            var totp = account.totp().get();
            var typed = e.secondFactor().orElseThrow(() -> rejected(new TotpRequired()));
            if (totp.acceptableStep(typed).isEmpty() && totp.unusedRecoveryCode(typed).isEmpty()) {
                throw rejected(new AccountRejected.WrongTotp());
            }
        }
        refuseLastSysop(account, e.otherSysops());
        return List.of(new AccountErased(account.account(), e.at()));
    }

    /** The board keeps a sysop: the last one cannot be erased, as it cannot lose the role. */
    private static void refuseLastSysop(Registered account, int otherSysops) {
        if (account.roles().contains(Role.SYSOP) && otherSysops < 1) throw new RoleRejected(new RoleRejected.LastSysop());
    }

    /** Like granting, taking away a role not held records nothing: a sysop's second click changes nothing. */
    private static List<AccountEvent> revoke(RevokeRole r, Registered account) {
        refuseDerived(r.role());
        if (!account.roles().contains(r.role())) return List.of();
        if (r.role() == Role.SYSOP && r.otherSysops() < 1) throw new RoleRejected(new RoleRejected.LastSysop());
        return List.of(new RoleRevoked(account.account(), r.role(), r.at()));
    }

    /** Member and guest follow from email verification ({@link Registered#effectiveRoles()}), never from a sysop. */
    private static void refuseDerived(Role role) {
        if (role == Role.MEMBER || role == Role.GUEST) throw new RoleRejected(new RoleRejected.DerivedRole(role));
    }

    /**
     * A wrong current password is a rejection, not a {@link LoginFailed}: the caller is already logged in, so it does
     * not count towards the login lock (which would only keep the owner's other devices out); the route that carries
     * it is rate limited instead. The current password is checked first, so the policy tells nothing to a stranger.
     */
    private static List<AccountEvent> changePassword(ChangePassword c, Registered account) {
        if (!c.current().matches(account.passwordHash())) throw rejected(new WrongPassword());
        var weakness = PasswordPolicy.check(c.next(), account.handle(), account.email(), c.common());
        if (weakness.isPresent()) throw rejected(new WeakPassword(weakness.get()));
        if (c.nextCheck().matches(account.passwordHash())) {
            throw rejected(new WeakPassword(PasswordPolicy.Weakness.SAME_AS_CURRENT));
        }
        return List.of(new PasswordChanged(account.account(), c.nextHash(), c.keptSession(), c.at()));
    }

    /**
     * The code proves the owner reads the mailbox on file: besides the new password, that verifies an unverified
     * address and lifts a lock from failed logins (not a sysop's lock: that one is the sysop's to lift). The code is
     * checked before the policy, so the policy tells nothing to someone without it.
     */
    private static List<AccountEvent> completeReset(CompletePasswordReset c, Registered account) {
        var id = account.account();
        var pending = account.reset().pending().orElseThrow(() -> rejected(new WrongCode()));
        if (!c.code().matches(pending.codeDigest())) throw rejected(new WrongCode());
        if (!c.at().isBefore(pending.expiresAt())) throw rejected(new CodeExpired());
        var weakness = PasswordPolicy.check(c.next(), account.handle(), account.email(), c.common());
        if (weakness.isPresent()) throw rejected(new WeakPassword(weakness.get()));
        var events = new ArrayList<AccountEvent>();
        events.add(new PasswordResetCompleted(id, c.nextHash(), c.at()));
        if (!account.emailVerified()) events.add(new EmailVerified(id, c.at()));
        if (account.attempts().lockAt(c.at()).isPresent() || account.consecutiveFailures() > 0) {
            events.add(new AccountUnlocked(id, UnlockReason.PASSWORD_RESET, c.at()));
        }
        return List.copyOf(events);
    }

    private static List<AccountEvent> verify(VerifyEmail v, Registered account) {
        if (account.emailVerified()) throw rejected(new AlreadyVerified());
        var pending = account.pendingVerification().orElseThrow(() -> rejected(new WrongCode()));
        if (!v.at().isBefore(pending.expiresAt())) throw rejected(new CodeExpired());
        if (!v.code().matches(pending.codeHash())) throw rejected(new WrongCode());
        return List.of(new EmailVerified(account.account(), v.at()));
    }

    /**
     * A wrong password is a fact worth recording, so it is an event, not a rejection. A locked account, or one slowed
     * down, is refused before the password is looked at; the owner gets in while locked with the mailed unlock code
     * and the right password, so an attacker who triggers the lock cannot keep the owner out.
     */
    private static List<AccountEvent> logIn(LogIn l, Registered account) {
        var id = account.account();
        var lock = account.attempts().lockAt(l.at());
        if (lock.isPresent()) {
            var codeHash = lock.get().unlockCodeHash();
            boolean codeMatches = l.unlockCode().isPresent() && codeHash.isPresent() && l.unlockCode().get().matches(codeHash.get());
            if (!codeMatches || !l.password().matches(account.passwordHash())) {
                throw rejected(new LockedOut(lock.get().until()));
            }
            var unlocked = new AccountUnlocked(id, UnlockReason.OWNER_CODE, l.at());
            var events = new ArrayList<AccountEvent>(List.of(unlocked));
            events.addAll(rightPassword(l, account.withLogins(LoginAttempts.none(), account.logins())));
            return List.copyOf(events);
        }
        var refusal = account.attempts().refusal(l.at());
        if (refusal.isPresent()) throw rejected(refusal.get());
        if (!l.password().matches(account.passwordHash())) return failed(LoginFailure.WRONG_PASSWORD, l, account);
        return rightPassword(l, account);
    }

    private static List<AccountEvent> failed(LoginFailure reason, LogIn l, Registered account) {
        var failed = new LoginFailed(account.account(), account.handle(), reason, l.at());
        return account.attempts().nextFailureLocks()
                ? List.of(failed, AccountLocked.afterFailedLogins(account.account(), l.at().plus(LoginAttempts.LOCK_FOR), l.at()))
                : List.of(failed);
    }

    /**
     * After the right password: an unverified email stops here; TOTP wants a code — none sent is a rejection (nothing
     * happened yet), a wrong one (or one whose time step was already used) a failed login like a wrong password.
     */
    private static List<AccountEvent> rightPassword(LogIn l, Registered account) {
        var id = account.account();
        // Told only after the right password: a stranger learns nothing from them.
        var sysopLock = account.sysopLockAt(l.at());
        if (sysopLock.isPresent()) throw rejected(new LockedBySysop(sysopLock.get().until(), sysopLock.get().note()));
        if (account.reset().required()) throw rejected(new PasswordResetRequired());
        if (!account.emailVerified()) {
            return List.of(new LoginFailed(id, account.handle(), LoginFailure.EMAIL_NOT_VERIFIED, l.at()));
        }
        var succeeded = new LoginSucceeded(id, account.handle(), l.session(), l.at());
        if (account.totp().isEmpty()) return List.of(succeeded);
        var totp = account.totp().get();
        var typed = l.secondFactor().orElseThrow(() -> rejected(new TotpRequired()));
        var step = totp.acceptableStep(typed);
        if (step.isPresent()) return List.of(succeeded, new TotpCodeAccepted(id, step.getAsLong(), l.at()));
        var recovery = totp.unusedRecoveryCode(typed);
        if (recovery.isPresent()) {
            return List.of(succeeded, new RecoveryCodeUsed(id, recovery.getAsInt(), totp.recoveryCodesLeft() - 1, l.at()));
        }
        return failed(LoginFailure.WRONG_TOTP, l, account);
    }

    private static AccountRejected rejected(AccountRejected.Reason reason) {
        return new AccountRejected(reason);
    }

    @Override
    public AccountState evolve(AccountState state, AccountEvent event) {
        return switch (state) {
            case Unregistered u -> event instanceof AccountRegistered e
                    ? new Registered(e.account(), e.handle(), e.email(), e.passwordHash(), false, Optional.empty(),
                            Set.of(), LoginAttempts.none(), LoginHistory.none(), e.at(), Optional.empty(),
                            Optional.empty(), AccountState.PasswordReset.none(), Optional.empty())
                    : u;
            case Registered r -> switch (event) {
                case AccountRegistered e -> r;                                  // cannot recur on its own stream
                case EmailVerificationIssued e ->
                        r.withVerification(Optional.of(new PendingVerification(e.codeHash(), e.expiresAt())), false);
                case EmailVerified e -> r.withVerification(Optional.empty(), true);
                case LoginSucceeded e ->
                        r.withLogins(LoginAttempts.none(), r.logins().succeeded(new LoginHistory.Login(e.at(), e.session())));
                case LoginFailed e -> e.reason().counts()
                        ? r.withLogins(r.attempts().failed(e.at()), r.logins().failed())
                        : r;
                case AccountLocked e -> switch (e.cause()) {
                    case FAILED_LOGINS -> r.withLogins(r.attempts().locked(e.until().orElse(e.at().plus(LoginAttempts.LOCK_FOR))), r.logins());
                    case SYSOP -> r.withSysopLock(Optional.of(new AccountState.SysopLock(e.until(), e.note())))
                            .revokingSessionsAt(e.at(), Optional.empty());
                };
                case UnlockCodeIssued e -> r.withLogins(r.attempts().withUnlockCode(e.codeHash()), r.logins());
                case AccountUnlocked e -> e.reason() == UnlockReason.SYSOP
                        ? r.withLogins(LoginAttempts.none(), r.logins()).withSysopLock(Optional.empty())
                        : r.withLogins(LoginAttempts.none(), r.logins());
                case LoggedOut e -> r;
                case RoleGranted e -> r.withRole(e.role());
                case RoleRevoked e -> r.withoutRole(e.role());
                case TotpEnrolled e -> r.withTotp(Optional.of(Totp.enrolled(e.secret(), e.recoveryCodes())));
                case TotpDisabled e -> r.withTotp(Optional.empty());
                case TotpCodeAccepted e -> r.withTotp(r.totp().map(t -> t.accepted(e.step())));
                case RecoveryCodeUsed e -> r.withTotp(r.totp().map(t -> t.recoveryCodeUsed(e.position())));
                case PasswordChanged e -> r.withPassword(e.passwordHash()).revokingSessionsAt(e.at(), e.keptSession());
                case PasswordResetRequested e -> {
                    var requested = r.withReset(new AccountState.PasswordReset(
                            Optional.of(new AccountState.PendingReset(e.codeDigest(), e.expiresAt())),
                            r.reset().required() || e.cause() == ResetCause.SYSOP));
                    yield e.cause() == ResetCause.SYSOP ? requested.revokingSessionsAt(e.at(), Optional.empty()) : requested;
                }
                case PasswordResetCompleted e -> r.withPassword(e.passwordHash()).withReset(AccountState.PasswordReset.none())
                        .revokingSessionsAt(e.at(), Optional.empty());
                case AccountErased e -> new AccountState.Erased(r.account(), r.handle(), e.at());
            };
            case AccountState.Erased erased -> erased;                  // nothing follows an erasure
        };
    }
}

package dev.scrollback.application.presence;

import dev.scrollback.application.accounts.AccessDenied;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.accounts.ForcePasswordReset;
import dev.scrollback.application.accounts.HandleLookup;
import dev.scrollback.application.accounts.Mailer;
import dev.scrollback.application.accounts.OwnAccountRefused;
import dev.scrollback.application.accounts.PasswordResetIndex;
import dev.scrollback.application.accounts.ResetCodes;
import dev.scrollback.application.accounts.SysopDecisions;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.accounts.AccountCommand.RequestPasswordReset;
import dev.scrollback.domain.accounts.AccountEvent.ResetCause;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.sessions.EndReason;
import dev.scrollback.domain.shared.Handle;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;

/** In presence: it ends the account's sessions found there. */
@Named
final class ForcePasswordResetService implements ForcePasswordReset {
    static final String ENDED_NOTICE = "A sysop requires a new password for your account: check your mail for the reset code. Goodbye.";

    private final SysopDecisions decisions;
    private final EventLog log;
    private final OwnedSessions sessions;
    private final PasswordResetIndex index;
    private final Mailer mailer;

    @Inject
    ForcePasswordResetService(EventLog log, Clock clock, OwnedSessions sessions, PasswordResetIndex index, Mailer mailer) {
        this.decisions = new SysopDecisions(log, clock);
        this.log = log;
        this.sessions = sessions;
        this.index = index;
        this.mailer = mailer;
    }

    @Override
    public Outcome force(Caller sysop, Handle handle, Origin origin) {
        AccessDenied.unlessAny(sysop, Role.SYSOP);
        if (HandleLookup.accountOf(log, handle).filter(sysop.account()::equals).isPresent()) {
            throw new OwnAccountRefused("force-password-reset");
        }
        var code = ResetCodes.issue();
        var applied = decisions.decide(sysop, handle, origin,
                at -> new RequestPasswordReset(code.digest(), at.plus(ResetCodes.VALIDITY), ResetCause.SYSOP, at));
        var expiresAt = applied.at().plus(ResetCodes.VALIDITY);
        index.remember(applied.account(), code.digest());
        int ended = sessions.endAll(applied.account(), EndReason.KICKED, sysop.actor(), origin, ENDED_NOTICE);
        var owner = applied.before();
        boolean mailed = true;
        try {   // the decider refused an account without an address, so there is one
            mailer.send(ResetCodes.mail(owner.email().orElseThrow(), owner.handle(), code.text(), expiresAt, true));
        } catch (Mailer.MailFailed e) {
            mailed = false;
        }
        return new Outcome(owner.handle(), expiresAt, ended, mailed);
    }
}

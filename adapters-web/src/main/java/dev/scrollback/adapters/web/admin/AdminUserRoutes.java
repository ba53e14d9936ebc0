package dev.scrollback.adapters.web.admin;

import dev.scrollback.adapters.web.Routes;
import dev.scrollback.adapters.web.shared.Api;
import dev.scrollback.adapters.web.accounts.AccountProblems;
import dev.scrollback.adapters.web.accounts.Authentication;
import dev.scrollback.adapters.web.shared.JsonBody;
import dev.scrollback.adapters.web.shared.Problem;
import dev.scrollback.adapters.web.shared.RequestOrigin;
import dev.scrollback.adapters.web.shared.ValidationFailed;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.accounts.ForcePasswordReset;
import dev.scrollback.application.accounts.LockAccount;
import dev.scrollback.application.accounts.OwnAccountRefused;
import dev.scrollback.application.accounts.ResetAccountTotp;
import dev.scrollback.application.accounts.UnlockAccount;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.accounts.LockNote;
import dev.scrollback.domain.shared.Handle;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Sysop actions on accounts under {@code /api/v1/admin/users/{handle}/...}: lock, unlock, force a password reset,
 * reset two-factor login. The sysop role is checked by each use case (403 otherwise), not here; an unknown handle is
 * 404; each action is an event with the sysop as actor.
 */
public final class AdminUserRoutes implements Routes {
    /** Beyond this a lock is "until a sysop unlocks it": say so instead of a date centuries away. */
    static final Duration LONGEST_TIMED_LOCK = Duration.ofDays(3660);

    private final UnlockAccount unlockAccount;
    private final LockAccount lockAccount;
    private final ForcePasswordReset forcePasswordReset;
    private final ResetAccountTotp resetTotp;
    private final Authentication authentication;
    private final Clock clock;

    public AdminUserRoutes(UnlockAccount unlockAccount, LockAccount lockAccount, ForcePasswordReset forcePasswordReset,
                           ResetAccountTotp resetTotp, Authentication authentication, Clock clock) {
        this.unlockAccount = unlockAccount;
        this.lockAccount = lockAccount;
        this.forcePasswordReset = forcePasswordReset;
        this.resetTotp = resetTotp;
        this.authentication = authentication;
        this.clock = clock;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post("/api/v1/admin/users/{handle}/lock", this::lock);
        routes.post("/api/v1/admin/users/{handle}/unlock", this::unlock);
        routes.post("/api/v1/admin/users/{handle}/password-reset", this::forceReset);
        routes.delete("/api/v1/admin/users/{handle}/totp", this::resetTotp);
        routes.exception(OwnAccountRefused.class, (e, ctx) -> Problem.forStatus(409).withDetail("A sysop cannot "
                + ("lock".equals(e.reason().name()) ? "lock" : "force a password reset on")
                + " their own account; ask another sysop, or change your password at POST /api/v1/me/password.").writeTo(ctx));
        AccountProblems.addTo(routes);                  // unknown handle: 404
    }

    @Override
    public void describe(Api api) {
        api.post("/api/v1/admin/users/{handle}/lock").summary("Sysop: lock an account (ends its sessions)").authenticated()
                .body(LockForm.class).answers(200, Locked.class).problems(400, 403, 404, 409);
        api.post("/api/v1/admin/users/{handle}/unlock").summary("Sysop: unlock an account").authenticated()
                .answers(200, Unlocked.class).problems(403, 404);
        api.post("/api/v1/admin/users/{handle}/password-reset").summary("Sysop: force a password reset (mails a code)")
                .authenticated().answers(200, ResetForced.class).problems(403, 404, 409);
        api.delete("/api/v1/admin/users/{handle}/totp").summary("Sysop: turn off a member's authenticator app (TOTP)")
                .authenticated().answers(200, TotpReset.class).problems(403, 404);
    }

    private void lock(Context ctx) {
        var sysop = authentication.caller(ctx);
        var form = JsonBody.read(ctx, LockForm.class);
        var until = form.until(clock.instant());
        var note = Optional.ofNullable(form.note()).filter(n -> !n.isBlank()).map(LockNote::new);
        var outcome = lockAccount.lock(sysop, handle(ctx), until, note, origin(ctx, sysop));
        ctx.json(new Locked(outcome.handle().value(), outcome.until().map(Instant::toString), outcome.sessionsEnded()));
    }

    private void unlock(Context ctx) {
        var sysop = authentication.caller(ctx);
        var outcome = unlockAccount.unlock(sysop, handle(ctx), origin(ctx, sysop));
        ctx.json(new Unlocked(outcome.handle().value(), outcome.wasLocked()));
    }

    private void forceReset(Context ctx) {
        var sysop = authentication.caller(ctx);
        var outcome = forcePasswordReset.force(sysop, handle(ctx), origin(ctx, sysop));
        ctx.json(new ResetForced(outcome.handle().value(), outcome.codeExpiresAt().toString(), outcome.sessionsEnded(),
                outcome.mailed()));
    }

    private void resetTotp(Context ctx) {
        var sysop = authentication.caller(ctx);
        var outcome = resetTotp.reset(sysop, handle(ctx), origin(ctx, sysop));
        ctx.json(new TotpReset(outcome.handle().value(), outcome.wasEnabled()));
    }

    private static Handle handle(Context ctx) {
        return new Handle(ctx.pathParam("handle"));
    }

    private static Origin origin(Context ctx, Caller sysop) {
        return RequestOrigin.of(ctx).inSession(sysop.sessionIfAny());
    }

    /**
     * {@code until} (an ISO-8601 instant) or {@code duration} (ISO-8601, e.g. {@code PT2H}, {@code P7D}); neither: until
     * a sysop unlocks it. {@code note} (up to 200 characters) is shown to the owner at every refused login.
     */
    record LockForm(String until, String duration, String note) {
        Optional<Instant> until(Instant now) {
            if (until != null && duration != null) throw ValidationFailed.request("Send \"until\" or \"duration\", not both.");
            try {
                if (until != null) return Optional.of(Instant.parse(until));
                if (duration != null) {
                    var d = Duration.parse(duration);
                    if (d.isNegative() || d.isZero() || d.compareTo(LONGEST_TIMED_LOCK) > 0) {
                        throw ValidationFailed.field("duration", "must be positive and at most 3660 days; leave it out "
                                + "to lock until a sysop unlocks");
                    }
                    return Optional.of(now.plus(d));
                }
            } catch (DateTimeParseException e) {
                throw ValidationFailed.field(until != null ? "until" : "duration",
                        until != null ? "is not an ISO-8601 instant like 2030-01-01T00:00:00Z" : "is not an ISO-8601 duration like PT2H or P7D");
            }
            return Optional.empty();
        }
    }

    /** {@code until} absent: locked until a sysop unlocks it. */
    record Locked(String handle, Optional<String> until, int sessionsEnded) {}

    /** {@code wasLocked} false: there was no lock or slow-down to lift, and nothing was recorded. */
    record Unlocked(String handle, boolean wasLocked) {}

    /** {@code mailed} false: the mail server refused the code; the owner can ask for a new one. */
    record ResetForced(String handle, String codeExpiresAt, int sessionsEnded, boolean mailed) {}

    /** {@code wasEnabled} false: two-factor login was off already, and nothing was recorded. */
    record TotpReset(String handle, boolean wasEnabled) {}
}

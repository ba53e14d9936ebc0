package dev.scrollback.adapters.web.accounts;

import dev.scrollback.adapters.web.Routes;
import dev.scrollback.adapters.web.shared.Api;
import dev.scrollback.adapters.web.shared.JsonBody;
import dev.scrollback.adapters.web.shared.RequestOrigin;
import dev.scrollback.adapters.web.shared.ValidationFailed;
import dev.scrollback.application.accounts.CompletePasswordReset;
import dev.scrollback.application.accounts.RequestPasswordReset;
import dev.scrollback.application.accounts.RequestPasswordReset.Identity;
import dev.scrollback.domain.accounts.AccountRejected;
import dev.scrollback.domain.accounts.AccountRejected.CodeExpired;
import dev.scrollback.domain.accounts.AccountRejected.WrongCode;
import dev.scrollback.domain.accounts.Secret;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * Forgotten passwords. {@code POST /api/v1/password-resets} with {@code {"handle": ...}} or {@code {"email": ...}}
 * (or {@code "handleOrEmail"}) answers 202 with the same words whether or not the account exists; a code is mailed if
 * it does. {@code POST /api/v1/password-resets/complete} with {@code {"code", "newPassword"}}: 200 with the handle,
 * and every session of the account has ended.
 */
public final class PasswordResetRoutes implements Routes {
    static final String ON_ITS_WAY = "If that account exists and has an email address, a reset code is on its way. It "
            + "works once, for 30 minutes: send it with your new password to POST /api/v1/password-resets/complete.";
    private static final String ASK_AGAIN = " Ask for a new one with POST /api/v1/password-resets.";

    private final RequestPasswordReset request;
    private final CompletePasswordReset complete;

    public PasswordResetRoutes(RequestPasswordReset request, CompletePasswordReset complete) {
        this.request = request;
        this.complete = complete;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post("/api/v1/password-resets", this::request);
        routes.post("/api/v1/password-resets/complete", this::complete);
        AccountProblems.addTo(routes);
    }

    @Override
    public void describe(Api api) {
        api.post("/api/v1/password-resets").summary("Mail a password reset code to a handle or email (always 202)")
                .body(ResetRequestForm.class).answers(202, Accepted.class).problems(400);
        api.post("/api/v1/password-resets/complete").summary("Set a new password with the mailed reset code")
                .body(ResetCompletionForm.class).answers(200, Completed.class).problems(400, 422);
    }

    private void request(Context ctx) {
        var form = JsonBody.read(ctx, ResetRequestForm.class);
        request.request(new RequestPasswordReset.Command(Identity.parse(form.identity()), RequestOrigin.of(ctx)));
        ctx.status(HttpStatus.ACCEPTED).json(new Accepted(ON_ITS_WAY));
    }

    private void complete(Context ctx) {
        var form = JsonBody.read(ctx, ResetCompletionForm.class);
        var code = JsonBody.required(form.code(), "code");
        var next = new Secret(JsonBody.required(form.newPassword(), "newPassword"));
        try {
            var outcome = complete.complete(code, next, RequestOrigin.of(ctx));
            ctx.json(new Completed(outcome.handle().value(), "Your password is set; log in with it. Every session of "
                    + "the account has ended."));
        } catch (AccountRejected e) {
            // The account's own wording speaks of verification codes; these are reset codes.
            if (e.reason() instanceof WrongCode) {
                throw ValidationFailed.field("code", "is not a valid reset code (wrong, used, or replaced by a newer one)." + ASK_AGAIN);
            }
            if (e.reason() instanceof CodeExpired) throw ValidationFailed.field("code", "has expired." + ASK_AGAIN);
            throw e;
        }
    }

    /** One of the three names; more than one that disagree is refused rather than guessed at. */
    record ResetRequestForm(String handle, String email, String handleOrEmail) {
        String identity() {
            var given = java.util.stream.Stream.of(handle, email, handleOrEmail).filter(v -> v != null && !v.isBlank()).distinct().toList();
            if (given.isEmpty()) throw ValidationFailed.required("handle");
            if (given.size() > 1) throw ValidationFailed.request("Send either \"handle\" or \"email\", not both.");
            return given.getFirst();
        }
    }

    record ResetCompletionForm(String code, String newPassword) {
        @Override
        public String toString() {
            return "ResetCompletionForm[***]";
        }
    }

    record Accepted(String message) {}

    record Completed(String handle, String message) {}
}

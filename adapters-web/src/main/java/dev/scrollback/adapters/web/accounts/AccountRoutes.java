package dev.scrollback.adapters.web.accounts;

import dev.scrollback.adapters.web.Routes;
import dev.scrollback.adapters.web.shared.Api;
import dev.scrollback.adapters.web.shared.JsonBody;
import dev.scrollback.adapters.web.shared.RequestOrigin;
import dev.scrollback.application.accounts.RegisterCaller;
import dev.scrollback.application.accounts.ResendVerification;
import dev.scrollback.application.accounts.VerifyEmail;
import dev.scrollback.domain.accounts.EmailAddress;
import dev.scrollback.domain.accounts.Secret;
import dev.scrollback.domain.shared.Handle;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/** Sign-up and email verification: {@code /api/v1/accounts}. */
public final class AccountRoutes implements Routes {
    private final RegisterCaller registerCaller;
    private final VerifyEmail verifyEmail;
    private final ResendVerification resendVerification;

    public AccountRoutes(RegisterCaller registerCaller, VerifyEmail verifyEmail, ResendVerification resendVerification) {
        this.registerCaller = registerCaller;
        this.verifyEmail = verifyEmail;
        this.resendVerification = resendVerification;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post("/api/v1/accounts", this::register);
        routes.post("/api/v1/accounts/verify", this::verify);
        routes.post("/api/v1/accounts/verify/resend", this::resend);
        AccountProblems.addTo(routes);
    }

    @Override
    public void describe(Api api) {
        api.post("/api/v1/accounts").summary("Sign up: a handle, an email and a password; mails a verification code")
                .body(RegistrationForm.class).answers(201, Registered.class).problems(400, 409, 422);
        api.post("/api/v1/accounts/verify").summary("Verify the email address with the mailed code")
                .body(VerificationForm.class).answers(200, Verified.class).problems(400, 422);
        api.post("/api/v1/accounts/verify/resend").summary("Mail a new verification code (always 202)")
                .body(ResendForm.class).answers(202).problems(400);
    }

    private void register(Context ctx) {
        var form = JsonBody.read(ctx, RegistrationForm.class);
        var registered = registerCaller.register(new RegisterCaller.Command(new Handle(form.handle()),
                new EmailAddress(form.email()), new Secret(form.password()), RequestOrigin.of(ctx)));
        ctx.status(HttpStatus.CREATED).json(new Registered(registered.account().toString(), registered.handle().value()));
    }

    private void verify(Context ctx) {
        var form = JsonBody.read(ctx, VerificationForm.class);
        var handle = new Handle(form.handle());
        var verified = verifyEmail.verify(new VerifyEmail.Command(handle, JsonBody.required(form.code(), "code"), RequestOrigin.of(ctx)));
        ctx.json(new Verified(verified.account().toString(), verified.handle().value(), true));
    }

    /** Always 202, whether or not the handle exists or awaits a code: it tells nothing about accounts. */
    private void resend(Context ctx) {
        var form = JsonBody.read(ctx, ResendForm.class);
        resendVerification.resend(new ResendVerification.Command(new Handle(form.handle()), RequestOrigin.of(ctx)));
        ctx.status(HttpStatus.ACCEPTED);
    }

    record RegistrationForm(String handle, String email, String password) {
        @Override
        public String toString() {
            return "RegistrationForm[handle=" + handle + "]";      // no secrets or personal data in logs
        }
    }

    record VerificationForm(String handle, String code) {
        @Override
        public String toString() {
            return "VerificationForm[handle=" + handle + "]";
        }
    }

    record ResendForm(String handle) {}

    record Registered(String accountId, String handle) {}

    record Verified(String accountId, String handle, boolean verified) {}
}

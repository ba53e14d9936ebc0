package dev.scrollback.adapters.web.accounts;

import dev.scrollback.adapters.web.Routes;
import dev.scrollback.adapters.web.shared.Api;
import dev.scrollback.adapters.web.shared.JsonBody;
import dev.scrollback.adapters.web.shared.RequestOrigin;
import dev.scrollback.application.accounts.DisableTotp;
import dev.scrollback.application.accounts.EnrolTotp;
import dev.scrollback.domain.accounts.Secret;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;

/**
 * The caller's authenticator: {@code POST /api/v1/me/totp} turns TOTP on and answers, once, the {@code otpauth://} URI,
 * the key and ten recovery codes; {@code DELETE /api/v1/me/totp} turns it off. Both take {@code {"password": ...}}.
 */
public final class TotpRoutes implements Routes {
    private final EnrolTotp enrolTotp;
    private final DisableTotp disableTotp;
    private final Authentication authentication;

    public TotpRoutes(EnrolTotp enrolTotp, DisableTotp disableTotp, Authentication authentication) {
        this.enrolTotp = enrolTotp;
        this.disableTotp = disableTotp;
        this.authentication = authentication;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post("/api/v1/me/totp", this::enrol);
        routes.delete("/api/v1/me/totp", this::disable);
        AccountProblems.addTo(routes);
    }

    @Override
    public void describe(Api api) {
        api.post("/api/v1/me/totp").summary("Enrol an authenticator app (TOTP) and get recovery codes").authenticated()
                .body(PasswordForm.class).answers(201, Enrolment.class).problems(400, 403, 409);
        api.delete("/api/v1/me/totp").summary("Turn off my authenticator app (TOTP)").authenticated()
                .body(PasswordForm.class).answers(204).problems(400, 403, 409);
    }

    private void enrol(Context ctx) {
        var caller = authentication.caller(ctx);
        var form = JsonBody.read(ctx, PasswordForm.class);
        var enrolment = enrolTotp.enrol(caller, new Secret(JsonBody.required(form.password(), "password")), RequestOrigin.of(ctx));
        ctx.header("Cache-Control", "no-store");                 // shown once: no copy in any cache
        ctx.status(HttpStatus.CREATED).json(new Enrolment(enrolment.otpauthUri().toString(), enrolment.secret(),
                enrolment.recoveryCodes()));
    }

    private void disable(Context ctx) {
        var caller = authentication.caller(ctx);
        var form = JsonBody.read(ctx, PasswordForm.class);
        disableTotp.disable(caller, new Secret(JsonBody.required(form.password(), "password")), RequestOrigin.of(ctx));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    record PasswordForm(String password) {
        @Override
        public String toString() {
            return "PasswordForm[***]";
        }
    }

    /** {@code otpauthUri} for an authenticator app (as a QR code or pasted), {@code secret} for apps that want it typed. */
    record Enrolment(String otpauthUri, String secret, List<String> recoveryCodes) {
        @Override
        public String toString() {
            return "Enrolment[***]";
        }
    }
}

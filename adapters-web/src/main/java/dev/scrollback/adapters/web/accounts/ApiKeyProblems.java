package dev.scrollback.adapters.web.accounts;

import dev.scrollback.adapters.web.shared.Problem;
import dev.scrollback.application.accounts.CredentialDenied;
import dev.scrollback.application.accounts.IssueApiKey;
import dev.scrollback.domain.accounts.ApiKeyRejected;
import io.javalin.config.RoutesConfig;

/**
 * API key refusals, and what a credential may not do, as problems; exhaustive. {@link CredentialDenied} is mapped here
 * for every route (exception handlers are global): it is a 403 like a missing role, saying what would do instead.
 */
public final class ApiKeyProblems {
    private ApiKeyProblems() {}

    public static void addTo(RoutesConfig routes) {
        routes.exception(ApiKeyRejected.class, (e, ctx) -> of(e.reason()).writeTo(ctx));
        routes.exception(CredentialDenied.class, (e, ctx) -> of(e.reason()).writeTo(ctx));
    }

    static Problem of(ApiKeyRejected.Reason reason) {
        return switch (reason) {
            case ApiKeyRejected.NoSuchKey none -> Problem.forStatus(404).withDetail("You have no API key with this id.");
            case ApiKeyRejected.AlreadyIssued issued -> Problem.forStatus(409).withDetail("This API key exists already.");
            case ApiKeyRejected.TooManyKeys many -> Problem.forStatus(409).withDetail(("You hold %d live API keys, the "
                    + "most an account may; revoke one you no longer use (DELETE /api/v1/me/api-keys/{id}) first.")
                    .formatted(many.max()));
            case ApiKeyRejected.ExpiryInThePast past -> Problem.validationFailed(
                    "The key must expire in the future; give \"expiresInDays\" from 1 to "
                            + IssueApiKey.MAX_LIFETIME.toDays() + ", or leave it out.").withField("expiresInDays");
        };
    }

    static Problem of(CredentialDenied.Reason reason) {
        return switch (reason) {
            case CredentialDenied.NeedsInteractiveLogin login -> Problem.forStatus(403).withDetail("This needs an "
                    + "interactive login (an access token from POST /api/v1/sessions), not an API key.");
            case CredentialDenied.NeedsScope scope -> Problem.forStatus(403).withDetail(("This API key lacks the scope "
                    + "'%s'; make a key with it (POST /api/v1/me/api-keys).").formatted(scope.scope().wireName()));
        };
    }
}

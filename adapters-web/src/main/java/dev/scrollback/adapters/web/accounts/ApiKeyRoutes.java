package dev.scrollback.adapters.web.accounts;

import dev.scrollback.adapters.web.Routes;
import dev.scrollback.adapters.web.shared.Api;
import dev.scrollback.adapters.web.shared.JsonBody;
import dev.scrollback.adapters.web.shared.Problem;
import dev.scrollback.adapters.web.shared.RequestOrigin;
import dev.scrollback.adapters.web.shared.ValidationFailed;
import dev.scrollback.application.accounts.IssueApiKey;
import dev.scrollback.application.accounts.ListApiKeys;
import dev.scrollback.application.accounts.ListApiKeys.ApiKeySummary;
import dev.scrollback.application.accounts.RevokeApiKey;
import dev.scrollback.domain.accounts.ApiKeyId;
import dev.scrollback.domain.accounts.ApiKeyName;
import dev.scrollback.domain.accounts.Scope;
import dev.scrollback.domain.shared.InvalidValue;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * The caller's API keys: {@code POST /api/v1/me/api-keys} {@code {name, scopes, expiresInDays?}} makes one and answers,
 * once, the key itself; {@code GET /api/v1/me/api-keys} lists them (never the keys); {@code DELETE
 * /api/v1/me/api-keys/{id}} revokes one. All three need an interactive login: a key cannot manage keys.
 */
public final class ApiKeyRoutes implements Routes {
    private static final int MAX_SCOPES = 16;

    private final IssueApiKey issueApiKey;
    private final ListApiKeys listApiKeys;
    private final RevokeApiKey revokeApiKey;
    private final Authentication authentication;
    private final Clock clock;

    public ApiKeyRoutes(IssueApiKey issueApiKey, ListApiKeys listApiKeys, RevokeApiKey revokeApiKey,
                        Authentication authentication, Clock clock) {
        this.issueApiKey = issueApiKey;
        this.listApiKeys = listApiKeys;
        this.revokeApiKey = revokeApiKey;
        this.authentication = authentication;
        this.clock = clock;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post("/api/v1/me/api-keys", this::issue);
        routes.get("/api/v1/me/api-keys", this::list);
        routes.delete("/api/v1/me/api-keys/{id}", this::revoke);
        ApiKeyProblems.addTo(routes);
    }

    @Override
    public void describe(Api api) {
        api.post("/api/v1/me/api-keys").summary("Issue an API key (its secret is shown only in this answer)").authenticated()
                .body(ApiKeyForm.class).answers(201, IssuedKey.class).problems(400, 403, 409);
        api.get("/api/v1/me/api-keys").summary("List my API keys").authenticated().answers(200, KeyList.class);
        api.delete("/api/v1/me/api-keys/{id}").summary("Revoke one of my API keys").authenticated()
                .answers(204).problems(403, 404);
    }

    private void issue(Context ctx) {
        var caller = authentication.caller(ctx);
        var form = JsonBody.read(ctx, ApiKeyForm.class);
        var name = new ApiKeyName(JsonBody.required(form.name(), "name"));
        var lifetime = form.expiresInDays().map(days -> {
            if (days < 1 || days > IssueApiKey.MAX_LIFETIME.toDays()) {
                throw ValidationFailed.field("expiresInDays", "must be a whole number from 1 to " + IssueApiKey.MAX_LIFETIME.toDays());
            }
            return Duration.ofDays(days);
        });
        var issued = issueApiKey.issue(caller, new IssueApiKey.Command(name, scopes(form.scopes()), lifetime),
                RequestOrigin.of(ctx));
        ctx.header("Cache-Control", "no-store");                 // shown once: no copy in any cache
        ctx.status(HttpStatus.CREATED).json(new IssuedKey(issued.id().toString(), issued.name().value(),
                wireNames(issued.scopes()), issued.key().value(), issued.createdAt(), issued.expiresAt()));
    }

    private void list(Context ctx) {
        var caller = authentication.caller(ctx);
        var now = clock.instant();
        ctx.header("Cache-Control", "no-store");
        ctx.json(new KeyList(listApiKeys.list(caller).stream().map(summary -> Listed.of(summary, now)).toList()));
    }

    private void revoke(Context ctx) {
        var caller = authentication.caller(ctx);
        ApiKeyId key;
        try {
            key = ApiKeyId.parse(ctx.pathParam("id"));
        } catch (InvalidValue notAnId) {                         // like an unknown id: there is no such key
            Problem.forStatus(404).withDetail("You have no API key with this id.").writeTo(ctx);
            return;
        }
        revokeApiKey.revoke(caller, key, RequestOrigin.of(ctx));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private static java.util.Set<Scope> scopes(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw ValidationFailed.field("scopes", "must list at least one of " + Scope.known());
        }
        if (names.size() > MAX_SCOPES) throw ValidationFailed.field("scopes", "lists too many scopes");
        var scopes = EnumSet.noneOf(Scope.class);
        for (var name : names) {
            var scope = name == null ? Optional.<Scope>empty() : Scope.ofWireName(name);
            if (scope.isEmpty()) {
                var shown = name != null && name.length() <= 32 && name.chars().allMatch(c -> c >= 0x20 && c < 0x7f)
                        ? "the unknown scope '" + name + "'" : "an unknown scope";
                throw ValidationFailed.field("scopes", "holds " + shown + "; the scopes are " + Scope.known());
            }
            scopes.add(scope.get());
        }
        return scopes;
    }

    private static List<String> wireNames(java.util.Set<Scope> scopes) {
        return scopes.stream().sorted().map(Scope::wireName).toList();
    }

    /** {@code expiresInDays}: the key works for that many days (1 to 3650); left out, until revoked. */
    record ApiKeyForm(String name, List<String> scopes, Optional<Long> expiresInDays) {
        ApiKeyForm {
            expiresInDays = expiresInDays == null ? Optional.empty() : expiresInDays;
        }
    }

    /** {@code key} is shown here and never again. */
    record IssuedKey(String id, String name, List<String> scopes, String key, Instant createdAt, Optional<Instant> expiresAt) {
        @Override
        public String toString() {
            return "IssuedKey[" + id + ", ***]";
        }
    }

    record KeyList(List<Listed> apiKeys) {}

    /** {@code live}: whether the key works now as far as the key goes (revoked or expired keys do not). */
    record Listed(String id, String name, List<String> scopes, Instant createdAt, Optional<Instant> expiresAt,
                  Optional<Instant> revokedAt, boolean live) {
        static Listed of(ApiKeySummary summary, Instant now) {
            return new Listed(summary.id().toString(), summary.name().value(), wireNames(summary.scopes()),
                    summary.createdAt(), summary.expiresAt(), summary.revokedAt(), summary.liveAt(now));
        }
    }
}

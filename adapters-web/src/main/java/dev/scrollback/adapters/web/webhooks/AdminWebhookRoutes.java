package dev.scrollback.adapters.web.webhooks;

import dev.scrollback.adapters.web.Routes;
import dev.scrollback.adapters.web.accounts.Authentication;
import dev.scrollback.adapters.web.shared.Api;
import dev.scrollback.adapters.web.shared.JsonBody;
import dev.scrollback.adapters.web.shared.Problem;
import dev.scrollback.adapters.web.shared.RequestOrigin;
import dev.scrollback.adapters.web.shared.ValidationFailed;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.webhooks.DeliveryAttempt;
import dev.scrollback.application.webhooks.ManageWebhooks;
import dev.scrollback.application.webhooks.Subscription;
import dev.scrollback.domain.shared.InvalidValue;
import dev.scrollback.domain.webhooks.WebhookDescription;
import dev.scrollback.domain.webhooks.WebhookFilter;
import dev.scrollback.domain.webhooks.WebhookId;
import dev.scrollback.domain.webhooks.WebhookRejected;
import dev.scrollback.domain.webhooks.WebhookUrl;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Sysops manage webhook subscriptions (issue 7 item 6; a sysop's login or an API key with the {@code admin} scope):
 * create ({@code POST /api/v1/admin/webhooks}, 201 with the signing secret, shown this once), list, show, pause,
 * resume, rotate the secret (the new one shown once), delete, send a test message, and read the delivery log
 * ({@code GET .../deliveries}, newest first, paged with {@code before}). The role is checked by the use case.
 */
public final class AdminWebhookRoutes implements Routes {
    static final String ALL = "/api/v1/admin/webhooks";
    static final String ONE = ALL + "/{id}";

    private final ManageWebhooks manage;
    private final Authentication authentication;

    public AdminWebhookRoutes(ManageWebhooks manage, Authentication authentication) {
        this.manage = manage;
        this.authentication = authentication;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post(ALL, this::create);
        routes.get(ALL, this::list);
        routes.get(ONE, ctx -> ctx.json(view(manage.show(authentication.caller(ctx), id(ctx)))));
        routes.post(ONE + "/pause", ctx -> {
            var sysop = authentication.caller(ctx);
            ctx.json(view(manage.pause(sysop, origin(ctx, sysop), id(ctx))));
        });
        routes.post(ONE + "/resume", ctx -> {
            var sysop = authentication.caller(ctx);
            ctx.json(view(manage.resume(sysop, origin(ctx, sysop), id(ctx))));
        });
        routes.post(ONE + "/rotate-secret", this::rotate);
        routes.delete(ONE, this::delete);
        routes.post(ONE + "/test", ctx -> ctx.json(delivery(0, manage.test(authentication.caller(ctx), id(ctx)))));
        routes.get(ONE + "/deliveries", this::deliveries);
        routes.exception(WebhookRejected.class, (e, ctx) -> (switch (e.reason()) {
            case WebhookRejected.NoSuchWebhook none -> Problem.forStatus(404).withDetail("There is no webhook " + none.webhook() + ".");
            case WebhookRejected.AlreadySubscribed again -> Problem.forStatus(409).withDetail("That webhook already exists.");
            case WebhookRejected.NotNow now -> Problem.forStatus(409).withDetail("The webhook is " + now.status().wireName()
                    + "; it cannot " + now.wanted() + " now.");
        }).writeTo(ctx));
    }

    @Override
    public void describe(Api api) {
        api.post(ALL).summary("Sysop: subscribe a URL to the event feed by webhook; answers the signing secret, once")
                .authenticated().body(SubscribeForm.class).answers(201, Created.class).problems(400, 403);
        api.get(ALL).summary("Sysop: every webhook subscription, its status and cursor").authenticated()
                .answers(200, Webhooks.class).problems(403);
        api.get(ONE).summary("Sysop: one webhook subscription").authenticated().answers(200, WebhookView.class)
                .problems(400, 403, 404);
        api.post(ONE + "/pause").summary("Sysop: stop deliveries; the cursor stays").authenticated()
                .answers(200, WebhookView.class).problems(400, 403, 404, 409);
        api.post(ONE + "/resume").summary("Sysop: deliver again from the cursor (after a pause, or after it was disabled)")
                .authenticated().answers(200, WebhookView.class).problems(400, 403, 404, 409);
        api.post(ONE + "/rotate-secret").summary("Sysop: a new signing secret, answered once; the old one signs too for 24 hours")
                .authenticated().answers(200, Rotated.class).problems(400, 403, 404);
        api.delete(ONE).summary("Sysop: delete a webhook subscription, its secret and its delivery log").authenticated()
                .answers(204).problems(400, 403, 404);
        api.post(ONE + "/test").summary("Sysop: send a signed test message now and see the answer").authenticated()
                .answers(200, Delivery.class).problems(400, 403, 404);
        api.get(ONE + "/deliveries").summary("Sysop: the delivery log, newest first").authenticated().query("before", "limit")
                .answers(200, Deliveries.class).problems(400, 403, 404);
    }

    private void create(Context ctx) {
        var sysop = authentication.caller(ctx);
        var form = JsonBody.read(ctx, SubscribeForm.class);
        var url = new WebhookUrl(JsonBody.required(form.url(), "url"));
        var filter = new WebhookFilter(names(form.eventTypes(), "eventTypes"), names(form.categories(), "categories"));
        var description = new WebhookDescription(Optional.ofNullable(form.description()).orElse(""));
        var after = form.after() == null ? OptionalLong.empty() : OptionalLong.of(form.after());
        var created = manage.subscribe(sysop, origin(ctx, sysop), url, filter, description, after);
        ctx.status(201).json(new Created(view(created.subscription()), created.secret().value()));
    }

    private void list(Context ctx) {
        ctx.json(new Webhooks(manage.list(authentication.caller(ctx)).stream().map(AdminWebhookRoutes::view).toList()));
    }

    private void rotate(Context ctx) {
        var sysop = authentication.caller(ctx);
        var rotated = manage.rotateSecret(sysop, origin(ctx, sysop), id(ctx));
        ctx.json(new Rotated(rotated.secret().value(), rotated.previousValidUntil()));
    }

    private void delete(Context ctx) {
        var sysop = authentication.caller(ctx);
        manage.delete(sysop, origin(ctx, sysop), id(ctx));
        ctx.status(204);
    }

    private void deliveries(Context ctx) {
        var sysop = authentication.caller(ctx);
        long before = number(ctx, "before", Long.MAX_VALUE);
        long limit = number(ctx, "limit", ManageWebhooks.DEFAULT_PAGE);
        if (limit < 1 || limit > ManageWebhooks.MAX_PAGE) throw ValidationFailed.field("limit", "must be 1 to " + ManageWebhooks.MAX_PAGE);
        var page = manage.deliveries(sysop, id(ctx), before, (int) limit);
        ctx.json(new Deliveries(page.attempts().stream().map(l -> delivery(l.sequence(), l.attempt())).toList(),
                page.next().isPresent() ? Optional.of(page.next().getAsLong()) : Optional.empty()));
    }

    private static long number(Context ctx, String name, long absent) {
        var text = ctx.queryParam(name);
        if (text == null || text.isEmpty()) return absent;
        if (text.length() > 19 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw ValidationFailed.field(name, "must be a whole number");
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException tooLarge) {
            throw ValidationFailed.field(name, "must be a whole number");
        }
    }

    private static java.util.Set<String> names(List<String> names, String field) {
        if (names == null) return java.util.Set.of();
        if (names.size() > WebhookFilter.MAX_NAMES) throw new InvalidValue(field, "names at most " + WebhookFilter.MAX_NAMES);
        var set = new LinkedHashSet<String>();
        for (var name : names) {
            if (name == null) throw new InvalidValue(field, "must not hold null");
            set.add(name.strip());
        }
        return set;
    }

    /** Where the request came from, in the sysop's session when it came with a login (not an API key). */
    private static Origin origin(Context ctx, Caller sysop) {
        return RequestOrigin.of(ctx).inSession(sysop.sessionIfAny());
    }

    static WebhookId id(Context ctx) {
        try {
            return WebhookId.parse(ctx.pathParam("id"));
        } catch (InvalidValue e) {
            throw ValidationFailed.field("id", "is not a webhook id (a UUID like 0190c1e2-7b3a-7c4d-8e5f-000000000000)");
        }
    }

    static WebhookView view(Subscription s) {
        return new WebhookView(s.id().toString(), s.url().value(), List.copyOf(s.filter().eventTypes()),
                List.copyOf(s.filter().categories()), s.description().value(), s.status().wireName(), s.cursor(), s.createdAt(),
                s.failing().map(f -> new Failing(f.position(), f.since(), f.attempts(), f.nextAttempt(), f.lastError())));
    }

    static Delivery delivery(long sequence, DeliveryAttempt a) {
        return new Delivery(sequence, a.at(), a.position(), a.message().toString(), a.attempt(), a.status(), a.error(),
                a.latency().toMillis(), a.test(), a.acknowledged());
    }

    /** {@code after}: deliver the events after this position (default: the log's end now, so only new events). */
    record SubscribeForm(String url, List<String> eventTypes, List<String> categories, String description, Long after) {}

    /** {@code secret} is answered here and at rotation only: keep it in the receiver's configuration. */
    record Created(WebhookView webhook, String secret) {}

    record Rotated(String secret, Instant previousValidUntil) {}

    record Webhooks(List<WebhookView> webhooks) {}

    /** {@code status}: active, paused or disabled; {@code cursor}: the last position the receiver acknowledged. */
    record WebhookView(String id, String url, List<String> eventTypes, List<String> categories, String description,
                       String status, long cursor, Instant createdAt, Optional<Failing> failing) {}

    /** The event at {@code position} has failed {@code attempts} times since {@code since}; next try at {@code nextAttempt}. */
    record Failing(long position, Instant since, int attempts, Instant nextAttempt, String lastError) {}

    /** One attempt: {@code status} when the receiver answered, {@code error} when it did not. */
    record Delivery(long sequence, Instant at, long position, String webhookId, int attempt, Optional<Integer> status,
                    Optional<String> error, long latencyMillis, boolean test, boolean acknowledged) {}

    /** Newest first; pass {@code next} as {@code before} for older ones (absent on the last page). */
    record Deliveries(List<Delivery> deliveries, Optional<Long> next) {}
}

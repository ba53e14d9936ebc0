package dev.scrollback.adapters.web.shared;

import dev.scrollback.application.accounts.AccessDenied;
import dev.scrollback.application.shared.RateLimited;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.UuidV7;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.sessions.SessionRejected;
import dev.scrollback.domain.shared.InvalidValue;
import dev.scrollback.domain.shared.Rejection;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.Header;
import io.javalin.http.HttpResponseException;
import io.javalin.router.Endpoint;
import io.javalin.validation.ValidationException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fallbacks every route shares: each exception class becomes a problem (Javalin picks the exact class, then the
 * nearest superclass). Capabilities add their own rejections next to their routes. Anything unexpected is logged
 * under an incident id and answered with only that id.
 */
public final class ProblemMapping {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapping.class);

    private ProblemMapping() {}

    public static void addTo(RoutesConfig routes, BodyLimits bodyLimits) {
        routes.exception(ValidationFailed.class, (e, ctx) -> e.problem().writeTo(ctx));
        routes.exception(InvalidValue.class, (e, ctx) -> Problem.validationFailed(
                ValidationFailed.fieldDetail(e.field(), e.getMessage())).withField(e.field()).writeTo(ctx));
        routes.exception(ValidationException.class, (e, ctx) -> {
            var field = e.getErrors().keySet().stream().findFirst().orElse("request");
            Problem.validationFailed(ValidationFailed.fieldDetail(field, "is not valid")).withField(field).writeTo(ctx);
        });
        routes.exception(Unauthenticated.class, (e, ctx) -> {
            ctx.header(Header.WWW_AUTHENTICATE, e.challenge());
            Problem.forStatus(401).withDetail(e.getMessage()).writeTo(ctx);
        });
        routes.exception(AccessDenied.class, (e, ctx) -> Problem.forStatus(403).withDetail(
                "This needs the role " + e.reason().anyOf().stream().map(Role::wireName).sorted()
                        .collect(Collectors.joining(" or ")) + ".").writeTo(ctx));
        routes.exception(EventLog.Conflict.class, (e, ctx) -> Problem.forStatus(409).withDetail(
                "Someone else changed the same thing at the same moment; try again.").writeTo(ctx));
        routes.exception(SessionRejected.class, (e, ctx) -> (switch (e.reason()) {
            case SessionRejected.NoSuchSession none -> Problem.forStatus(404).withDetail("There is no such session.");
            case SessionRejected.AlreadyStarted started -> Problem.forStatus(409).withDetail("That session has already started.");
        }).writeTo(ctx));
        routes.exception(RateLimited.class, (e, ctx) -> {
            ctx.header(Header.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
            Problem.of("rate-limited", "Too many requests", 429, "Too many attempts; try again in "
                    + e.retryAfterSeconds() + " seconds.").writeTo(ctx);
        });
        routes.exception(Rejection.class, (e, ctx) -> {           // a refusal no capability mapped yet: still not a 500
            LOG.info("unmapped rejection on {} {}: {}", ctx.method(), ctx.path(), e.reason());
            Problem.forStatus(409).writeTo(ctx);
        });
        routes.exception(HttpResponseException.class, (e, ctx) -> httpError(e, ctx, bodyLimits));
        routes.exception(Exception.class, (e, ctx) -> incident(ctx, e));
    }

    private static void httpError(HttpResponseException e, Context ctx, BodyLimits bodyLimits) {
        switch (e.getStatus()) {
            case 405 -> {
                var allowed = e.getDetails().getOrDefault("availableMethods", e.getDetails().get("Available methods"));
                if (allowed != null) ctx.header(Header.ALLOW, allowed);
                var problem = Problem.forStatus(405);
                (allowed == null ? problem : problem.withDetail(
                        "This address does not accept " + ctx.method().name() + "; it accepts " + allowed + ".")).writeTo(ctx);
            }
            case 413 -> Problem.forStatus(413).withDetail(
                    "The request body is larger than the limit of " + bodyLimits.of(ctx.req()) + " bytes.").writeTo(ctx);
            default -> {
                if (e.getStatus() >= 500) incident(ctx, e);
                else Problem.forStatus(e.getStatus()).writeTo(ctx);
            }
        }
    }

    private static void incident(Context ctx, Exception e) {
        var incident = UuidV7.next();
        LOG.error("incident {}: {} {} failed", incident, ctx.method(), ctx.path(), e);
        internal(incident).writeTo(ctx);
    }

    private static Problem internal(Object incident) {
        return Problem.forStatus(500).withDetail("Internal error, incident " + incident + ".");
    }

    /**
     * Wraps each endpoint so that an {@link Error} thrown by a handler (a stack overflow on odd input, say) reaches the
     * exception map as an exception, and is answered like any other incident, with the request at hand.
     */
    public static Handler catchingErrors(Endpoint endpoint) {
        return ctx -> {
            try {
                endpoint.handler.handle(ctx);
            } catch (Error e) {
                throw new HandlerError(e);
            }
        };
    }

    private static final class HandlerError extends RuntimeException {
        HandlerError(Error cause) {
            super(cause.getClass().getName(), cause);
        }
    }

    /** For {@link Error}s thrown outside any handler, which Javalin hands to this instead of the exception map. */
    public static void fatal(HttpServletResponse response, Error error) {
        var incident = UuidV7.next();
        LOG.error("incident {}: fatal error", incident, error);
        try {
            response.setStatus(500);
            response.setContentType(Problem.CONTENT_TYPE);
            response.getOutputStream().write(Json.mapper().writeValueAsBytes(internal(incident)));
        } catch (IOException | IllegalStateException cannotAnswer) {
            LOG.debug("could not answer incident {}", incident, cannotAnswer);
        }
    }
}

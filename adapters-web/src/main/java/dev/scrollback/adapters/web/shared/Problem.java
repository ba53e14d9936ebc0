package dev.scrollback.adapters.web.shared;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * The only error body the web adapter writes: an RFC 9457 problem whose {@code type} ends in a stable slug. {@code field}
 * is an extension member naming the offending input of a {@code validation-failed} problem.
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "field"})
public record Problem(URI type, String title, int status, String detail, String instance, Optional<String> field) {
    public static final String CONTENT_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://scrollback.dev/problems/";

    public static Problem of(String slug, String title, int status, String detail) {
        return new Problem(URI.create(TYPE_BASE + slug), title, status, detail, null, Optional.empty());
    }

    public static Problem validationFailed(String detail) {
        return of("validation-failed", "Invalid request", 400, detail);
    }

    /** What a bare HTTP status means when nothing more specific is known (404, 405, 413, Jetty's own errors...). */
    public static Problem forStatus(int status) {
        return switch (status) {
            case 400 -> of("validation-failed", "Invalid request", 400, "The request is malformed.");
            case 401 -> of("unauthorized", "Unauthorized", 401, "Log in first and send the access token as 'Authorization: Bearer <token>'.");
            case 403 -> of("forbidden", "Forbidden", 403, "You are not allowed to do this.");
            case 404 -> of("not-found", "Not found", 404, "There is nothing at this address.");
            case 405 -> of("method-not-allowed", "Method not allowed", 405, "This address does not accept this method.");
            case 409 -> of("conflict", "Conflict", 409, "The request conflicts with the current state; reload and try again.");
            case 413 -> of("content-too-large", "Request too large", 413, "The request body is too large.");
            case 500 -> of("internal", "Internal error", 500, "Something went wrong on our side.");
            default -> {
                var reason = HttpStatus.forStatus(status);
                var title = reason == HttpStatus.UNKNOWN ? "HTTP " + status : reason.getMessage();
                yield of(title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"), title, status, title + ".");
            }
        };
    }

    public Problem withField(String name) {
        return new Problem(type, title, status, detail, instance, Optional.of(name));
    }

    public Problem withDetail(String text) {
        return new Problem(type, title, status, text, instance, field);
    }

    public Problem at(String path) {
        return new Problem(type, title, status, detail, path, field);
    }

    /** The stable last segment of {@link #type()}, e.g. {@code handle-taken}. */
    public String slug() {
        var text = type.toString();
        return text.substring(text.lastIndexOf('/') + 1);
    }

    public void writeTo(Context ctx) {
        ctx.status(status)
           .json(at(ctx.path()))
           .contentType(CONTENT_TYPE);                       // after json(), which sets application/json
    }
}

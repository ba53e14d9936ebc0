package dev.scrollback.adapters.web.shared;

import java.util.List;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * SPEC §5 headers on every response. Added by a Jetty handler in front of Javalin, before any route runs, so 404s,
 * 405s, 413s and exceptions carry them too; Jetty's own error responses get them from {@link ProblemErrorHandler}.
 */
final class SecurityHeaders extends Handler.Wrapper {
    /** All of it is JSON for programs: nothing may load, frame, or be cached (bearer-token responses hold secrets). */
    static final List<HttpField> FIELDS = List.of(
            new HttpField("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"),
            new HttpField("Strict-Transport-Security", "max-age=31536000"),
            new HttpField("X-Frame-Options", "DENY"),
            new HttpField("X-Content-Type-Options", "nosniff"),
            new HttpField("Referrer-Policy", "no-referrer"),
            new HttpField("Permissions-Policy", "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
                    + "microphone=(), payment=(), usb=(), interest-cohort=()"),
            new HttpField("Cross-Origin-Resource-Policy", "same-origin"),
            new HttpField("Cache-Control", "no-store"));

    static void addTo(HttpFields.Mutable headers) {
        FIELDS.forEach(headers::put);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        addTo(response.getHeaders());
        return super.handle(request, response, callback);
    }
}

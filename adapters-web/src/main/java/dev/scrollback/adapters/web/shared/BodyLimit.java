package dev.scrollback.adapters.web.shared;

import java.util.Locale;
import java.util.Objects;

/**
 * A route that takes request bodies of another size than the server's limit (a plugin package is megabytes). The
 * route is one method on one literal path, matched exactly: any other spelling of the path gets the server's limit.
 */
public record BodyLimit(String method, String path, long maxBytes) {
    public BodyLimit {
        method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/") || path.contains("{")) throw new IllegalArgumentException("a literal path starting with /: " + path);
        if (maxBytes < 1) throw new IllegalArgumentException("maxBytes must be positive");
    }

    boolean matches(String requestMethod, String requestPath) {
        return method.equalsIgnoreCase(requestMethod) && path.equals(requestPath);
    }
}

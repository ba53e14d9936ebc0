package dev.scrollback.adapters.web;

/**
 * Where the HTTP server listens and how much it reads. {@code port} 0 picks a free port ({@link WebServer#port()} tells
 * which); {@code maxBodyBytes} bounds every request body (413 beyond it) but on a route that declares a
 * {@link dev.scrollback.adapters.web.shared.BodyLimit} of its own.
 */
public record WebSettings(String host, int port, int maxBodyBytes) {
    /** The server's body limit, 128 KiB: what the BBS runs with, and what the guides quote. */
    public static final int DEFAULT_MAX_BODY_BYTES = 128 * 1024;

    public WebSettings {
        if (host == null || host.isBlank()) throw new IllegalArgumentException("host is required (0.0.0.0 for all interfaces)");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be 0 to 65535, not " + port);
        if (maxBodyBytes < 1) throw new IllegalArgumentException("maxBodyBytes must be positive");
    }

    public static WebSettings of(String host, int port) {
        return new WebSettings(host, port, DEFAULT_MAX_BODY_BYTES);
    }
}

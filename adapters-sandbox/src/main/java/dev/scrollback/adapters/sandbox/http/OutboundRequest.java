package dev.scrollback.adapters.sandbox.http;

import dev.scrollback.domain.plugins.HostName;
import java.util.List;
import java.util.Objects;

/**
 * A plugin's request as {@link RequestReader} accepted it: everything in it is within bounds and safe to put on the
 * wire as it is.
 *
 * @param method  one of {@link RequestReader#METHODS}
 * @param https   whether the scheme is https
 * @param host    the URL's host (a name or an IP literal); what the manifest is asked about, what the Host header
 *                and TLS (SNI, certificate) name
 * @param port    the port to connect to (the scheme's default when the URL names none)
 * @param target  the request target: path and query, ASCII, never empty
 * @param headers the plugin's headers, names as given, none of those the host writes itself
 * @param body    the body (empty for none)
 */
public record OutboundRequest(String method, boolean https, HostName host, int port, String target, List<HttpHeader> headers,
                              byte[] body) {
    public OutboundRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(target, "target");
        headers = List.copyOf(headers);
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    int bodyLength() {
        return body.length;
    }

    byte[] bodyUnsafe() {
        return body;
    }

    /** {@code https://api.example.org:8443/path?q} (the fragment was never kept). */
    public String url() {
        return (https ? "https" : "http") + "://" + authority() + target;
    }

    /** The URL for messages, which end up in the log of faults: without the query, which may hold a key. */
    public String where() {
        return RequestReader.withoutQuery(url());
    }

    /** The Host header's value: the host (IPv6 in brackets), with the port unless it is the scheme's default. */
    String authority() {
        var name = host.value().indexOf(':') >= 0 ? "[" + host.value() + "]" : host.value();
        return port == (https ? 443 : 80) ? name : name + ":" + port;
    }

    /** Whether the host is a DNS name (rather than an IP literal): only a name is sent as TLS SNI. */
    boolean hostIsName() {
        var value = host.value();
        return value.indexOf(':') < 0 && !value.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
    }
}

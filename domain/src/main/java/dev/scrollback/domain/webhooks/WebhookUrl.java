package dev.scrollback.domain.webhooks;

import dev.scrollback.domain.shared.InvalidValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where a subscription's messages are POSTed: an absolute {@code http} or {@code https} URL with a host, at most
 * {@value #MAX_LENGTH} characters, without {@code user:password@} (credentials belong in the URL's path or query, and
 * {@code http://good.org@evil.org/} is how address checks are fooled) and without a fragment (never sent). Which
 * addresses the host may resolve to is the transport's to check, since it needs a resolver.
 */
public record WebhookUrl(String value) {
    public static final int MAX_LENGTH = 2000;

    public WebhookUrl {
        if (value == null || value.isBlank()) throw new InvalidValue("url", "is required");
        if (value.length() > MAX_LENGTH) throw new InvalidValue("url", "must be at most " + MAX_LENGTH + " characters");
        if (!value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new InvalidValue("url", "must be ASCII without spaces (percent-encode the rest)");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new InvalidValue("url", "is not a URL: " + e.getReason());
        }
        var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) throw new InvalidValue("url", "must be an http or https URL");
        if (uri.getRawUserInfo() != null) throw new InvalidValue("url", "must not hold a user name or password");
        if (uri.getHost() == null || uri.getHost().isEmpty()) throw new InvalidValue("url", "must name a host");
        if (uri.getRawFragment() != null) throw new InvalidValue("url", "must not have a fragment (#...)");
        if (uri.getPort() == 0) throw new InvalidValue("url", "must not name port 0");
    }

    public URI uri() {
        return URI.create(value);
    }

    /** For logs and the delivery log: the URL without its query, which often carries a token. */
    public String withoutQuery() {
        int query = value.indexOf('?');
        return query < 0 ? value : value.substring(0, query) + "?…";
    }

    @Override
    public String toString() {
        return value;
    }
}

package dev.scrollback.domain.plugins;

import dev.scrollback.domain.shared.InvalidValue;
import dev.scrollback.domain.shared.RemoteAddress;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A host a plugin may reach over HTTP: a DNS name of at least two labels ({@code api.example.org}), a wildcard over
 * the subdomains of one ({@code *.example.org}: any name below it, not the name itself), or an IP literal
 * ({@code 192.0.2.7}, {@code 2001:db8::1}). Held in lower case; ASCII only, so an internationalised name is given in
 * its {@code xn--} form and a look-alike letter cannot pass for a Latin one. No scheme, port, path, trailing dot or
 * other wildcard. Whether the address a name resolves to is private is the sandbox's check at connect time.
 */
public record HostName(String value) {
    public static final int MAX = 253;
    private static final String WILDCARD = "*.";
    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern IPV4 = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");

    public HostName {
        if (value == null || value.isEmpty()) throw invalid("is required");
        if (value.length() > MAX + WILDCARD.length()) throw invalid("must be at most " + MAX + " characters");
        if (!value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw invalid("must be ASCII without spaces (write an internationalised name in its xn-- form)");
        }
        if (value.contains("://") || value.contains("/")) throw invalid("is a host name, not a URL: no scheme or path");
        value = value.toLowerCase(Locale.ROOT);
        if (value.indexOf(':') >= 0) value = ipv6(value);
        else if (value.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'))) value = ipv4(value);
        else dnsName(value.startsWith(WILDCARD) ? value.substring(WILDCARD.length()) : value);
    }

    private static String ipv6(String text) {
        try {
            return new RemoteAddress(text).value().toLowerCase(Locale.ROOT);
        } catch (InvalidValue e) {
            throw invalid("is neither a name nor an IP literal (no port, no brackets)");
        }
    }

    private static String ipv4(String text) {
        var m = IPV4.matcher(text);
        if (!m.matches()) throw invalid("is not an IPv4 address (four numbers 0 to 255, no leading zeros)");
        for (var part : text.split("\\.")) if (Integer.parseInt(part) > 255) throw invalid("is not an IPv4 address (four numbers 0 to 255)");
        return text;
    }

    private static void dnsName(String name) {
        if (name.length() > MAX) throw invalid("must be at most " + MAX + " characters");
        if (name.endsWith(".")) throw invalid("must not end with a dot");
        if (name.contains("*")) throw invalid("may hold one wildcard only, as its whole first label: *.example.org");
        var labels = name.split("\\.", -1);
        if (labels.length < 2) throw invalid("must have at least two labels, like example.org");
        for (var label : labels) {
            if (!LABEL.matcher(label).matches()) {
                throw invalid("has a label that is not 1 to 63 letters, digits and inner hyphens");
            }
        }
        if (labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
            throw invalid("ends in an all-digit label, which no name does");
        }
    }

    private static InvalidValue invalid(String what) {
        return new InvalidValue("host", what);
    }

    public boolean isWildcard() {
        return value.startsWith(WILDCARD);
    }

    /** Whether a request to {@code host} is allowed by this entry: the same host, or a subdomain for a wildcard. */
    public boolean covers(HostName host) {
        if (host.isWildcard()) return equals(host);
        return isWildcard() ? host.value.endsWith(value.substring(1)) : equals(host);
    }

    @Override
    public String toString() {
        return value;
    }
}

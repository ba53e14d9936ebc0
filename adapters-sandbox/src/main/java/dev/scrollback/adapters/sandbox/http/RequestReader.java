package dev.scrollback.adapters.sandbox.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.scrollback.domain.plugins.HostName;
import dev.scrollback.domain.shared.InvalidValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a plugin's request as Extism's ABI writes it: a JSON object {@code {"url": "…", "method": "GET", "headers":
 * {"name": "value", …}}} ({@code method} optional, GET by default; {@code header} taken for {@code headers}, as
 * Extism's hosts do; other keys ignored), and the body's bytes. Refused, with the reason, unless all of it is safe:
 * <ul>
 *   <li>an absolute {@code http} or {@code https} URL of at most {@value #MAX_URL_CHARS} characters, with a host that
 *       reads as a {@link HostName}, no user name or password, and a port other than the ones browsers refuse
 *       ({@link #REFUSED_PORTS}: mail, DNS, IRC and other protocols an HTTP request could be smuggled into);</li>
 *   <li>a method of {@link #METHODS};</li>
 *   <li>at most {@value #MAX_HEADERS} headers, each a token name of at most {@value #MAX_HEADER_NAME} characters and a
 *       value of visible ASCII, spaces and tabs of at most {@value #MAX_HEADER_VALUE}, none of those the host writes
 *       itself ({@link #HOST_HEADERS}: they frame the message, and a plugin setting them could split it), none
 *       twice;</li>
 *   <li>a body no longer than the plugin's input limit, and none on GET or HEAD.</li>
 * </ul>
 */
public final class RequestReader {
    public static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");
    public static final int MAX_URL_CHARS = 8 * 1024;
    public static final int MAX_HEADERS = 32;
    public static final int MAX_HEADER_NAME = 256;
    public static final int MAX_HEADER_VALUE = 4 * 1024;
    /** Headers the host writes (or refuses): framing, connection management, proxies. Any {@code proxy-*} too. */
    public static final Set<String> HOST_HEADERS = Set.of("host", "content-length", "transfer-encoding", "connection",
            "keep-alive", "upgrade", "te", "trailer", "expect", "http2-settings");
    /** The Fetch standard's "bad ports": browsers never send HTTP to them, and neither does a plugin. */
    public static final Set<Integer> REFUSED_PORTS = Set.of(0, 1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42,
            43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143,
            161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989,
            990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668,
            6669, 6679, 6697, 10080);

    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern FIELD_VALUE = Pattern.compile("[\\t\\x20-\\x7e]*");
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(4).maxStringLength(64 * 1024).maxNumberLength(32).build());
    }

    private RequestReader() {}

    /** What came of reading: a request to make, or why not. */
    public sealed interface Read {
        record Accepted(OutboundRequest request) implements Read {}

        record Refused(Exchange.Refusal refusal, String why) implements Read {}
    }

    /** Reads {@code json} with {@code body} (empty for none), a body being at most {@code maxBodyBytes}. */
    public static Read read(String json, byte[] body, long maxBodyBytes) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException unreadable) {
            return malformed("the request is not JSON (or names a key twice); send {\"url\": \"https://…\", \"method\": \"GET\", \"headers\": {…}}");
        }
        if (node == null || !node.isObject()) {
            return malformed("the request must be a JSON object with the string url (and method, headers)");
        }
        if (!node.path("url").isTextual()) return malformed("the request has no url (a string)");
        var method = node.path("method");
        if (!method.isMissingNode() && !method.isNull() && !method.isTextual()) return malformed("method must be a string");
        var verb = method.isTextual() ? method.asText().toUpperCase(Locale.ROOT) : "GET";
        if (!METHODS.contains(verb)) {
            return malformed("the method " + quoted(method.asText()) + " is not one of GET, HEAD, POST, PUT, PATCH, DELETE");
        }
        if (node.has("headers") && node.has("header")) return malformed("give headers once, as headers (or header)");
        var fields = node.has("headers") ? node.get("headers") : node.path("header");

        var url = node.get("url").asText();
        if (url.length() > MAX_URL_CHARS) {
            return malformed("the url is " + url.length() + " characters; at most " + MAX_URL_CHARS + " are taken");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return malformed("the url " + quoted(withoutQuery(url)) + " is not a URL (" + e.getReason() + ")");
        }
        if (!uri.isAbsolute() || uri.isOpaque()) {
            return malformed("the url " + quoted(withoutQuery(url)) + " is not absolute: give http://host/path or https://host/path");
        }
        var scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return malformed("the url's scheme is " + quoted(scheme) + "; only http and https are served");
        }
        if (uri.getRawAuthority() == null) return malformed("the url " + quoted(withoutQuery(url)) + " has no host");
        if (uri.getRawUserInfo() != null || uri.getRawAuthority().contains("@")) {
            return malformed("the url carries a user name or password (user@host), which is refused: "
                    + "send credentials in a header");
        }
        if (uri.getHost() == null) {
            return malformed("the url's host in " + quoted(uri.getRawAuthority()) + " does not read as a host name");
        }
        var rawHost = uri.getHost();
        HostName host;
        try {
            host = new HostName(rawHost.startsWith("[") ? rawHost.substring(1, rawHost.length() - 1) : rawHost);
        } catch (InvalidValue e) {
            return malformed("the url's host " + quoted(rawHost) + " " + e.getMessage());
        }
        boolean https = scheme.equals("https");
        int port = uri.getPort() == -1 ? (https ? 443 : 80) : uri.getPort();
        if (port < 1 || port > 65535) return malformed("the url's port " + port + " is not a port");
        if (REFUSED_PORTS.contains(port)) {
            return new Read.Refused(Exchange.Refusal.NOT_ALLOWED, "port " + port + " is one browsers refuse to send "
                    + "HTTP to (it belongs to another protocol); plugins may not either");
        }
        var ascii = URI.create(uri.toASCIIString());
        var target = (ascii.getRawPath() == null || ascii.getRawPath().isEmpty() ? "/" : ascii.getRawPath())
                + (ascii.getRawQuery() == null ? "" : "?" + ascii.getRawQuery());

        var headers = new ArrayList<HttpHeader>();
        if (!fields.isMissingNode() && !fields.isNull()) {
            if (!fields.isObject()) return malformed("headers must be a JSON object of names and string values");
            if (fields.size() > MAX_HEADERS) {
                return malformed(fields.size() + " headers; at most " + MAX_HEADERS + " are taken");
            }
            var seen = new HashSet<String>();
            for (var field : fields.properties()) {
                var name = field.getKey();
                if (name.length() > MAX_HEADER_NAME || !TOKEN.matcher(name).matches()) {
                    return malformed("the header name " + quoted(name) + " is not a token of at most " + MAX_HEADER_NAME
                            + " letters, digits and !#$%&'*+-.^_`|~");
                }
                var key = name.toLowerCase(Locale.ROOT);
                if (HOST_HEADERS.contains(key) || key.startsWith("proxy-")) {
                    return malformed("the header " + name + " is the host's to write; leave it out");
                }
                if (!seen.add(key)) return malformed("the header " + name + " is given twice");
                if (!field.getValue().isTextual()) return malformed("the header " + name + " must have a string value");
                var value = field.getValue().asText();
                if (value.length() > MAX_HEADER_VALUE) {
                    return malformed("the header " + name + " is " + value.length() + " characters; at most "
                            + MAX_HEADER_VALUE + " are taken");
                }
                if (!FIELD_VALUE.matcher(value).matches()) {
                    return malformed("the header " + name + " holds a character other than visible ASCII, space and "
                            + "tab (a line break, or a letter to be encoded first)");
                }
                headers.add(new HttpHeader(name, value.strip()));
            }
        }

        if (body.length > maxBodyBytes) {
            return malformed("the body is " + body.length + " bytes, over the plugin's max_input_bytes of " + maxBodyBytes);
        }
        if (body.length > 0 && (verb.equals("GET") || verb.equals("HEAD"))) {
            return malformed("a " + verb + " request has no body; pass 0 as the body");
        }
        return new Read.Accepted(new OutboundRequest(verb, https, host, port, target, headers, body));
    }

    private static Read malformed(String why) {
        return new Read.Refused(Exchange.Refusal.MALFORMED, why);
    }

    /** A URL for a message: without its query, which may hold a key (messages end up in the log of faults). */
    static String withoutQuery(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query) + "?…";
    }

    /** A value from the plugin in a message: quoted, cut to 100 characters, control characters shown as '?'. */
    static String quoted(String value) {
        var cut = value.length() > 100 ? value.substring(0, 100) + "…" : value;
        var safe = new StringBuilder(cut.length() + 2).append('\'');
        cut.codePoints().forEach(c -> safe.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return safe.append('\'').toString();
    }
}

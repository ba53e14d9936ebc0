package dev.scrollback.adapters.sandbox.webhooks;

import dev.scrollback.adapters.sandbox.http.OutboundHttp;
import dev.scrollback.adapters.sandbox.http.PublicAddresses;
import dev.scrollback.adapters.sandbox.http.RequestReader;
import dev.scrollback.application.webhooks.WebhookTransport;
import dev.scrollback.domain.webhooks.WebhookUrl;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * POSTs webhook messages over HTTP/1.1 on a socket of its own, by the rules plugins' requests follow (decision 0019,
 * applied to webhooks in decision 0022): the host is resolved once, every address must be public unless the sysop
 * allows private ones, and the connection goes to the address that was checked, never to the name again (no DNS
 * rebinding); the name goes in Host, SNI and the certificate check. Ports browsers refuse are refused. Bounded: a
 * connect time-out, one deadline for the whole exchange, a status line of at most 8 KiB; the rest of the response is
 * read and thrown away up to {@link Limits#maxResponseBytes} (then the connection is closed), and only the status
 * counts. A 3xx is an answer (not 2xx, so the delivery failed): redirects are never followed.
 */
public final class SocketWebhookTransport implements WebhookTransport {
    private static final int MAX_STATUS_LINE = 8 * 1024;
    private static final Duration DRAIN = Duration.ofSeconds(1);
    private static final String USER_AGENT = "Scrollback-Webhooks/1";

    /**
     * @param allowPrivateAddresses whether a target may be a loopback, private, link-local or otherwise non-public
     *                              address ({@code SCROLLBACK_WEBHOOK_ALLOW_PRIVATE}; off in production)
     * @param connectTimeout        the longest a connection (and TLS handshake) may take to open
     * @param timeout               the longest a whole exchange may take, until the status line is in
     * @param maxResponseBytes      the most bytes after the status line read (and thrown away)
     */
    public record Limits(boolean allowPrivateAddresses, Duration connectTimeout, Duration timeout, int maxResponseBytes) {
        public static final Limits STANDARD = new Limits(false, Duration.ofSeconds(5), Duration.ofSeconds(10), 64 * 1024);

        public Limits allowingPrivateAddresses(boolean allow) {
            return new Limits(allow, connectTimeout, timeout, maxResponseBytes);
        }
    }

    private final Limits limits;
    private final OutboundHttp.Resolver resolver;
    private final SSLSocketFactory tls;

    public SocketWebhookTransport(Limits limits) {
        this(limits, InetAddress::getAllByName, (SSLSocketFactory) SSLSocketFactory.getDefault());
    }

    public SocketWebhookTransport(Limits limits, OutboundHttp.Resolver resolver, SSLSocketFactory tls) {
        this.limits = limits;
        this.resolver = resolver;
        this.tls = tls;
    }

    @Override
    public Optional<String> refusal(WebhookUrl url) {
        var port = target(url);
        return port.isPresent() ? port : resolve(Target.of(url)).why();
    }

    @Override
    public Response post(WebhookUrl url, List<Header> headers, byte[] body) {
        long start = System.nanoTime();
        var port = target(url);
        if (port.isPresent()) return failed(port.get(), start);
        var where = Target.of(url);
        var resolved = resolve(where);
        if (resolved.why().isPresent()) return failed(resolved.why().get(), start);
        var address = resolved.address();
        long deadline = start + limits.timeout().toNanos();
        try (var raw = new Socket()) {
            raw.connect(new InetSocketAddress(address, where.port()), (int) limits.connectTimeout().toMillis());
            raw.setTcpNoDelay(true);
            Socket socket = raw;
            if (where.https()) {
                var ssl = (SSLSocket) tls.createSocket(raw, where.host(), where.port(), true);
                var parameters = ssl.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");      // the certificate must name the host
                if (where.isName()) parameters.setServerNames(List.of(new SNIHostName(where.host())));
                ssl.setSSLParameters(parameters);
                ssl.setSoTimeout(remaining(deadline));
                ssl.startHandshake();
                socket = ssl;
            }
            var out = new BufferedOutputStream(socket.getOutputStream(), 8 * 1024);
            out.write(head(where, headers, body.length));
            out.write(body);
            out.flush();
            var in = socket.getInputStream();
            int status = status(socket, in, deadline);
            var latency = Duration.ofNanos(System.nanoTime() - start);
            drain(socket, in);
            return new Response.Answered(status, latency);
        } catch (SocketTimeoutException slow) {
            return failed("no answer within " + limits.timeout().toMillis() + " ms", start);
        } catch (ConnectException refused) {
            return failed("could not connect to " + address.getHostAddress() + " port " + where.port() + " ("
                    + refused.getMessage() + ")", start);
        } catch (SSLException tlsFailed) {
            return failed("TLS with " + where.host() + " failed: " + tlsFailed.getMessage(), start);
        } catch (NotHttp notHttp) {
            return failed(notHttp.getMessage(), start);
        } catch (IOException broken) {
            return failed(broken.getClass().getSimpleName() + ": " + broken.getMessage(), start);
        }
    }

    /** Why the URL's port or host cannot be a target, before any look-up. */
    private static Optional<String> target(WebhookUrl url) {
        var where = Target.of(url);
        if (RequestReader.REFUSED_PORTS.contains(where.port())) {
            return Optional.of("port " + where.port() + " belongs to another protocol; webhooks do not go there");
        }
        return Optional.empty();
    }

    private record Resolved(InetAddress address, Optional<String> why) {}

    private Resolved resolve(Target where) {
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(where.host());
        } catch (UnknownHostException unknown) {
            return new Resolved(null, Optional.of(where.host() + " does not resolve to an address"));
        }
        if (addresses == null || addresses.length == 0) {
            return new Resolved(null, Optional.of(where.host() + " does not resolve to an address"));
        }
        if (!limits.allowPrivateAddresses()) {
            for (var address : addresses) {
                var why = PublicAddresses.whyNotPublic(address);
                if (why.isPresent()) {
                    var what = where.isName() ? where.host() + " resolves to " + address.getHostAddress() + ", which" : where.host();
                    return new Resolved(null, Optional.of(what + " is " + why.get() + "; webhooks go to public addresses only"));
                }
            }
        }
        return new Resolved(addresses[0], Optional.empty());
    }

    private static byte[] head(Target where, List<Header> headers, int length) {
        var head = new StringBuilder(512).append("POST ").append(where.path()).append(" HTTP/1.1\r\nHost: ")
                .append(where.authority()).append("\r\nUser-Agent: ").append(USER_AGENT).append("\r\n");
        for (var header : headers) {
            if (!safe(header.name()) || !safe(header.value())) throw new IllegalArgumentException("a header with a line break");
            head.append(header.name()).append(": ").append(header.value()).append("\r\n");
        }
        head.append("Content-Length: ").append(length).append("\r\nConnection: close\r\n\r\n");
        return head.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static boolean safe(String text) {
        return text.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }

    /** Reads {@code HTTP/1.x NNN ...} within the deadline and 8 KiB. */
    private static int status(Socket socket, InputStream in, long deadline) throws IOException {
        var line = new StringBuilder(64);
        while (true) {
            socket.setSoTimeout(remaining(deadline));
            int c = in.read();
            if (c < 0) throw new NotHttp("the receiver closed the connection without answering");
            if (c == '\n') break;
            if (line.length() >= MAX_STATUS_LINE) throw new NotHttp("the receiver's status line is longer than 8 KiB");
            line.append((char) c);
        }
        var text = line.toString().strip();
        if (!text.matches("HTTP/1\\.[01] [1-5][0-9][0-9]( .*)?")) {
            throw new NotHttp("the receiver did not answer HTTP/1.1 (" + text.substring(0, Math.min(40, text.length())) + ")");
        }
        return Integer.parseInt(text.substring(9, 12));
    }

    /** Reads what is left of the response, up to the limit and for a second at most, so the receiver sees it taken. */
    private void drain(Socket socket, InputStream in) {
        long until = System.nanoTime() + DRAIN.toNanos();
        var buffer = new byte[8 * 1024];
        long left = limits.maxResponseBytes();
        try {
            while (left > 0) {
                socket.setSoTimeout(remaining(until));
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) return;
                left -= n;
            }
        } catch (IOException enough) {
            // the status is what counts; the rest was a courtesy
        }
    }

    private static int remaining(long deadline) throws SocketTimeoutException {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) throw new SocketTimeoutException("past the deadline");
        return (int) Math.min(Integer.MAX_VALUE, left);
    }

    private static Response failed(String why, long start) {
        return new Response.Failed(why, Duration.ofNanos(System.nanoTime() - start));
    }

    private static final class NotHttp extends IOException {
        NotHttp(String message) {
            super(message);
        }
    }

    /** The parts of a URL a request needs. */
    private record Target(boolean https, String host, int port, String path) {
        static Target of(WebhookUrl url) {
            var uri = url.uri();
            boolean https = uri.getScheme().equalsIgnoreCase("https");
            var host = uri.getHost();
            if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
            int port = uri.getPort() == -1 ? (https ? 443 : 80) : uri.getPort();
            var path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            if (uri.getRawQuery() != null) path += "?" + uri.getRawQuery();
            return new Target(https, host, port, path);
        }

        boolean isName() {
            return host.indexOf(':') < 0 && !host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
        }

        String authority() {
            var name = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
            return port == (https ? 443 : 80) ? name : name + ":" + port;
        }
    }
}

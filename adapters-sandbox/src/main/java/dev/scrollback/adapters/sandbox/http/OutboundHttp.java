package dev.scrollback.adapters.sandbox.http;

import dev.scrollback.adapters.sandbox.call.CpuShare;
import dev.scrollback.domain.plugins.Permission;
import java.io.BufferedInputStream;
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
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Makes plugins' requests (decision 0019). For each: the host must be one the manifest allows; it is resolved once,
 * and every address it resolves to must be public (unless the sysop allows private ones); the connection goes to the
 * address that was checked — never to the name again, so a DNS answer that changes between the check and the connect
 * (rebinding) changes nothing — with the name in the Host header and, for https, in SNI and the certificate check.
 * HTTP/1.1, one request per connection, no redirects followed (a 3xx is the answer), the response read within
 * {@link HttpPolicy}'s bounds.
 *
 * <p>The work runs on this object's own threads (at most {@link HttpPolicy#maxConcurrent}; past that a request is
 * {@code BUSY}); the plugin's thread only waits. The watchdog stops a call by interrupting that thread: the wait ends,
 * the connection is closed under the worker (which then ends at once), and the interrupt goes back to the engine. An
 * exchange never outlives {@link HttpPolicy#maxTime} even if no one stops it.
 */
public final class OutboundHttp implements AutoCloseable {
    /** How a host name becomes addresses; {@link InetAddress#getAllByName} but in tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private static final System.Logger LOG = System.getLogger(OutboundHttp.class.getName());
    private static final Duration WAIT_SLACK = Duration.ofMillis(250);

    private final HttpPolicy policy;
    private final Resolver resolver;
    private final SSLSocketFactory tls;
    private final ThreadPoolExecutor workers;

    /** The JDK's resolver and default TLS (the JDK's trusted certificate authorities). */
    public OutboundHttp(HttpPolicy policy) {
        this(policy, InetAddress::getAllByName, (SSLSocketFactory) SSLSocketFactory.getDefault());
    }

    public OutboundHttp(HttpPolicy policy, Resolver resolver, SSLSocketFactory tls) {
        this.policy = policy;
        this.resolver = resolver;
        this.tls = tls;
        var count = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(policy.maxConcurrent(), policy.maxConcurrent(), 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(),
                task -> Thread.ofPlatform().name("plugin-http-" + count.incrementAndGet()).daemon(true).unstarted(task),
                new ThreadPoolExecutor.AbortPolicy());
        this.workers.allowCoreThreadTimeOut(true);
    }

    public HttpPolicy policy() {
        return policy;
    }

    /**
     * Makes {@code request} if {@code allowed} covers its host, and waits for the outcome; {@code userAgent} is sent
     * unless the plugin gave one.
     *
     * @throws InterruptedException when the waiting thread is interrupted (the request is abandoned, its connection
     *                              closed; the caller restores the interrupt)
     */
    public Exchange exchange(OutboundRequest request, Permission.OutboundHttp allowed, String userAgent)
            throws InterruptedException {
        if (!allowed.allows(request.host())) {
            return new Exchange.Refused(Exchange.Refusal.NOT_ALLOWED, request.host() + " is not a host the manifest allows ("
                    + allowed.hosts().stream().map(Object::toString).collect(Collectors.joining(", ")) + ")");
        }
        var attempt = new Attempt(request, userAgent, System.nanoTime() + policy.maxTime().toNanos());
        Future<Exchange> outcome;
        try {
            outcome = workers.submit(attempt::run);
        } catch (RejectedExecutionException busy) {
            return new Exchange.Refused(Exchange.Refusal.BUSY, "the BBS has " + policy.maxConcurrent()
                    + " plugin requests in flight, its most; nothing was sent");
        }
        long waiting = System.nanoTime();
        try {
            return outcome.get(policy.maxTime().plus(WAIT_SLACK).toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException stopped) {
            attempt.abort();
            outcome.cancel(true);
            throw stopped;
        } catch (TimeoutException slow) {
            attempt.abort();
            outcome.cancel(true);
            return new Exchange.Refused(Exchange.Refusal.FAILED, request.where() + " did not answer within "
                    + policy.maxTime().toMillis() + " ms");
        } catch (ExecutionException failed) {
            LOG.log(System.Logger.Level.WARNING, "a plugin's request to " + request.where() + " failed", failed.getCause());
            return new Exchange.Refused(Exchange.Refusal.FAILED, request.where() + " failed ("
                    + failed.getCause().getClass().getSimpleName() + ")");
        } finally {
            CpuShare.charge(System.nanoTime() - waiting);   // the plugin's own time: it asked a slow server
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    /** One exchange, on a worker; {@link #abort} (from the waiting thread) closes its connection. */
    private final class Attempt {
        private final OutboundRequest request;
        private final String userAgent;
        private final long deadline;
        private Socket socket;                  // guarded by this
        private boolean aborted;                // guarded by this

        Attempt(OutboundRequest request, String userAgent, long deadline) {
            this.request = request;
            this.userAgent = userAgent;
            this.deadline = deadline;
        }

        Exchange run() {
            var host = request.host().value();
            InetAddress[] addresses;
            try {
                addresses = resolver.resolve(host);
            } catch (UnknownHostException unknown) {
                return failed(host + " does not resolve to an address");
            }
            if (addresses == null || addresses.length == 0) return failed(host + " does not resolve to an address");
            if (!policy.allowPrivateAddresses()) {
                for (var address : addresses) {
                    var why = PublicAddresses.whyNotPublic(address);
                    if (why.isPresent()) {
                        var what = request.hostIsName() ? host + " resolves to " + address.getHostAddress() + ", which" : host;
                        return new Exchange.Refused(Exchange.Refusal.NOT_ALLOWED, what + " is " + why.get()
                                + "; plugins reach public addresses only");
                    }
                }
            }
            var address = addresses[0];
            try {
                return new Exchange.Answered(exchange(address));
            } catch (ResponseReader.Unreadable unreadable) {
                return failed(request.where() + ": " + unreadable.getMessage());
            } catch (SocketTimeoutException slow) {
                return failed(request.where() + " did not answer within " + policy.maxTime().toMillis() + " ms");
            } catch (ConnectException refused) {
                return failed("could not connect to " + address.getHostAddress() + " port " + request.port() + " ("
                        + refused.getMessage() + ")");
            } catch (SSLException tlsFailed) {
                return failed("TLS with " + host + " failed: " + tlsFailed.getMessage());
            } catch (IOException broken) {
                return failed(request.where() + ": " + broken.getClass().getSimpleName() + " " + broken.getMessage());
            } finally {
                closeSocket();
            }
        }

        private OutboundResponse exchange(InetAddress address) throws IOException {
            var raw = new Socket();
            if (!opened(raw)) throw new IOException("abandoned");
            raw.connect(new InetSocketAddress(address, request.port()), remainingMillis());
            raw.setTcpNoDelay(true);
            Socket socket = raw;
            if (request.https()) {
                var ssl = (SSLSocket) tls.createSocket(raw, request.host().value(), request.port(), true);
                var parameters = ssl.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");   // the certificate must name the host
                if (request.hostIsName()) parameters.setServerNames(List.of(new SNIHostName(request.host().value())));
                ssl.setSSLParameters(parameters);
                ssl.setSoTimeout(remainingMillis());
                ssl.startHandshake();
                socket = ssl;
            }
            var out = new BufferedOutputStream(socket.getOutputStream());
            out.write(head());
            out.write(request.bodyUnsafe());
            out.flush();
            var in = new BufferedInputStream(new DeadlineInput(socket), 16 * 1024);
            return ResponseReader.read(in, request.method().equals("HEAD"), policy);
        }

        /** The request line and headers: the plugin's, then Host, a User-Agent, Content-Length, Connection: close. */
        private byte[] head() {
            var head = new StringBuilder(256).append(request.method()).append(' ').append(request.target())
                    .append(" HTTP/1.1\r\nHost: ").append(request.authority()).append("\r\n");
            boolean agent = false;
            for (var header : request.headers()) {
                head.append(header.name()).append(": ").append(header.value()).append("\r\n");
                agent |= header.name().toLowerCase(Locale.ROOT).equals("user-agent");
            }
            if (!agent) head.append("User-Agent: ").append(userAgent).append("\r\n");
            var method = request.method();
            if (request.bodyLength() > 0 || method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
                head.append("Content-Length: ").append(request.bodyLength()).append("\r\n");
            }
            return head.append("Connection: close\r\n\r\n").toString().getBytes(StandardCharsets.US_ASCII);
        }

        private int remainingMillis() throws SocketTimeoutException {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) throw new SocketTimeoutException("past the exchange's time");
            return (int) Math.min(Integer.MAX_VALUE, left);
        }

        private synchronized boolean opened(Socket opened) {
            if (aborted) return false;
            socket = opened;
            return true;
        }

        synchronized void abort() {
            aborted = true;
            closeSocket();
        }

        private synchronized void closeSocket() {
            if (socket == null) return;
            try {
                socket.close();   // the raw socket: no TLS close_notify that could block
            } catch (IOException ignored) {
                // closing is all we wanted
            }
        }

        private Exchange failed(String why) {
            return new Exchange.Refused(Exchange.Refusal.FAILED, why);
        }

        /** The socket's input with the read timeout set, before each read, to what is left of the exchange's time. */
        private final class DeadlineInput extends InputStream {
            private final Socket socket;
            private final InputStream in;

            DeadlineInput(Socket socket) throws IOException {
                this.socket = socket;
                this.in = socket.getInputStream();
            }

            @Override
            public int read() throws IOException {
                socket.setSoTimeout(remainingMillis());
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                socket.setSoTimeout(remainingMillis());
                return in.read(b, off, len);
            }
        }
    }
}

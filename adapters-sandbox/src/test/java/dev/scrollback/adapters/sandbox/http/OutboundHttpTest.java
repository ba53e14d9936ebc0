package dev.scrollback.adapters.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrollback.domain.plugins.HostName;
import dev.scrollback.domain.plugins.Permission;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client on the wire, against a server that answers with exactly the bytes a test gives it: what the request looks
 * like, how responses are framed and bounded, what is refused, and TLS to a pinned address with the name in SNI and
 * the certificate check.
 */
class OutboundHttpTest {
    private static final Permission.OutboundHttp ALLOWED = new Permission.OutboundHttp(Set.of(
            new HostName("api.example.org"), new HostName("127.0.0.1")));
    private static final HttpPolicy LOCAL = HttpPolicy.strict().allowingPrivateAddresses(true);

    private final List<AutoCloseable> closing = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (var c : closing) c.close();
    }

    @Test
    void the_request_is_http_1_1_with_the_plugins_headers_then_host_user_agent_length_and_close() throws Exception {
        var server = new CannedServer(request -> "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
        var answer = answered(exchange(LOCAL, "{\"url\":\"http://api.example.org:" + server.port() + "/p/a%2Fb?q=1&r#frag\","
                + "\"method\":\"PATCH\",\"header\":{\"Accept\":\"application/json\",\"X-Key\":\" k \"}}", "{\"a\":1}"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo("ok");
        assertThat(server.requests()).containsExactly("PATCH /p/a%2Fb?q=1&r HTTP/1.1\r\nHost: api.example.org:" + server.port()
                + "\r\nAccept: application/json\r\nX-Key: k\r\nUser-Agent: test-agent\r\nContent-Length: 7\r\n"
                + "Connection: close\r\n\r\n{\"a\":1}");
    }

    @Test
    void a_url_with_non_ascii_in_its_path_is_sent_percent_encoded_and_the_default_port_is_left_out() throws Exception {
        var request = ((RequestReader.Read.Accepted) RequestReader.read("{\"url\":\"https://api.example.org/caf\u00e9?x=\u00fc\"}",
                new byte[0], 100)).request();

        assertThat(request.target()).isEqualTo("/caf%C3%A9?x=%C3%BC");
        assertThat(request.authority()).isEqualTo("api.example.org");
        assertThat(request.port()).isEqualTo(443);
        assertThat(request.url()).isEqualTo("https://api.example.org/caf%C3%A9?x=%C3%BC");
    }

    @Test
    void bodies_are_framed_by_length_by_chunks_or_by_the_close_and_none_follows_204_304_or_head() throws Exception {
        assertThat(body("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello")).isEqualTo("hello");
        assertThat(body("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n7\r\n, world\r\n0\r\n"
                + "X-Trailer: t\r\n\r\n")).isEqualTo("hello, world");
        assertThat(body("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil the close")).isEqualTo("until the close");
        assertThat(body("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\nHTTP/1.1 200 OK\r\n"
                + "Content-Length: 4\r\n\r\nlate")).isEqualTo("late");
        assertThat(body("HTTP/1.1 204 No Content\r\n\r\n")).isEmpty();
        assertThat(body("HTTP/1.1 304 Not Modified\r\nContent-Length: 100\r\n\r\n")).isEmpty();
        var server = new CannedServer(request -> "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n");
        var head = answered(exchange(LOCAL, "{\"url\":\"http://127.0.0.1:" + server.port() + "/\",\"method\":\"HEAD\"}", ""));
        assertThat(head.body()).isEmpty();
        assertThat(head.headers()).containsExactly(new HttpHeader("content-length", "1000"));
    }

    @Test
    void responses_that_are_not_http_1_1_or_break_their_bounds_fail() throws Exception {
        var policy = LOCAL.withMaxResponseBytes(10);
        assertThat(failure(policy, "SSH-2.0-OpenSSH_9.2\r\n")).endsWith("the answer is not an HTTP/1.1 response (it begins "
                + "'SSH-2.0-OpenSSH_9.2')");
        assertThat(failure(policy, "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n"))
                .endsWith("the server switched protocols (101), which nothing asked for");
        assertThat(failure(policy, "HTTP/1.1 200 OK\r\nX-A: 1\r\n  folded\r\n\r\n")).endsWith("a folded header line (obsolete, refused)");
        assertThat(failure(policy, "HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd"))
                .endsWith("the Content-Length '3, 4' is not one length");
        assertThat(failure(policy, "HTTP/1.1 200 OK\r\nContent-Length: 8\r\n\r\nabc")).endsWith("the connection closed after 3 of 8 bytes");
        assertThat(failure(policy, "HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n")).endsWith("the response body is 11 bytes; "
                + "a plugin is handed at most 10 bytes");
        assertThat(failure(policy, "HTTP/1.1 200 OK\r\n\r\n" + "x".repeat(11))).endsWith("the response body is over 10 bytes "
                + "(read up to the close); a plugin is handed at most 10 bytes");
        assertThat(failure(policy, "HTTP/1.1 200 OK\r\nX-Big: " + "x".repeat(9000) + "\r\n\r\n")).endsWith("a header line over 8192 bytes");
        var many = new StringBuilder("HTTP/1.1 200 OK\r\n");
        for (int i = 0; i < 101; i++) many.append("X-").append(i).append(": v\r\n");
        assertThat(failure(policy, many + "\r\n")).endsWith("more than 100 header fields");
        var large = new StringBuilder("HTTP/1.1 200 OK\r\n");
        for (int i = 0; i < 90; i++) large.append("X-").append(i).append(": ").append("v".repeat(800)).append("\r\n");
        assertThat(failure(policy, large + "\r\n")).endsWith("the status line and headers are over their bound of bytes");
        assertThat(failure(policy, "")).endsWith("the connection closed in the status line");
    }

    @Test
    void a_server_that_never_answers_is_given_up_at_the_policys_time() throws Exception {
        var server = new CannedServer(request -> null);      // reads, then says nothing
        var policy = new HttpPolicy(true, 1024, 1024, 2, Duration.ofMillis(400));
        long started = System.nanoTime();

        var outcome = exchange(policy, "{\"url\":\"http://127.0.0.1:" + server.port() + "/\"}", "");

        assertThat(outcome).isEqualTo(new Exchange.Refused(Exchange.Refusal.FAILED,
                "http://127.0.0.1:" + server.port() + "/ did not answer within 400 ms"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void an_interrupted_caller_stops_waiting_and_the_connection_is_closed_under_the_worker() throws Exception {
        var server = new CannedServer(request -> null);
        var client = client(LOCAL, this::resolve, (SSLSocketFactory) SSLSocketFactory.getDefault());
        var request = request("{\"url\":\"http://127.0.0.1:" + server.port() + "/\"}", "");
        var thrown = new AtomicReference<Throwable>();
        var caller = Thread.ofPlatform().start(() -> {
            try {
                client.exchange(request, ALLOWED, "test-agent");
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        assertThat(server.requests.poll(5, TimeUnit.SECONDS)).isNotNull();

        caller.interrupt();
        caller.join(2_000);

        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
        assertThat(server.closedByClient.poll(2, TimeUnit.SECONDS)).as("the server saw the connection end").isTrue();
    }

    @Test
    void over_tls_the_connection_goes_to_the_checked_address_with_the_name_in_sni_and_the_certificate_check(@TempDir Path dir)
            throws Exception {
        var keys = selfSigned(dir, "api.example.org");
        var server = new CannedServer(tlsContext(keys, true), request -> "HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nsecret");
        var client = client(LOCAL, this::resolve, tlsContext(keys, false).getSocketFactory());

        var answer = answered(client.exchange(request("{\"url\":\"https://api.example.org:" + server.port() + "/\"}", ""),
                ALLOWED, "test-agent"));

        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo("secret");
        assertThat(server.serverNames).containsExactly("api.example.org");

        var other = selfSigned(dir.resolve("other"), "other.example.org");
        var impostor = new CannedServer(tlsContext(other, true), request -> "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nno");
        var trustsTheImpostor = client(LOCAL, this::resolve, tlsContext(other, false).getSocketFactory());
        var refused = trustsTheImpostor.exchange(request("{\"url\":\"https://api.example.org:" + impostor.port() + "/\"}", ""),
                ALLOWED, "test-agent");
        assertThat(refused).isInstanceOfSatisfying(Exchange.Refused.class, r -> {
            assertThat(r.refusal()).isEqualTo(Exchange.Refusal.FAILED);
            assertThat(r.why()).startsWith("TLS with api.example.org failed: ");
        });
        assertThat(impostor.requests).as("no request was sent to a server whose certificate names another host").isEmpty();
    }

    @Test
    void every_address_a_name_resolves_to_must_be_public() throws Exception {
        var client = client(HttpPolicy.strict(), host -> new InetAddress[] {
                InetAddress.getByAddress(host, new byte[] {93, (byte) 184, (byte) 216, 34}),
                InetAddress.getByAddress(host, new byte[] {(byte) 169, (byte) 254, (byte) 169, (byte) 254})},
                (SSLSocketFactory) SSLSocketFactory.getDefault());

        assertThat(client.exchange(request("{\"url\":\"http://api.example.org/\"}", ""), ALLOWED, "test-agent"))
                .isEqualTo(new Exchange.Refused(Exchange.Refusal.NOT_ALLOWED, "api.example.org resolves to 169.254.169.254, "
                        + "which is a link-local address (169.254.0.0/16); plugins reach public addresses only"));
    }

    @Test
    void a_request_after_close_is_refused_as_busy() throws Exception {
        var client = client(LOCAL, this::resolve, (SSLSocketFactory) SSLSocketFactory.getDefault());
        client.close();

        assertThat(client.exchange(request("{\"url\":\"http://127.0.0.1:8080/\"}", ""), ALLOWED, "test-agent"))
                .isInstanceOfSatisfying(Exchange.Refused.class, r -> assertThat(r.refusal()).isEqualTo(Exchange.Refusal.BUSY));
    }

    @Test
    void a_request_must_be_read_before_it_is_made() {
        assertThat(RequestReader.read("{\"url\":\"http://api.example.org/\",\"headers\":{\"a\":\"1\"},\"header\":{}}",
                new byte[0], 10)).isEqualTo(new RequestReader.Read.Refused(Exchange.Refusal.MALFORMED,
                "give headers once, as headers (or header)"));
        assertThat(RequestReader.read("{\"url\":\"http://[::1]:8080/x\",\"method\":null,\"headers\":null,\"extra\":1}",
                new byte[0], 10)).isInstanceOfSatisfying(RequestReader.Read.Accepted.class, accepted -> {
            assertThat(accepted.request().host()).isEqualTo(new HostName("::1"));
            assertThat(accepted.request().authority()).isEqualTo("[::1]:8080");
            assertThat(accepted.request().method()).isEqualTo("GET");
        });
        assertThatThrownBy(() -> new HttpPolicy(false, 0, 1, 1, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }

    // --- helpers

    private String body(String canned) throws Exception {
        var server = new CannedServer(request -> canned);
        return new String(answered(exchange(LOCAL, "{\"url\":\"http://127.0.0.1:" + server.port() + "/\"}", "")).body(),
                StandardCharsets.ISO_8859_1);
    }

    private String failure(HttpPolicy policy, String canned) throws Exception {
        var server = new CannedServer(request -> canned);
        var outcome = exchange(policy, "{\"url\":\"http://127.0.0.1:" + server.port() + "/\"}", "");
        assertThat(outcome).isInstanceOfSatisfying(Exchange.Refused.class,
                r -> assertThat(r.refusal()).isEqualTo(Exchange.Refusal.FAILED));
        return ((Exchange.Refused) outcome).why();
    }

    private Exchange exchange(HttpPolicy policy, String json, String body) throws Exception {
        return client(policy, this::resolve, (SSLSocketFactory) SSLSocketFactory.getDefault())
                .exchange(request(json, body), ALLOWED, "test-agent");
    }

    private static OutboundRequest request(String json, String body) {
        var read = RequestReader.read(json, body.getBytes(StandardCharsets.UTF_8), 1024);
        assertThat(read).isInstanceOf(RequestReader.Read.Accepted.class);
        return ((RequestReader.Read.Accepted) read).request();
    }

    private static OutboundResponse answered(Exchange exchange) {
        assertThat(exchange).isInstanceOf(Exchange.Answered.class);
        return ((Exchange.Answered) exchange).response();
    }

    private OutboundHttp client(HttpPolicy policy, OutboundHttp.Resolver resolver, SSLSocketFactory tls) {
        var client = new OutboundHttp(policy, resolver, tls);
        closing.add(client);
        return client;
    }

    private InetAddress[] resolve(String host) throws UnknownHostException {
        if (host.equals("api.example.org")) return new InetAddress[] {InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})};
        if (host.equals("127.0.0.1") || host.equals("::1")) return InetAddress.getAllByName(host);
        throw new UnknownHostException(host);
    }

    /** A PKCS12 key store with a self-signed EC certificate for {@code name} (and 127.0.0.1), made by the JDK's keytool. */
    private static Path selfSigned(Path dir, String name) throws Exception {
        Files.createDirectories(dir);
        var store = dir.resolve("keys.p12");
        var keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        var process = new ProcessBuilder(keytool, "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=" + name, "-ext", "san=dns:" + name + ",ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        return store;
    }

    private static SSLContext tlsContext(Path store, boolean server) throws Exception {
        var keys = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(store)) {
            keys.load(in, "changeit".toCharArray());
        }
        var context = SSLContext.getInstance("TLS");
        if (server) {
            var kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, "changeit".toCharArray());
            context.init(kmf.getKeyManagers(), null, null);
        } else {
            var trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            trusted.setCertificateEntry("server", keys.getCertificate("server"));
            var tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trusted);
            context.init(null, tmf.getTrustManagers(), null);
        }
        return context;
    }

    /**
     * Accepts connections on 127.0.0.1 one at a time, reads each request (head and Content-Length body), records it, and
     * writes what {@code answer} gives for it (nothing, and holds the connection open, for null), then closes.
     */
    private final class CannedServer implements AutoCloseable {
        final BlockingQueue<String> requests = new ArrayBlockingQueue<>(100);
        final BlockingQueue<Boolean> closedByClient = new ArrayBlockingQueue<>(100);
        final List<String> serverNames = new CopyOnWriteArrayList<>();
        private final ServerSocket socket;
        private final Function<String, String> answer;
        private final Thread thread;

        CannedServer(Function<String, String> answer) throws IOException {
            this(null, answer);
        }

        CannedServer(SSLContext tls, Function<String, String> answer) throws IOException {
            this.socket = tls == null ? new ServerSocket(0, 50, InetAddress.getLoopbackAddress())
                    : tls.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
            this.answer = answer;
            this.thread = Thread.ofPlatform().daemon(true).start(this::serve);
            closing.add(this);
        }

        int port() {
            return socket.getLocalPort();
        }

        List<String> requests() {
            return List.copyOf(requests);
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket connection = socket.accept()) {
                    connection.setSoTimeout(5_000);
                    if (connection instanceof SSLSocket ssl) {
                        ssl.startHandshake();
                        ((ExtendedSSLSession) ssl.getSession()).getRequestedServerNames()
                                .forEach(n -> serverNames.add(((SNIHostName) n).getAsciiName()));
                    }
                    var request = readRequest(connection.getInputStream());
                    requests.add(request);
                    var reply = answer.apply(request);
                    if (reply == null) {
                        closedByClient.add(connection.getInputStream().read() < 0);
                        continue;
                    }
                    connection.getOutputStream().write(reply.getBytes(StandardCharsets.ISO_8859_1));
                    connection.getOutputStream().flush();
                } catch (IOException e) {
                    // the next connection, or closed
                }
            }
        }

        private static String readRequest(InputStream in) throws IOException {
            var head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) break;
                head.write(b);
            }
            var text = head.toString(StandardCharsets.ISO_8859_1);
            int length = text.lines().filter(l -> l.toLowerCase().startsWith("content-length:"))
                    .mapToInt(l -> Integer.parseInt(l.substring(15).strip())).findFirst().orElse(0);
            return text + new String(in.readNBytes(length), StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws Exception {
            socket.close();
            thread.join(2_000);
        }
    }
}

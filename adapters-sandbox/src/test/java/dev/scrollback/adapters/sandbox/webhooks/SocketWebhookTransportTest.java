package dev.scrollback.adapters.sandbox.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.scrollback.application.webhooks.WebhookTransport.Header;
import dev.scrollback.application.webhooks.WebhookTransport.Response;
import dev.scrollback.domain.webhooks.WebhookUrl;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The transport against real sockets on this machine: a well-behaved receiver, and hostile ones. */
class SocketWebhookTransportTest {
    static final SocketWebhookTransport.Limits LOCAL = new SocketWebhookTransport.Limits(true, Duration.ofSeconds(2),
            Duration.ofMillis(800), 4096);
    static final byte[] BODY = "{\"position\":7}".getBytes(StandardCharsets.UTF_8);
    static final List<Header> HEADERS = List.of(new Header("webhook-id", "abc"), new Header("content-type", "application/json"));

    final SocketWebhookTransport transport = new SocketWebhookTransport(LOCAL);
    HttpServer server;
    ServerSocket raw;

    @AfterEach
    void stop() throws IOException {
        if (server != null) server.stop(0);
        if (raw != null) raw.close();
    }

    int serve(String path, com.sun.net.httpserver.HttpHandler handler) throws IOException {
        if (server == null) {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.start();
        }
        server.createContext(path, handler);
        return server.getAddress().getPort();
    }

    @Test
    void a_message_arrives_with_its_headers_and_exact_body_and_the_status_comes_back() throws Exception {
        var got = new CopyOnWriteArrayList<String>();
        int port = serve("/in", exchange -> {
            got.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + exchange.getRequestHeaders().getFirst("webhook-id")
                    + " " + exchange.getRequestHeaders().getFirst("content-type") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        var response = transport.post(new WebhookUrl("http://127.0.0.1:" + port + "/in?t=1"), HEADERS, BODY);
        assertThat(response).isInstanceOf(Response.Answered.class);
        assertThat(((Response.Answered) response).status()).isEqualTo(204);
        assertThat(got).containsExactly("POST /in?t=1 abc application/json {\"position\":7}");
    }

    @Test
    void private_and_loopback_targets_are_refused_unless_allowed() {
        var strict = new SocketWebhookTransport(SocketWebhookTransport.Limits.STANDARD);
        assertThat(strict.refusal(new WebhookUrl("http://127.0.0.1:9/in"))).isPresent();
        assertThat(strict.refusal(new WebhookUrl("http://127.0.0.1:8080/in")).orElseThrow())
                .contains("loopback").contains("public addresses only");
        assertThat(strict.refusal(new WebhookUrl("http://[::1]:8080/in"))).isPresent();
        assertThat(strict.refusal(new WebhookUrl("http://169.254.169.254/latest/meta-data"))).isPresent();
        assertThat(strict.refusal(new WebhookUrl("http://10.1.2.3/"))).isPresent();
        var refused = strict.post(new WebhookUrl("http://127.0.0.1:8080/in"), HEADERS, BODY);
        assertThat(refused).isInstanceOf(Response.Failed.class);
        // a name that resolves to a private address is refused as well, and the message says which address
        var rebinding = new SocketWebhookTransport(SocketWebhookTransport.Limits.STANDARD,
                host -> new InetAddress[]{InetAddress.getByAddress(host, new byte[]{10, 0, 0, 7})},
                (SSLSocketFactory) SSLSocketFactory.getDefault());
        assertThat(rebinding.refusal(new WebhookUrl("https://hooks.example.org/in")).orElseThrow())
                .contains("hooks.example.org resolves to 10.0.0.7");
        assertThat(transport.refusal(new WebhookUrl("http://127.0.0.1:8080/in"))).isEmpty();
        assertThat(transport.refusal(new WebhookUrl("http://127.0.0.1:25/in")).orElseThrow()).contains("port 25");
        assertThat(transport.refusal(new WebhookUrl("http://no-such-host.invalid/in")).orElseThrow()).contains("does not resolve");
    }

    @Test
    void a_redirect_is_an_answer_and_is_not_followed() throws Exception {
        var followed = new AtomicInteger();
        int port = serve("/elsewhere", exchange -> {
            followed.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        serve("/in", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + port + "/elsewhere");
            exchange.sendResponseHeaders(307, -1);
            exchange.close();
        });
        var response = transport.post(new WebhookUrl("http://127.0.0.1:" + port + "/in"), HEADERS, BODY);
        assertThat(((Response.Answered) response).status()).isEqualTo(307);
        assertThat(followed).hasValue(0);
    }

    @Test
    void a_huge_answer_is_read_only_up_to_the_limit() throws Exception {
        var sent = new CountDownLatch(1);
        int port = serve("/in", exchange -> {
            exchange.sendResponseHeaders(200, 0);              // chunked, endless as far as the client knows
            try (OutputStream out = exchange.getResponseBody()) {
                var chunk = new byte[64 * 1024];
                for (int i = 0; i < 16 * 1024; i++) out.write(chunk);   // 1 GiB if anyone read it all
            } catch (IOException cutOff) {
                sent.countDown();                               // the client closed after its limit
            }
        });
        var response = transport.post(new WebhookUrl("http://127.0.0.1:" + port + "/in"), HEADERS, BODY);
        assertThat(((Response.Answered) response).status()).isEqualTo(200);
        sent.await();
    }

    @Test
    void a_receiver_that_never_answers_times_out() throws Exception {
        raw = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        var accepted = new CopyOnWriteArrayList<java.net.Socket>();
        Thread.ofVirtual().start(() -> {
            try {
                while (true) accepted.add(raw.accept());         // takes the request, says nothing
            } catch (IOException closed) {
                // the test is over
            }
        });
        var response = transport.post(new WebhookUrl("http://127.0.0.1:" + raw.getLocalPort() + "/in"), HEADERS, BODY);
        assertThat(response).isInstanceOf(Response.Failed.class);
        assertThat(((Response.Failed) response).why()).contains("no answer within 800 ms");
        for (var socket : accepted) socket.close();
    }

    @Test
    void an_answer_that_is_not_http_fails() throws Exception {
        raw = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            try (var socket = raw.accept()) {
                socket.getOutputStream().write("SSH-2.0-OpenSSH_9.6\r\n".getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                socket.getInputStream().readNBytes(10);
            } catch (IOException closed) {
                // the test is over
            }
        });
        var response = transport.post(new WebhookUrl("http://127.0.0.1:" + raw.getLocalPort() + "/in"), HEADERS, BODY);
        assertThat(((Response.Failed) response).why()).contains("did not answer HTTP/1.1");
    }

    @Test
    void a_refused_connection_fails_with_the_address() throws Exception {
        int port;
        try (var closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        var response = transport.post(new WebhookUrl("http://127.0.0.1:" + port + "/in"), HEADERS, BODY);
        assertThat(((Response.Failed) response).why()).contains("could not connect to 127.0.0.1 port " + port);
    }
}

package dev.scrollback.bench;

import com.sun.net.httpserver.HttpServer;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.EventMetadata;
import dev.scrollback.application.shared.ExpectedVersion;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.StreamAppend;
import dev.scrollback.application.shared.StreamId;
import dev.scrollback.application.shared.Actor;
import dev.scrollback.application.webhooks.ManageWebhooks;
import dev.scrollback.bootstrap.ScrollbackApplication;
import dev.scrollback.domain.accounts.AccountEvent.EmailVerified;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.SessionId;
import dev.scrollback.domain.webhooks.WebhookDescription;
import dev.scrollback.domain.webhooks.WebhookFilter;
import dev.scrollback.domain.webhooks.WebhookUrl;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Webhooks (issue 7 item 6): the application in-process on embedded H2 (temporary data directory), a receiver on
 * 127.0.0.1 (JDK HttpServer answering 204), and {@code EmailVerified} events appended straight to the log. Prints:
 * deliveries per second draining a backlog of {@code --backlog} events to one subscription and to {@code --subscriptions}
 * at once (each subscription is one request at a time, in order), then the lag from append to the receiver having the
 * message, p50/p95/p99, over {@code --lag-events} events appended one every {@code --interval-ms}.
 *
 * <pre>bench/run webhooks [--backlog 5000] [--subscriptions 4] [--lag-events 1000] [--interval-ms 20]</pre>
 */
public final class WebhooksLoad {
    private static final Caller SYSOP = new Caller(new AccountId(UUID.randomUUID()), new Handle("bench"),
            new SessionId(UUID.randomUUID()), Set.of(Role.SYSOP));

    /** What the receiver got: per subscription path, the count; per position, the first arrival (nanoTime). */
    private static final class Receiver implements AutoCloseable {
        final HttpServer server;
        final ConcurrentHashMap<String, AtomicLong> counts = new ConcurrentHashMap<>();
        final ConcurrentHashMap<Long, Long> arrivals = new ConcurrentHashMap<>();

        Receiver() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/", exchange -> {
                long now = System.nanoTime();
                exchange.getRequestBody().readAllBytes();
                var position = exchange.getRequestHeaders().getFirst("webhook-position");
                if (position != null) arrivals.putIfAbsent(Long.parseLong(position), now);
                counts.computeIfAbsent(exchange.getRequestURI().getPath(), p -> new AtomicLong()).incrementAndGet();
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
        }

        String url(String path) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + path;
        }

        long count(String path) {
            var c = counts.get(path);
            return c == null ? 0 : c.get();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    public static void main(String[] args) throws Exception {
        int backlog = 5000, subscriptions = 4, lagEvents = 1000, interval = 20;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--backlog" -> backlog = Integer.parseInt(args[++i]);
                case "--subscriptions" -> subscriptions = Integer.parseInt(args[++i]);
                case "--lag-events" -> lagEvents = Integer.parseInt(args[++i]);
                case "--interval-ms" -> interval = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        var data = Files.createTempDirectory("bench-webhooks");
        var properties = new HashMap<String, Object>(Map.of("SCROLLBACK_DATA_DIR", data.toString(),
                "SCROLLBACK_TELNET_PORT", "0", "SCROLLBACK_HTTP_PORT", "0", "SCROLLBACK_TELNET_HOST", "127.0.0.1",
                "SCROLLBACK_HTTP_HOST", "127.0.0.1", "SCROLLBACK_WEBHOOK_ALLOW_PRIVATE", "true", "logging.level.root", "WARN"));
        try (var receiver = new Receiver(); var app = ScrollbackApplication.serve(properties)) {
            var log = app.getBean(EventLog.class);
            var manage = app.getBean(ManageWebhooks.class);
            var filter = new WebhookFilter(Set.of("EmailVerified"), Set.of());
            System.out.printf(Locale.ROOT, "webhooks: embedded H2, receiver on 127.0.0.1 answering 204, %d cores%n",
                    Runtime.getRuntime().availableProcessors());

            // a backlog, then subscriptions that start before it: how fast they drain
            long before = log.lastPosition();
            append(log, backlog);
            long start = System.nanoTime();
            manage.subscribe(SYSOP, Origin.cli(), new WebhookUrl(receiver.url("/one")), filter, WebhookDescription.NONE,
                    OptionalLong.of(before));
            int expected = backlog;
            waitFor(() -> receiver.count("/one") >= expected);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "1 subscription: %,d deliveries in %.2f s = %s deliveries/s%n", receiver.count("/one"),
                    seconds, Stats.thousands(receiver.count("/one") / seconds));

            var paths = new ArrayList<String>();
            start = System.nanoTime();
            for (int s = 0; s < subscriptions; s++) {
                paths.add("/many" + s);
                manage.subscribe(SYSOP, Origin.cli(), new WebhookUrl(receiver.url("/many" + s)), filter,
                        WebhookDescription.NONE, OptionalLong.of(before));
            }
            long each = receiver.count("/one");
            waitFor(() -> paths.stream().allMatch(p -> receiver.count(p) >= each));
            seconds = (System.nanoTime() - start) / 1e9;
            long total = paths.stream().mapToLong(receiver::count).sum();
            System.out.printf(Locale.ROOT, "%d subscriptions at once: %,d deliveries in %.2f s = %s deliveries/s%n",
                    subscriptions, total, seconds, Stats.thousands(total / seconds));

            // lag: one event at a time while every subscription is caught up
            var lags = new Stats.Longs();
            var appendedAt = new ConcurrentHashMap<Long, Long>();
            receiver.arrivals.clear();
            for (int i = 0; i < lagEvents; i++) {
                long at = System.nanoTime();
                var recorded = log.append(new StreamAppend(StreamId.of("account", UUID.randomUUID()), ExpectedVersion.any(),
                        List.of(new EmailVerified(new AccountId(UUID.randomUUID()), Instant.now()))),
                        EventMetadata.of(Actor.system(), Origin.system(), Instant.now()));
                appendedAt.put(recorded.getFirst().position(), at);
                Thread.sleep(interval);
            }
            waitFor(() -> appendedAt.keySet().stream().allMatch(receiver.arrivals::containsKey));
            appendedAt.forEach((position, at) -> lags.add(receiver.arrivals.get(position) - at));
            var sorted = Stats.sorted(lags.drain());
            System.out.printf(Locale.ROOT, "lag append -> received, %,d events one every %d ms, %d subscriptions: p50/p95/p99 %s ms%n",
                    sorted.length, interval, subscriptions + 1, Stats.quantiles(sorted));
        }
    }

    private static void append(EventLog log, int events) {
        var batch = new ArrayList<StreamAppend>();
        for (int i = 0; i < events; i++) {
            batch.add(new StreamAppend(StreamId.of("account", UUID.randomUUID()), ExpectedVersion.any(),
                    List.of(new EmailVerified(new AccountId(UUID.randomUUID()), Instant.now()))));
            if (batch.size() == 100) {
                log.append(batch, EventMetadata.of(Actor.system(), Origin.system(), Instant.now()));
                batch.clear();
            }
        }
        if (!batch.isEmpty()) log.append(batch, EventMetadata.of(Actor.system(), Origin.system(), Instant.now()));
    }

    private interface Condition {
        boolean holds();
    }

    private static void waitFor(Condition condition) throws InterruptedException {
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("gave up after 10 minutes");
            Thread.sleep(5);
        }
    }
}

package dev.scrollback.application.webhooks;

import dev.scrollback.application.feed.EventFeed;
import dev.scrollback.application.feed.FeedFilter;
import dev.scrollback.application.feed.FeedItem;
import dev.scrollback.application.shared.Actor;
import dev.scrollback.application.shared.Decision;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.EventMetadata;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.StreamId;
import dev.scrollback.domain.webhooks.WebhookCommand;
import dev.scrollback.domain.webhooks.WebhookDecider;
import dev.scrollback.domain.webhooks.WebhookEvent;
import dev.scrollback.domain.webhooks.WebhookId;
import dev.scrollback.domain.webhooks.WebhookState.Status;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * Delivers the log to the subscriptions (issue 7 item 6), at least once and in position order: for each subscription
 * it reads the feed after the cursor, skips what the filter does not pass, and POSTs the next event; the cursor moves
 * only once the receiver answers 2xx. A failure stops the subscription's turn — later events wait, so the cursor
 * always means "everything up to here arrived" — and the same event is tried again after a back-off (see
 * {@link WebhookPolicy}), with the same {@code webhook-id}, until the retry window ends and the subscription is
 * disabled ({@code WebhookDisabled}). A resume continues from the cursor. A subscription is delivered by one instance
 * at a time (a lease in the store), so two instances never send one event twice at once or out of order.
 */
public final class WebhookDispatcher {
    /** Standard Webhooks headers; {@code webhook-position} is ours: the event's global position (also in the body). */
    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";
    public static final String POSITION = "webhook-position";
    private static final int PAGE = 200;

    private final WebhookStore store;
    private final EventFeed feed;
    private final WebhookTransport transport;
    private final WebhookSigning signing;
    private final WebhookPayloads payloads;
    private final EventLog log;
    private final Clock clock;
    private final WebhookPolicy policy;
    private final RandomGenerator random;
    private final String instance;
    private final AtomicLong turns = new AtomicLong();

    public WebhookDispatcher(WebhookStore store, EventFeed feed, WebhookTransport transport, WebhookSigning signing,
                             WebhookPayloads payloads, EventLog log, Clock clock, WebhookPolicy policy,
                             RandomGenerator random, String instance) {
        this.store = store;
        this.feed = feed;
        this.transport = transport;
        this.signing = signing;
        this.payloads = payloads;
        this.log = log;
        this.clock = clock;
        this.policy = policy;
        this.random = random;
        this.instance = instance;
    }

    public WebhookPolicy policy() {
        return policy;
    }

    /** The subscriptions to try now: active, and not waiting for a retry. */
    public List<WebhookId> due() {
        var now = clock.instant();
        return store.all().stream().filter(s -> s.dueAt(now)).map(Subscription::id).toList();
    }

    /** One turn for every due subscription, one after another; returns the messages acknowledged. */
    public int runOnce() {
        int acknowledged = 0;
        for (var id : due()) acknowledged += deliver(id);
        return acknowledged;
    }

    /**
     * One turn for {@code id}: sends its events in order until one fails, the log is exhausted, or {@link
     * WebhookPolicy#burst()} were acknowledged. Does nothing when another instance holds the subscription. Returns the
     * messages acknowledged.
     */
    public int deliver(WebhookId id) {
        var holder = instance + "/" + turns.incrementAndGet();     // one turn at a time, even within this instance
        if (!store.lease(id, holder, clock.instant().plus(policy.lease()), clock.instant())) return 0;
        try {
            return turn(id, holder);
        } finally {
            store.release(id, holder);
        }
    }

    private int turn(WebhookId id, String holder) {
        int acknowledged = 0;
        var leased = clock.instant();
        var secrets = store.secrets(id);                  // once per turn: a rotation is used from the next turn on
        while (acknowledged < policy.burst()) {
            var found = store.find(id);                   // read before each message: a sysop may pause or delete meanwhile
            if (found.isEmpty() || !found.get().dueAt(clock.instant())) return acknowledged;
            var page = feed.after(found.get().cursor(), PAGE);
            if (page.isEmpty()) return acknowledged;
            var filter = new FeedFilter(found.get().filter().eventTypes(), found.get().filter().categories());
            boolean first = true;
            for (var item : page) {
                if (!filter.matches(item)) continue;
                if (!first) {
                    found = store.find(id);
                    if (found.isEmpty() || !found.get().dueAt(clock.instant())) return acknowledged;
                }
                first = false;
                if (!send(found.get(), secrets, item, clock.instant())) return acknowledged;
                acknowledged++;
                if (Duration.between(leased, clock.instant()).compareTo(policy.lease().dividedBy(2)) >= 0) {
                    leased = clock.instant();
                    if (!store.lease(id, holder, leased.plus(policy.lease()), leased)) return acknowledged;
                }
                if (acknowledged >= policy.burst()) return acknowledged;
            }
            // everything the filter let through on this page arrived: the cursor passes over the rest of it
            store.acknowledged(id, page.getLast().position());
        }
        return acknowledged;
    }

    /** Sends one event; true when acknowledged. */
    private boolean send(Subscription subscription, Optional<WebhookStore.SigningSecrets> secrets, FeedItem item, Instant now) {
        var id = subscription.id();
        var failing = subscription.failing().filter(f -> f.position() == item.position());
        int attempt = failing.map(f -> f.attempts() + 1).orElse(1);
        var body = payloads.json(item);
        var response = post(subscription, secrets, item.id(), Optional.of(item.position()), body, now);
        var logged = attempt(id, now, item.position(), item.id(), attempt, response, false);
        store.record(logged, policy.keepAttempts());
        if (logged.acknowledged()) {
            store.acknowledged(id, item.position());
            return true;
        }
        var error = logged.error().orElseGet(() -> "HTTP " + logged.status().orElse(0));
        var since = failing.map(Subscription.Failing::since).orElse(now);
        var giveUpAt = since.plus(policy.retryFor());
        if (!now.isBefore(giveUpAt)) {
            disable(subscription, item.position(), since, error, now);
            return false;
        }
        var retry = now.plus(policy.jittered(attempt, random));
        if (retry.isAfter(giveUpAt)) retry = giveUpAt;    // the last try falls at the end of the window exactly
        store.failing(id, new Subscription.Failing(item.position(), since, attempt, retry, error));
        return false;
    }

    /** Sends a test message now (no retry, cursor untouched) and logs it; for a sysop checking a receiver. */
    DeliveryAttempt test(Subscription subscription, UUID message, byte[] body) {
        var now = clock.instant();
        var response = post(subscription, store.secrets(subscription.id()), message, Optional.empty(), body, now);
        var logged = attempt(subscription.id(), now, 0, message, 1, response, true);
        store.record(logged, policy.keepAttempts());
        return logged;
    }

    private WebhookTransport.Response post(Subscription subscription, Optional<WebhookStore.SigningSecrets> secrets,
                                           UUID message, Optional<Long> position, byte[] body, Instant now) {
        if (secrets.isEmpty()) return new WebhookTransport.Response.Failed("the subscription has no secret", Duration.ZERO);
        long timestamp = now.getEpochSecond();
        var signatures = new ArrayList<String>();
        for (var secret : secrets.get().signingAt(now)) signatures.add(signing.sign(secret, message.toString(), timestamp, body));
        var headers = new ArrayList<WebhookTransport.Header>();
        headers.add(new WebhookTransport.Header(ID, message.toString()));
        headers.add(new WebhookTransport.Header(TIMESTAMP, Long.toString(timestamp)));
        headers.add(new WebhookTransport.Header(SIGNATURE, String.join(" ", signatures)));
        position.ifPresent(p -> headers.add(new WebhookTransport.Header(POSITION, Long.toString(p))));
        headers.add(new WebhookTransport.Header("content-type", "application/json"));
        return transport.post(subscription.url(), headers, body);
    }

    private static DeliveryAttempt attempt(WebhookId id, Instant at, long position, UUID message, int attempt,
                                           WebhookTransport.Response response, boolean test) {
        return switch (response) {
            case WebhookTransport.Response.Answered a -> new DeliveryAttempt(id, at, position, message, attempt,
                    Optional.of(a.status()), Optional.empty(), a.latency(), test);
            case WebhookTransport.Response.Failed f -> new DeliveryAttempt(id, at, position, message, attempt,
                    Optional.empty(), Optional.of(f.why()), f.latency(), test);
        };
    }

    private void disable(Subscription subscription, long stuckAt, Instant since, String error, Instant now) {
        var stream = stream(subscription.id());
        var decision = Decision.make(log, stream, new WebhookDecider(subscription.id()), WebhookEvent.class,
                new WebhookCommand.Disable(subscription.cursor(), stuckAt, since, error, now));
        if (decision.isEmpty()) return;               // a sysop paused or deleted it meanwhile
        log.append(decision.toAppend(), EventMetadata.of(Actor.system(), Origin.system(), now));
        store.status(subscription.id(), Status.DISABLED);
    }

    static StreamId stream(WebhookId id) {
        return StreamId.of("webhook", id);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

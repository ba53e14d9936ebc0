package dev.scrollback.adapters.sandbox.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrollback.adapters.sandbox.call.HostCalls;
import dev.scrollback.adapters.sandbox.http.Exchange;
import dev.scrollback.adapters.sandbox.http.OutboundHttp;
import dev.scrollback.adapters.sandbox.http.OutboundRequest;
import dev.scrollback.adapters.sandbox.http.OutboundResponse;
import dev.scrollback.adapters.sandbox.http.RequestReader;
import dev.scrollback.application.hooks.PostOutcome;
import dev.scrollback.application.hooks.PublicUser;
import dev.scrollback.application.plugins.PluginHost;
import dev.scrollback.domain.plugins.Permission;
import dev.scrollback.domain.plugins.PluginManifest;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.InvalidValue;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The BBS's host functions on the wire, for one plugin: {@code post_message} takes {@code {"room": …, "text": …}} (a
 * chat line) or {@code {"thread": "<id>", "text": …}} (a reply in a board thread) and answers
 * {@code {"posted": true, "room": "<id>"}}, {@code {"posted": true, "thread": "<id>", "message": "<id>"}} or
 * {@code {"error": "…"}}; {@code read_user} takes a handle and
 * answers {@code {"handle", "roles", "member_since"}} (nothing when there is no such user). A function the manifest does
 * not grant is {@link HostCalls.Forbidden}.
 *
 * <p>The work is handed to the host's own threads and waited for: the watchdog stops a plugin call by interrupting its
 * thread, and an interrupt must never land inside the event log's writes. An interrupted wait ends the plugin's call
 * while the post finishes on its own (it is recorded, or refused, whole).
 *
 * <p>{@code http_request} (decision 0019) is read by {@link RequestReader} (its body held to {@code max_input_bytes}),
 * allowed to the manifest's {@code http} hosts only, and made by {@link OutboundHttp} on its own threads, with the
 * same waiting; the response's headers go to the plugin as Extism's JSON object, a name's several values joined with
 * {@code ", "}.
 */
final class HostWire implements HostCalls {
    /** The most the host waits for the BBS: a post is one append; past this, something is wrong, and the call ends. */
    static final long MAX_WAIT_MILLIS = 2_000;
    private static final System.Logger LOG = System.getLogger(HostWire.class.getName());
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(4).maxStringLength(HostCalls.MAX_REQUEST_BYTES).maxNumberLength(32).build());
    }

    private final PluginManifest manifest;
    private final PluginHost host;
    private final ExecutorService workers;
    private final Optional<OutboundHttp> http;

    HostWire(PluginManifest manifest, PluginHost host, ExecutorService workers) {
        this(manifest, host, workers, Optional.empty());
    }

    /** With {@code http} making the plugin's requests (none: {@code http_request} is refused). */
    HostWire(PluginManifest manifest, PluginHost host, ExecutorService workers, Optional<OutboundHttp> http) {
        this.manifest = manifest;
        this.host = host;
        this.workers = workers;
        this.http = http;
    }

    @Override
    public String postMessage(String request) {
        require(Permission.Kind.POST_MESSAGE, "post_message");
        JsonNode node;
        try {
            node = JSON.readTree(request);
        } catch (JsonProcessingException unreadable) {
            return error("the request is not JSON; send {\"room\": \"…\", \"text\": \"…\"}");
        }
        if (node == null || !node.isObject() || !node.path("text").isTextual()
                || node.path("room").isTextual() == node.path("thread").isTextual()) {
            return error("the request must be a JSON object with the strings text and either room or thread");
        }
        var text = node.get("text").asText();
        Supplier<PostOutcome> post;
        if (node.path("thread").isTextual()) {
            UUID thread;
            try {
                thread = UUID.fromString(node.get("thread").asText());
            } catch (IllegalArgumentException notAnId) {
                return error("no such thread");
            }
            post = () -> host.replyInThread(thread, text);
        } else {
            var room = node.get("room").asText();
            post = () -> host.postMessage(room, text);
        }
        return handedOver(post).map(outcome -> switch (outcome) {
            case PostOutcome.Posted posted -> JSON.createObjectNode().put("posted", true).put("room", posted.room().toString())
                    .toString();
            case PostOutcome.Replied replied -> JSON.createObjectNode().put("posted", true)
                    .put("thread", replied.thread().toString()).put("message", replied.message().toString()).toString();
            case PostOutcome.Refused refused -> error(refused.why());
        }).orElseGet(() -> error("the BBS could not take the post now; nothing was said"));
    }

    @Override
    public Optional<String> readUser(String handle) {
        require(Permission.Kind.READ_USER, "read_user");
        Handle parsed;
        try {
            parsed = new Handle(handle.strip());
        } catch (InvalidValue notAHandle) {
            return Optional.empty();
        }
        return handedOver(() -> host.readUser(parsed)).flatMap(found -> found.map(HostWire::user));
    }

    @Override
    public HttpReply httpRequest(String request, byte[] body) {
        require(Permission.Kind.HTTP, "http_request");
        var allowed = manifest.http().orElseThrow();
        var client = http.orElseThrow(() -> new Forbidden("http_request: this BBS makes no outbound requests for plugins"));
        return switch (RequestReader.read(request, body, manifest.limits().maxInputBytes())) {
            case RequestReader.Read.Refused refused -> throw refusal(refused.refusal(), refused.why());
            case RequestReader.Read.Accepted accepted -> exchanged(client, accepted.request(), allowed);
        };
    }

    private HttpReply exchanged(OutboundHttp client, OutboundRequest request, Permission.OutboundHttp allowed) {
        Exchange outcome;
        try {
            outcome = client.exchange(request, allowed, manifest.name().value() + "/" + manifest.version()
                    + " (Scrollback BBS plugin)");
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();   // the engine sees it too, and ends the call at its deadline
            throw new Interrupted("stopped while waiting for " + request.where());
        }
        return switch (outcome) {
            case Exchange.Answered answered -> new HttpReply(answered.response().status(), headers(answered.response()),
                    answered.response().body());
            case Exchange.Refused refused -> throw refusal(refused.refusal(), refused.why());
        };
    }

    private static RuntimeException refusal(Exchange.Refusal refusal, String why) {
        var message = "http_request: " + why;
        return switch (refusal) {
            case NOT_ALLOWED -> new Forbidden(message);
            case MALFORMED, FAILED -> new Unanswered(message);
            case BUSY -> new Busy(message);
        };
    }

    /** Extism's form: one JSON object, each name (lower case) once, with its values joined by {@code ", "}. */
    private static String headers(OutboundResponse response) {
        var joined = new LinkedHashMap<String, String>();
        response.headers().forEach(h -> joined.merge(h.name(), h.value(), (a, b) -> a + ", " + b));
        var node = JSON.createObjectNode();
        joined.forEach(node::put);
        return node.toString();
    }

    private static String user(PublicUser user) {
        ObjectNode node = JSON.createObjectNode().put("handle", user.handle().value());
        var roles = node.putArray("roles");
        user.roles().forEach(roles::add);
        return node.put("member_since", user.memberSince().toString()).toString();
    }

    private void require(Permission.Kind kind, String function) {
        if (!manifest.grants(kind)) {
            throw new Forbidden(function + " needs the " + kind.wireName() + " permission; the manifest does not grant it");
        }
    }

    /** What the BBS answered; empty when it could not answer (too busy, or it failed: never the plugin's fault). */
    private <T> Optional<T> handedOver(Supplier<T> work) {
        try {
            return Optional.of(workers.submit(work::get).get(MAX_WAIT_MILLIS, TimeUnit.MILLISECONDS));
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();   // the engine sees it too, and ends the call at its deadline
            throw new Interrupted("stopped while the BBS was answering");
        } catch (TimeoutException slow) {
            throw new Interrupted("the BBS did not answer within " + MAX_WAIT_MILLIS + " ms");
        } catch (ExecutionException failed) {
            LOG.log(System.Logger.Level.WARNING, "a host call of plugin " + manifest.name() + " failed", failed.getCause());
            return Optional.empty();
        } catch (RejectedExecutionException busy) {
            return Optional.empty();
        }
    }

    private static String error(String why) {
        return JSON.createObjectNode().put("error", why).toString();
    }
}

package dev.scrollback.application.webhooks;

import dev.scrollback.domain.webhooks.WebhookUrl;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Out-port: POSTs a message to a receiver, within bounds (connect and read time-outs, a small response read and
 * thrown away, no redirects followed), and only to addresses the sysop allows (public ones, unless private ones are
 * allowed). Blocks while it waits.
 */
public interface WebhookTransport {
    /** Why {@code url} may not be a target (its host does not resolve, or resolves to an address not allowed). */
    Optional<String> refusal(WebhookUrl url);

    Response post(WebhookUrl url, List<Header> headers, byte[] body);

    record Header(String name, String value) {}

    /** How a POST ended, and how long it took. */
    sealed interface Response {
        Duration latency();

        /** The receiver answered (whatever the status: a 3xx is an answer, not followed). */
        record Answered(int status, Duration latency) implements Response {}

        /** No answer: refused before sending, unreachable, timed out, or not HTTP. */
        record Failed(String why, Duration latency) implements Response {}
    }
}

package dev.scrollback.adapters.sandbox.call;

import java.util.Optional;

/**
 * The BBS's host functions beyond each engine's own ({@code post_message}, {@code read_user}), for one plugin, in the
 * form both engines pass through unread: a request as text in, an answer as text out. The engines bound what they
 * read from the guest and hand over; the wire format and the permission check are the host's. Outbound HTTP
 * ({@code http_request}, part of Extism's own ABI) is served through here too, so that the host's rules for it are
 * kept in one place.
 */
public interface HostCalls {
    /** Longest request the engines read from a guest for one host call (a chat line is far shorter). */
    int MAX_REQUEST_BYTES = 8 * 1024;

    /** {@code post_message}: a JSON request in, a JSON answer out. */
    String postMessage(String request);

    /** {@code read_user}: a handle in; the user's public facts as JSON, empty when there is no such user. */
    Optional<String> readUser(String handle);

    /** Longest request (its JSON) the engines read for {@code http_request}. */
    int MAX_HTTP_REQUEST_BYTES = 16 * 1024;
    /** Longest body the engines read for {@code http_request}: the ceiling of any plugin's {@code max_input_bytes}. */
    int MAX_HTTP_BODY_BYTES = 1024 * 1024;
    /** Requests one call may make; the next faults. */
    int MAX_HTTP_REQUESTS_PER_CALL = 8;

    /**
     * {@code http_request}: Extism's request JSON ({@code {"url", "method", "headers"}}) and the body (empty for none)
     * in; the response out. A host the manifest does not allow, or an address plugins may not reach, is
     * {@link Forbidden}; a request that does not read or gets no answer is {@link Unanswered}; no capacity is
     * {@link Busy}; an interrupt while waiting is {@link Interrupted}. Not offered unless a host says otherwise.
     */
    default HttpReply httpRequest(String request, byte[] body) {
        throw new Forbidden("http_request is not offered to this plugin");
    }

    /** A response: its status, its headers as Extism's JSON object (lower-case names to values), its body. */
    record HttpReply(int status, String headers, byte[] body) {}

    /** The request does not read, or got no usable answer: the call ends as a TRAP fault with this message. */
    final class Unanswered extends RuntimeException {
        public Unanswered(String message) {
            super(message, null, false, false);
        }
    }

    /** The host cannot take the request now (not the plugin's fault): the call is not run. */
    final class Busy extends RuntimeException {
        public Busy(String message) {
            super(message, null, false, false);
        }
    }

    /** The plugin was not granted the function it called: the call ends as a PERMISSION fault. */
    final class Forbidden extends RuntimeException {
        public Forbidden(String message) {
            super(message, null, false, false);
        }
    }

    /** Thrown when the calling thread was interrupted (the watchdog, at the call's deadline) while the host worked. */
    final class Interrupted extends RuntimeException {
        public Interrupted(String message) {
            super(message, null, false, false);
        }
    }

    /** Nothing offered: every function is forbidden. */
    static HostCalls none() {
        return new HostCalls() {
            @Override
            public String postMessage(String request) {
                throw new Forbidden("post_message is not offered to this plugin");
            }

            @Override
            public Optional<String> readUser(String handle) {
                throw new Forbidden("read_user is not offered to this plugin");
            }
        };
    }
}

package dev.scrollback.adapters.sandbox.call;

import java.util.Optional;

/**
 * The BBS's host functions beyond each engine's own ({@code post_message}, {@code read_user}), for one plugin, in the
 * form both engines pass through unread: a request as text in, an answer as text out. The engines bound what they
 * read from the guest and hand over; the wire format and the permission check are the host's.
 */
public interface HostCalls {
    /** Longest request the engines read from a guest for one host call (a chat line is far shorter). */
    int MAX_REQUEST_BYTES = 8 * 1024;

    /** {@code post_message}: a JSON request in, a JSON answer out. */
    String postMessage(String request);

    /** {@code read_user}: a handle in; the user's public facts as JSON, empty when there is no such user. */
    Optional<String> readUser(String handle);

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

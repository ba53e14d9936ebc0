package dev.scrollback.adapters.sandbox.http;

/** How one request of a plugin ended: answered by the remote (whatever its status), or refused with the reason. */
public sealed interface Exchange {
    record Answered(OutboundResponse response) implements Exchange {}

    record Refused(Refusal refusal, String why) implements Exchange {}

    /** Why a request got no answer. */
    enum Refusal {
        /** The request does not read: not JSON, a bad URL, method, header or body. The plugin's mistake. */
        MALFORMED,
        /** The host is not one the manifest names, or it resolves to an address plugins may not reach. */
        NOT_ALLOWED,
        /** The remote could not be reached or did not answer within bounds (too large, too slow, not HTTP/1.1). */
        FAILED,
        /** The BBS has as many requests in flight as it allows; nothing was sent. Not the plugin's fault. */
        BUSY
    }
}

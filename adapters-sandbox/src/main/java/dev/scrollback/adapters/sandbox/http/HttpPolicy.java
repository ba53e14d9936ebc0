package dev.scrollback.adapters.sandbox.http;

import java.time.Duration;
import java.util.Objects;

/**
 * The sysop's rules for plugins' outbound HTTP, the same for every plugin (which hosts each one may reach is its
 * manifest's).
 *
 * @param allowPrivateAddresses whether a request may go to a loopback, private, link-local or otherwise non-public
 *                              address; off in production (a plugin could otherwise reach the BBS's own network)
 * @param maxResponseBytes      the largest response body handed to a plugin; a longer one fails the request
 * @param maxResponseHeaderBytes the most bytes of status line and headers read
 * @param maxConcurrent         requests in flight at once over all plugins; past it a call is not run (busy)
 * @param maxTime               the longest one exchange may take, whatever the call's deadline (a backstop: the
 *                              call's deadline, at most 2 s, ends the wait first)
 */
public record HttpPolicy(boolean allowPrivateAddresses, int maxResponseBytes, int maxResponseHeaderBytes, int maxConcurrent,
                         Duration maxTime) {
    /** 1 MiB: the ceiling of {@code max_input_bytes} and {@code max_output_bytes}, and a quarter of the kernel memory. */
    public static final int MAX_RESPONSE_BYTES = 1 << 20;

    public HttpPolicy {
        if (maxResponseBytes <= 0) throw new IllegalArgumentException("maxResponseBytes must be > 0");
        if (maxResponseHeaderBytes <= 0) throw new IllegalArgumentException("maxResponseHeaderBytes must be > 0");
        if (maxConcurrent <= 0) throw new IllegalArgumentException("maxConcurrent must be > 0");
        Objects.requireNonNull(maxTime, "maxTime");
        if (maxTime.isNegative() || maxTime.isZero()) throw new IllegalArgumentException("maxTime must be > 0");
    }

    /** Public addresses only, 1 MiB of body, 64 KiB of headers, 16 requests at once, 5 s at most. */
    public static HttpPolicy strict() {
        return new HttpPolicy(false, MAX_RESPONSE_BYTES, 64 << 10, 16, Duration.ofSeconds(5));
    }

    public HttpPolicy allowingPrivateAddresses(boolean allow) {
        return new HttpPolicy(allow, maxResponseBytes, maxResponseHeaderBytes, maxConcurrent, maxTime);
    }

    public HttpPolicy withMaxResponseBytes(int bytes) {
        return new HttpPolicy(allowPrivateAddresses, bytes, maxResponseHeaderBytes, maxConcurrent, maxTime);
    }

    public HttpPolicy withMaxConcurrent(int requests) {
        return new HttpPolicy(allowPrivateAddresses, maxResponseBytes, maxResponseHeaderBytes, requests, maxTime);
    }
}

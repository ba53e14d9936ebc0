package dev.scrollback.adapters.sandbox.http;

import java.util.List;

/**
 * What came back: the status, the headers in the order received (names in lower case), and the whole body.
 */
public record OutboundResponse(int status, List<HttpHeader> headers, byte[] body) {
    public OutboundResponse {
        headers = List.copyOf(headers);
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}

package dev.scrollback.adapters.telnet.shared;

import java.io.IOException;

/**
 * The peer broke the telnet protocol or its limits (an over-long subnegotiation). It ends that one session, with
 * reason {@code protocol_error}. An {@link IOException}, so it travels up through an input stream's {@code read}.
 */
public final class ProtocolViolation extends IOException {
    public ProtocolViolation(String message) {
        super(message);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;                                     // expected, caller-caused: no stack trace to pay for
    }
}

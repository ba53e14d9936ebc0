package dev.scrollback.adapters.web.terminal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.scrollback.adapters.web.shared.Json;
import dev.scrollback.domain.sessions.Terminal;
import java.nio.ByteBuffer;
import java.util.Set;

/**
 * The web terminal's wire protocol, browser to server. A binary frame is what the caller typed: 1 to
 * {@link #MAX_INPUT_BYTES} bytes of UTF-8, handed to the session engine as they are. A text frame is a control message,
 * and the only one is {@code {"type":"resize","cols":C,"rows":R}} with whole numbers from 1 to
 * {@link Terminal#MAX_SIDE}. Anything else is {@link Rejected}, and the socket is closed. Server to browser is binary
 * frames only: the engine's output bytes.
 */
final class TerminalFrames {
    /** One keystroke is a few bytes; a paste is split by the page into frames of at most this. */
    static final int MAX_INPUT_BYTES = 4096;
    /** The longest valid control message is about 50 characters; room for spacing, not for payloads. */
    static final int MAX_CONTROL_CHARS = 256;
    private static final Set<String> RESIZE_FIELDS = Set.of("type", "cols", "rows");

    private TerminalFrames() {}

    sealed interface Frame {}

    /** Bytes the caller typed. */
    record Input(byte[] bytes) implements Frame {}

    /** The browser's terminal now has {@code columns} x {@code rows} cells. */
    record Resize(int columns, int rows) implements Frame {}

    /** Not part of the protocol; {@code reason} is short and safe to send back as the close reason. */
    record Rejected(String reason) implements Frame {}

    static Frame binary(ByteBuffer data) {
        int length = data.remaining();
        if (length == 0) return new Rejected("empty input frame");
        if (length > MAX_INPUT_BYTES) return new Rejected("input frame too large");
        var bytes = new byte[length];
        data.duplicate().get(bytes);
        return new Input(bytes);
    }

    static Frame text(String message) {
        if (message.length() > MAX_CONTROL_CHARS) return new Rejected("control message too large");
        JsonNode node;
        try {
            node = Json.mapper().readTree(message);
        } catch (JacksonException e) {
            return new Rejected("control message is not JSON");
        }
        if (node == null || !node.isObject()) return new Rejected("control message is not a JSON object");
        var type = node.get("type");
        if (type == null || !type.isTextual() || !type.asText().equals("resize")) {
            return new Rejected("unknown control message");
        }
        var names = new java.util.HashSet<String>();
        node.fieldNames().forEachRemaining(names::add);
        if (!names.equals(RESIZE_FIELDS)) return new Rejected("resize takes type, cols and rows only");
        var columns = node.get("cols");
        var rows = node.get("rows");
        if (!side(columns) || !side(rows)) {
            return new Rejected("cols and rows must be whole numbers from 1 to " + Terminal.MAX_SIDE);
        }
        return new Resize(columns.intValue(), rows.intValue());
    }

    private static boolean side(JsonNode value) {
        return value.isInt() && value.intValue() >= 1 && value.intValue() <= Terminal.MAX_SIDE;
    }
}

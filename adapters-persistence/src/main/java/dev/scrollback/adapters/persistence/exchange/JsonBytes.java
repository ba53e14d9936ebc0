package dev.scrollback.adapters.persistence.exchange;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Stored JSON carried into a line as it is. A stored payload goes into an export line verbatim when it can be: strict
 * UTF-8, exactly one JSON object, no raw line break (which would split the line). On import its bytes are cut back out
 * of the line by offset, so what is imported is byte for byte what was stored; anything else travels in base64.
 */
final class JsonBytes {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private JsonBytes() {}

    /** The stored bytes as text to embed as a raw JSON value, or null when they must travel in base64. */
    static String embeddable(byte[] stored) {
        if (stored == null) return null;
        for (byte b : stored) if (b == '\n' || b == '\r') return null;
        String text = utf8(stored);
        if (text == null) return null;
        try (var parser = JSON.createParser(stored)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) return null;
            parser.skipChildren();
            if (parser.nextToken() != null) return null;
        } catch (IOException e) {
            return null;
        }
        return text;
    }

    /** The text of strict UTF-8 bytes, or null when they are not. */
    static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * The bytes of the JSON object the parser stands at the start of, cut from {@code line} as they are there; the
     * parser is left on its end.
     */
    static byte[] rawObject(JsonParser parser, byte[] line, String field) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) throw new LineProblem(field + " must be a JSON object");
        long start = parser.currentTokenLocation().getByteOffset();
        parser.skipChildren();
        long end = parser.currentLocation().getByteOffset();
        if (start < 0 || end > line.length || end <= start) throw new LineProblem("cannot locate " + field + " in the line");
        return Arrays.copyOfRange(line, (int) start, (int) end);
    }

    /** A problem with one line, named by the caller with the line number. */
    static final class LineProblem extends RuntimeException {
        LineProblem(String message) {
            super(message);
        }
    }
}

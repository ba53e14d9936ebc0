package dev.scrollback.adapters.persistence.exchange;

import dev.scrollback.application.exchange.ExportFormat;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.scrollback.adapters.persistence.exchange.JsonBytes.LineProblem;
import dev.scrollback.adapters.persistence.shared.StoredRecord;
import java.io.IOException;
import java.util.Base64;

/** One export format's line: how a stored row is written as one JSON object, and read back byte-faithfully. */
sealed interface LineFormat permits NdjsonLine, CloudEventLine {
    void write(JsonGenerator out, StoredRecord record) throws IOException;

    /** The row a line holds; {@code p} parses {@code line}, and stands before its first token. */
    StoredRecord read(JsonParser p, byte[] line) throws IOException;

    static LineFormat of(ExportFormat format) {
        return switch (format) {
            case NDJSON -> new NdjsonLine();
            case CLOUDEVENTS -> new CloudEventLine();
        };
    }

    /** The stored schema version as a number; the server writes only plain decimals, so anything else is corruption. */
    static int schemaVersion(StoredRecord record) {
        try {
            int version = Integer.parseInt(String.valueOf(record.revision()));
            if (Integer.toString(version).equals(record.revision())) return version;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalStateException("the event at position " + record.position() + " has schema version '"
                + record.revision() + "', not a number: the store is damaged there");
    }

    static String text(JsonParser p, String field) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) throw new LineProblem(field + " must be a string");
        return p.getText();
    }

    static long whole(JsonParser p, String field) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw new LineProblem(field + " must be a whole number");
        }
        return p.getLongValue();
    }

    static int int32(JsonParser p, String field) throws IOException {
        long value = whole(p, field);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) throw new LineProblem(field + " is out of range");
        return (int) value;
    }

    static byte[] base64(JsonParser p, String field) throws IOException {
        try {
            return Base64.getDecoder().decode(text(p, field));
        } catch (IllegalArgumentException e) {
            throw new LineProblem(field + " is not base64");
        }
    }

    static void require(Object value, String field) {
        if (value == null) throw new LineProblem(field + " is missing");
    }

    /** After the line's object: nothing but the end. */
    static void end(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.END_OBJECT) throw new LineProblem("not a JSON object");
        if (p.nextToken() != null) throw new LineProblem("content after the JSON object");
    }
}

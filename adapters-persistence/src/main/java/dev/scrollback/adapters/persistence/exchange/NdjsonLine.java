package dev.scrollback.adapters.persistence.exchange;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.scrollback.adapters.persistence.exchange.JsonBytes.LineProblem;
import dev.scrollback.adapters.persistence.shared.StoredRecord;
import java.io.IOException;
import java.util.Base64;

/**
 * Our own line (decision 0023): every stored column of one row, in this order and under these names:
 * <pre>{"position":1,"id":"…","stream":"account-…","version":0,"category":"account","type":"AccountRegistered",
 * "schemaVersion":1,"time":"2025-03-01T20:00:00.123456789Z","metadata":{…},"payload":{…}}</pre>
 * {@code metadata} and {@code payload} are the stored JSON verbatim; stored bytes that cannot be embedded as they are
 * travel as {@code metadataBase64} / {@code payloadBase64} instead. {@code category} and {@code metadata} may be null.
 */
final class NdjsonLine implements LineFormat {
    @Override
    public void write(JsonGenerator out, StoredRecord record) throws IOException {
        out.writeStartObject();
        out.writeNumberField("position", record.position());
        out.writeStringField("id", record.eventId());
        out.writeStringField("stream", record.stream());
        out.writeNumberField("version", record.version());
        out.writeStringField("category", record.category());
        out.writeStringField("type", record.type());
        out.writeNumberField("schemaVersion", LineFormat.schemaVersion(record));
        out.writeStringField("time", record.timestamp());
        embed(out, "metadata", record.metadata());
        embed(out, "payload", record.payload());
        out.writeEndObject();
    }

    private static void embed(JsonGenerator out, String field, byte[] stored) throws IOException {
        if (stored == null) {
            out.writeNullField(field);
            return;
        }
        var text = JsonBytes.embeddable(stored);
        if (text != null) {
            out.writeFieldName(field);
            out.writeRawValue(text);
        } else {
            out.writeStringField(field + "Base64", Base64.getEncoder().encodeToString(stored));
        }
    }

    @Override
    public StoredRecord read(JsonParser p, byte[] line) throws IOException {
        Long position = null, version = null;
        Integer schemaVersion = null;
        String id = null, stream = null, category = null, type = null, time = null;
        byte[] metadata = null, payload = null;
        boolean sawCategory = false, sawMetadata = false;
        if (p.nextToken() != JsonToken.START_OBJECT) throw new LineProblem("not a JSON object");
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            var field = p.currentName();
            p.nextToken();
            switch (field) {
                case "position" -> position = LineFormat.whole(p, field);
                case "id" -> id = LineFormat.text(p, field);
                case "stream" -> stream = LineFormat.text(p, field);
                case "version" -> version = LineFormat.whole(p, field);
                case "category" -> {
                    sawCategory = true;
                    category = p.currentToken() == JsonToken.VALUE_NULL ? null : LineFormat.text(p, field);
                }
                case "type" -> type = LineFormat.text(p, field);
                case "schemaVersion" -> schemaVersion = LineFormat.int32(p, field);
                case "time" -> time = LineFormat.text(p, field);
                case "metadata" -> {
                    sawMetadata = true;
                    metadata = p.currentToken() == JsonToken.VALUE_NULL ? null : JsonBytes.rawObject(p, line, field);
                }
                case "metadataBase64" -> {
                    sawMetadata = true;
                    metadata = LineFormat.base64(p, field);
                }
                case "payload" -> payload = JsonBytes.rawObject(p, line, field);
                case "payloadBase64" -> payload = LineFormat.base64(p, field);
                default -> throw new LineProblem("unknown field '" + field + "'");
            }
        }
        LineFormat.end(p);
        LineFormat.require(position, "position");
        LineFormat.require(id, "id");
        LineFormat.require(stream, "stream");
        LineFormat.require(version, "version");
        LineFormat.require(type, "type");
        LineFormat.require(schemaVersion, "schemaVersion");
        LineFormat.require(time, "time");
        LineFormat.require(payload, "payload");
        if (!sawCategory) throw new LineProblem("category is missing (null when the row has none)");
        if (!sawMetadata) throw new LineProblem("metadata is missing");
        return new StoredRecord(position, id, stream, version, category, type, Integer.toString(schemaVersion), time, payload,
                metadata);
    }
}

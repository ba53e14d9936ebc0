package dev.scrollback.adapters.persistence.exchange;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scrollback.adapters.persistence.exchange.JsonBytes.LineProblem;
import dev.scrollback.adapters.persistence.shared.StoredRecord;
import java.io.IOException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * A CloudEvents 1.0 event in the JSON event format (structured mode), one per line (decision 0023):
 * <ul>
 *   <li>{@code specversion} "1.0"; {@code id} the event id; {@code source} {@code /scrollback/<category>} (just
 *   {@code /scrollback} when the row has no category); {@code type} {@code dev.scrollback.<TypeName>} (reverse DNS,
 *   as the spec recommends; the bare name is our type name); {@code subject} the stream id; {@code time} the stored
 *   time; {@code datacontenttype} application/json; {@code data} the stored payload verbatim ({@code data_base64}
 *   when it cannot be embedded as it is).</li>
 *   <li>Extensions: {@code sequence} the global position as 19 zero-padded digits (the Sequence extension: a string
 *   that sorts lexicographically in log order); {@code streamversion} and {@code schemaversion} (Integers);
 *   {@code envelope} the stored metadata JSON as a string, verbatim (what an import reads); and, read from it for
 *   routing and filtering, {@code actorkind}, {@code actorid}, {@code actorhandle}, {@code originchannel},
 *   {@code originsession}, {@code correlationid}, {@code causationid} (absent when the envelope has none). The
 *   caller's address stays inside {@code envelope}: attributes are what brokers log.</li>
 * </ul>
 */
final class CloudEventLine implements LineFormat {
    static final String TYPE_PREFIX = "dev.scrollback.";
    static final String SOURCE = "/scrollback";
    private static final Pattern ATTRIBUTE = Pattern.compile("[a-z0-9]{1,20}");
    private static final Pattern SEQUENCE = Pattern.compile("[0-9]{19}");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public void write(JsonGenerator out, StoredRecord record) throws IOException {
        if (record.version() > Integer.MAX_VALUE) {
            throw new IllegalStateException("the event at position " + record.position() + " has stream version "
                    + record.version() + ", beyond a CloudEvents Integer; export it as ndjson");
        }
        out.writeStartObject();
        out.writeStringField("specversion", "1.0");
        out.writeStringField("id", record.eventId());
        out.writeStringField("source", record.category() == null ? SOURCE : SOURCE + "/" + record.category());
        out.writeStringField("type", TYPE_PREFIX + record.type());
        out.writeStringField("subject", record.stream());
        out.writeStringField("time", record.timestamp());
        out.writeStringField("datacontenttype", "application/json");
        out.writeStringField("sequence", sequence(record.position()));
        out.writeNumberField("streamversion", record.version());
        out.writeNumberField("schemaversion", LineFormat.schemaVersion(record));
        if (record.metadata() != null) {
            var envelope = JsonBytes.utf8(record.metadata());
            if (envelope == null) {
                throw new IllegalStateException("the event at position " + record.position()
                        + " has metadata that is not UTF-8 text: the store is damaged there; export it as ndjson");
            }
            out.writeStringField("envelope", envelope);
            conveniences(out, record.metadata());
        }
        var data = JsonBytes.embeddable(record.payload());
        if (data != null) {
            out.writeFieldName("data");
            out.writeRawValue(data);
        } else {
            out.writeStringField("data_base64", Base64.getEncoder().encodeToString(record.payload()));
        }
        out.writeEndObject();
    }

    static String sequence(long position) {
        return String.format("%019d", position);
    }

    /** The envelope's parts as flat attributes, where it reads; an unreadable envelope still travels whole. */
    private static void conveniences(JsonGenerator out, byte[] metadata) throws IOException {
        JsonNode envelope;
        try {
            envelope = MAPPER.readTree(metadata);
        } catch (IOException e) {
            return;
        }
        if (envelope == null || !envelope.isObject()) return;
        attribute(out, "actorkind", envelope.path("actor").path("kind"));
        attribute(out, "actorid", envelope.path("actor").path("id"));
        attribute(out, "actorhandle", envelope.path("actor").path("handle"));
        attribute(out, "originchannel", envelope.path("origin").path("channel"));
        attribute(out, "originsession", envelope.path("origin").path("sessionId"));
        attribute(out, "correlationid", envelope.path("correlationId"));
        attribute(out, "causationid", envelope.path("causationId"));
    }

    private static void attribute(JsonGenerator out, String name, JsonNode value) throws IOException {
        if (value.isTextual() && !value.asText().isEmpty()) out.writeStringField(name, value.asText());
    }

    @Override
    public StoredRecord read(JsonParser p, byte[] line) throws IOException {
        String specversion = null, id = null, source = null, type = null, subject = null, time = null, sequence = null;
        String envelope = null;
        Long streamversion = null;
        Integer schemaversion = null;
        byte[] data = null;
        if (p.nextToken() != JsonToken.START_OBJECT) throw new LineProblem("not a JSON object");
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            var field = p.currentName();
            p.nextToken();
            switch (field) {
                case "specversion" -> specversion = LineFormat.text(p, field);
                case "id" -> id = LineFormat.text(p, field);
                case "source" -> source = LineFormat.text(p, field);
                case "type" -> type = LineFormat.text(p, field);
                case "subject" -> subject = LineFormat.text(p, field);
                case "time" -> time = LineFormat.text(p, field);
                case "sequence" -> sequence = LineFormat.text(p, field);
                case "streamversion" -> streamversion = (long) LineFormat.int32(p, field);
                case "schemaversion" -> schemaversion = LineFormat.int32(p, field);
                case "envelope" -> envelope = LineFormat.text(p, field);
                case "datacontenttype" -> {
                    var contentType = LineFormat.text(p, field);
                    if (!contentType.equals("application/json")) throw new LineProblem("datacontenttype must be application/json");
                }
                case "data" -> data = JsonBytes.rawObject(p, line, field);
                case "data_base64" -> data = LineFormat.base64(p, field);
                default -> {
                    // derived conveniences and other extensions: an import reads the envelope itself
                    if (!ATTRIBUTE.matcher(field).matches()) throw new LineProblem("'" + field + "' is not a CloudEvents attribute name");
                    p.skipChildren();
                }
            }
        }
        LineFormat.end(p);
        LineFormat.require(specversion, "specversion");
        if (!specversion.equals("1.0")) throw new LineProblem("specversion must be 1.0, was '" + specversion + "'");
        LineFormat.require(id, "id");
        LineFormat.require(source, "source");
        LineFormat.require(type, "type");
        LineFormat.require(subject, "subject");
        LineFormat.require(time, "time");
        LineFormat.require(sequence, "sequence");
        LineFormat.require(streamversion, "streamversion");
        LineFormat.require(schemaversion, "schemaversion");
        LineFormat.require(data, "data");
        if (!type.startsWith(TYPE_PREFIX)) throw new LineProblem("type must start with " + TYPE_PREFIX + ", was '" + type + "'");
        if (!SEQUENCE.matcher(sequence).matches()) throw new LineProblem("sequence must be 19 digits");
        String category;
        if (source.equals(SOURCE)) category = null;
        else if (source.startsWith(SOURCE + "/") && source.length() > SOURCE.length() + 1) category = source.substring(SOURCE.length() + 1);
        else throw new LineProblem("source must be " + SOURCE + " or " + SOURCE + "/<category>, was '" + source + "'");
        return new StoredRecord(Long.parseLong(sequence), id, subject, streamversion, category, type.substring(TYPE_PREFIX.length()),
                Integer.toString(schemaversion), time, data,
                envelope == null ? null : envelope.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}

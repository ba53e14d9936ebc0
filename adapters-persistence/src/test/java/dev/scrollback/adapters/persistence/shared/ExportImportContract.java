package dev.scrollback.adapters.persistence.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scrollback.adapters.persistence.audit.CheckpointKey;
import dev.scrollback.adapters.persistence.audit.HashChain;
import dev.scrollback.adapters.persistence.audit.JdbcAuditChain;
import dev.scrollback.application.exchange.ExportFormat;
import dev.scrollback.adapters.persistence.exchange.LogExport;
import dev.scrollback.adapters.persistence.exchange.LogImport;
import dev.scrollback.application.audit.AuditVerification;
import dev.scrollback.application.shared.ExpectedVersion;
import dev.scrollback.application.shared.StreamAppend;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Export and import (issue 7 item 5, decision 0023), run against each backend: a log of every event type is exported
 * in both formats, imported into a fresh store, and must come back byte for byte (the export of the import equals the
 * original export; the hash chain over both is the same and verifies); hostile files are refused naming the line, and
 * leave the target empty.
 */
abstract class ExportImportContract {
    @TempDir
    Path keys;

    private final List<AutoCloseable> open = new ArrayList<>();

    /** A fresh, empty store's settings: {@code which} tells apart the source and the targets of one test. */
    protected abstract StoreSettings settings(String which) throws Exception;

    @AfterEach
    void closeAll() throws Exception {
        for (var closeable : open.reversed()) closeable.close();
    }

    private EventStore store(String which) throws Exception {
        var store = EventStore.open(settings(which));
        open.add(store);
        return store;
    }

    private JdbcAuditChain chain(String which, EventStore store) throws Exception {
        var chain = JdbcAuditChain.open(settings(which), store.storedRecords(), CheckpointKey.inDataDirectory(keys.resolve(which)),
                Clock.systemUTC());
        open.add(chain);
        return chain;
    }

    /** Every sample event type, on its streams, some under the system's envelope; then a second event on a stream. */
    private static void fill(EventStore store) {
        int i = 0;
        for (var event : SampleEvents.all()) {
            var metadata = i++ % 3 == 0 ? SampleEvents.systemMetadata() : SampleEvents.metadata();
            store.eventLog().append(new StreamAppend(SampleEvents.streamOf(event), ExpectedVersion.any(), List.of(event)), metadata);
        }
    }

    private static byte[] export(EventStore store, ExportFormat format) throws IOException {
        var out = new ByteArrayOutputStream();
        LogExport.write(store.storedRecords(), 0, format, out);
        return out.toByteArray();
    }

    private static byte[] keys(EventStore store) {
        var out = new ByteArrayOutputStream();
        store.exportDataKeys(out);
        return out.toByteArray();
    }

    @Test
    void the_data_keys_travel_in_a_file_of_their_own_and_a_bad_one_imports_nothing() throws Exception {
        var source = store("source");
        fill(source);
        var file = new String(keys(source), StandardCharsets.UTF_8);
        var lines = file.split("\n");
        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line).startsWith("{\"owner\":"));
        assertThat(file).contains("\"erasedAt\":null").contains("\"key\":null");   // the erased sample keeps no key

        var target = store("keys-target");
        assertThat(target.importDataKeys(new ByteArrayInputStream(keys(source)))).isEqualTo(lines.length);
        assertThat(keys(target)).isEqualTo(keys(source));
        assertThatThrownBy(() -> target.importDataKeys(new ByteArrayInputStream(keys(source))))
                .isInstanceOf(RecordImport.Refused.class).hasMessageContaining("not empty");

        var hostile = List.of(
                lines[0].replace("\"owner\":\"", "\"owner\":\"root:"),                  // not an owner's shape
                lines[0].replaceFirst("\"key\":\"[^\"]+\"", "\"key\":\"c2hvcnQ=\""),       // a key of 5 bytes
                lines[0].replace("\"createdAt\":", "\"extra\":1,\"createdAt\":"),          // a field nobody knows
                "{not json",
                "x".repeat(DataKeys.MAX_LINE + 1),
                lines[0] + "\n" + lines[0]);                                          // one owner twice
        int n = 0;
        for (var bad : hostile) {
            var fresh = store("keys-hostile-" + n++);
            var text = bad + "\n";
            assertThatThrownBy(() -> fresh.importDataKeys(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))))
                    .as(bad.length() > 80 ? bad.substring(0, 80) : bad)
                    .isInstanceOf(RecordImport.Refused.class).hasMessageContaining("key line");
            assertThat(keys(fresh)).isEmpty();
        }
        var cut = store("keys-cut");
        assertThatThrownBy(() -> cut.importDataKeys(new ByteArrayInputStream(lines[0].getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(RecordImport.Refused.class).hasMessageContaining("cut short");
    }

    private static byte[] chainHead(EventStore store) {
        var hash = HashChain.genesis();
        for (long after = 0; ; ) {
            var page = store.storedRecords().after(after, 1000);
            if (page.isEmpty()) return hash;
            for (var record : page) hash = HashChain.next(hash, record);
            after = page.getLast().position();
        }
    }

    @Test
    void both_formats_round_trip_byte_for_byte_and_the_import_verifies() throws Exception {
        var source = store("source");
        fill(source);
        var sourceChain = chain("source", source);
        long events = sourceChain.seal();
        assertThat(events).isEqualTo(SampleEvents.all().size());

        for (var format : ExportFormat.values()) {
            byte[] exported = export(source, format);
            var target = store("target-" + format.wireName());
            var imported = LogImport.read(new ByteArrayInputStream(exported), Optional.empty(), target);
            // the personal data keys travel apart from the events (decision 0021): until they come, nothing personal opens
            assertThatThrownBy(() -> target.eventLog().readAfter(0, 1000)).hasMessageContaining("no data key for");
            assertThat(target.importDataKeys(new ByteArrayInputStream(keys(source)))).isPositive();

            assertThat(imported.events()).isEqualTo(events);
            assertThat(imported.firstPosition()).isEqualTo(1);
            assertThat(imported.lastPosition()).isEqualTo(events);
            assertThat(export(target, format)).as(format + " export of the import").isEqualTo(exported);
            assertThat(export(target, ExportFormat.NDJSON)).isEqualTo(export(source, ExportFormat.NDJSON));
            assertThat(chainHead(target)).isEqualTo(chainHead(source));

            var targetChain = chain("target-" + format.wireName(), target);
            assertThat(targetChain.seal()).isEqualTo(events);
            assertThat(targetChain.verify()).isEqualTo(AuditVerification.passed(events, 1));

            // the imported log reads as the original, and takes appends after the imported positions
            assertThat(target.eventLog().readAfter(0, 1000)).isEqualTo(source.eventLog().readAfter(0, 1000));
            var next = target.eventLog().append(SampleEvents.onNewStream("account", SampleEvents.verified(1)), SampleEvents.metadata());
            assertThat(next.getFirst().position()).isEqualTo(events + 1);
            var stream = SampleEvents.streamOf(SampleEvents.all().getFirst());
            long version = target.eventLog().read(stream).version();
            var more = target.eventLog().append(new StreamAppend(stream, ExpectedVersion.exactly(version),
                    List.of(SampleEvents.verified(2))), SampleEvents.metadata());
            assertThat(more.getFirst().version()).isEqualTo(version + 1);
        }
    }

    @Test
    void an_export_after_a_position_holds_only_the_later_events() throws Exception {
        var source = store("source");
        fill(source);
        var out = new ByteArrayOutputStream();
        var exported = LogExport.write(source.storedRecords(), 5, ExportFormat.NDJSON, out);
        var lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(exported.events()).isEqualTo(SampleEvents.all().size() - 5);
        assertThat(exported.firstPosition()).isEqualTo(6);
        assertThat(lines).hasSize((int) exported.events());
        assertThat(new ObjectMapper().readTree(lines[0]).get("position").asLong()).isEqualTo(6);
    }

    /** The CloudEvents 1.0 rules (spec §2-3, JSON format §3): required attributes, names, types, the data member. */
    @Test
    void each_cloudevents_line_is_a_valid_cloudevent() throws Exception {
        var source = store("source");
        fill(source);
        var lines = new String(export(source, ExportFormat.CLOUDEVENTS), StandardCharsets.UTF_8).split("\n");
        var records = source.storedRecords().after(0, 1000);
        assertThat(lines).hasSize(records.size());
        var mapper = new ObjectMapper();
        var name = Pattern.compile("[a-z0-9]{1,20}");
        var official = new io.cloudevents.jackson.JsonFormat();
        String previousSequence = "";
        for (int i = 0; i < lines.length; i++) {
            JsonNode event = mapper.readTree(lines[i]);
            var record = records.get(i);
            assertThat(event.get("specversion").asText()).isEqualTo("1.0");
            assertThat(event.get("id").asText()).isEqualTo(record.eventId());
            assertThat(event.get("source").asText()).isEqualTo("/scrollback/" + record.category());
            assertThat(event.get("type").asText()).isEqualTo("dev.scrollback." + record.type());
            assertThat(event.get("subject").asText()).isEqualTo(record.stream());
            assertThat(java.time.OffsetDateTime.parse(event.get("time").asText()).toInstant())
                    .isEqualTo(StoredTimestamp.parse(record.timestamp()));
            assertThat(event.get("datacontenttype").asText()).isEqualTo("application/json");
            assertThat(event.get("data").isObject()).isTrue();
            assertThat(mapper.writeValueAsBytes(event.get("data"))).isEqualTo(mapper.writeValueAsBytes(mapper.readTree(record.payload())));
            var sequence = event.get("sequence").asText();
            assertThat(Long.parseLong(sequence)).isEqualTo(record.position());
            assertThat(sequence).hasSize(19).isGreaterThan(previousSequence);       // lexicographic order is log order
            previousSequence = sequence;
            // and the official SDK reads the line as the same event, extensions and data included
            var parsed = official.deserialize(lines[i].getBytes(StandardCharsets.UTF_8));
            assertThat(parsed.getSpecVersion()).isEqualTo(io.cloudevents.SpecVersion.V1);
            assertThat(parsed.getId()).isEqualTo(record.eventId());
            assertThat(parsed.getType()).isEqualTo("dev.scrollback." + record.type());
            assertThat(parsed.getSource()).isEqualTo(java.net.URI.create("/scrollback/" + record.category()));
            assertThat(parsed.getSubject()).isEqualTo(record.stream());
            assertThat(parsed.getTime().toInstant()).isEqualTo(StoredTimestamp.parse(record.timestamp()));
            assertThat(parsed.getExtension("sequence")).isEqualTo(sequence);
            assertThat(parsed.getExtension("schemaversion")).isEqualTo(Integer.parseInt(record.revision()));
            assertThat(mapper.readTree(parsed.getData().toBytes())).isEqualTo(mapper.readTree(record.payload()));
            assertThat(event.get("streamversion").isInt()).isTrue();
            assertThat(event.get("schemaversion").asInt()).isEqualTo(Integer.parseInt(record.revision()));
            assertThat(event.get("envelope").asText().getBytes(StandardCharsets.UTF_8)).isEqualTo(record.metadata());
            assertThat(event.get("correlationid").asText()).isNotEmpty();
            assertThat(event.get("actorkind").asText()).isIn("user", "system");
            event.fieldNames().forEachRemaining(field -> {
                if (!field.equals("data") && !field.equals("data_base64")) assertThat(field).matches(name);
                var value = event.get(field);
                if (!field.equals("data")) assertThat(value.isTextual() || value.isInt()).as(field).isTrue();  // no nulls, no objects
            });
        }
    }

    @Test
    void a_payload_that_cannot_be_embedded_travels_in_base64_and_still_round_trips() throws Exception {
        var source = store("source");
        fill(source);
        var ndjson = new String(export(source, ExportFormat.NDJSON), StandardCharsets.UTF_8);
        // a pretty-printed payload (a line break inside) as another writer might have stored it
        var firstLine = ndjson.substring(0, ndjson.indexOf('\n'));
        var record = source.storedRecords().after(0, 1).getFirst();
        var pretty = new String(record.payload(), StandardCharsets.UTF_8).replaceFirst("\\{", "{\n  ");
        var edited = firstLine.replace("\"payload\":" + new String(record.payload(), StandardCharsets.UTF_8),
                "\"payloadBase64\":\"" + java.util.Base64.getEncoder().encodeToString(pretty.getBytes(StandardCharsets.UTF_8)) + "\"");
        assertThat(edited).isNotEqualTo(firstLine);
        var target = store("target");
        LogImport.read(new ByteArrayInputStream((edited + ndjson.substring(ndjson.indexOf('\n'))).getBytes(StandardCharsets.UTF_8)),
                Optional.of(ExportFormat.NDJSON), target);
        var stored = target.storedRecords().after(0, 1).getFirst();
        assertThat(new String(stored.payload(), StandardCharsets.UTF_8)).isEqualTo(pretty);
        for (var format : ExportFormat.values()) {
            var again = store("again-" + format.wireName());
            LogImport.read(new ByteArrayInputStream(export(target, format)), Optional.of(format), again);
            assertThat(export(again, ExportFormat.NDJSON)).isEqualTo(export(target, ExportFormat.NDJSON));
            assertThat(again.storedRecords().after(0, 1).getFirst().payload()).isEqualTo(pretty.getBytes(StandardCharsets.UTF_8));
        }
    }

    // ---- hostile imports: each refused naming its line, the target left empty (and still importable) ----

    private String lines(ExportFormat format) throws Exception {
        var source = store("source");
        fill(source);
        return new String(export(source, format), StandardCharsets.UTF_8);
    }

    private int hostile = 0;

    private void refused(String file, ExportFormat format, String... expected) throws Exception {
        try (var target = EventStore.open(settings("hostile-" + hostile++))) {       // closed at once: PostgreSQL's connections are few
            assertThatThrownBy(() -> LogImport.read(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), Optional.of(format), target))
                    .isInstanceOf(RecordImport.Refused.class)
                    .message().contains(expected).contains("nothing was imported");
            assertThat(target.storedRecords().after(0, 10)).isEmpty();
        }
    }

    private static String editLine(String file, int number, UnaryOperator<String> edit) {
        var lines = new ArrayList<>(Arrays.asList(file.split("\n")));
        lines.set(number - 1, edit.apply(lines.get(number - 1)));
        return String.join("\n", lines) + "\n";
    }

    @Test
    void hostile_ndjson_is_refused_with_the_line_number_and_nothing_imported() throws Exception {
        var file = lines(ExportFormat.NDJSON);
        var ndjson = ExportFormat.NDJSON;
        refused(file.substring(0, file.length() - 20), ndjson, "line " + SampleEvents.all().size() + ":", "truncated");
        refused(editLine(file, 3, line -> line.substring(0, line.length() - 1) + ",\"x\":\"" + "a".repeat(LogImport.MAX_LINE_BYTES) + "\"}"),
                ndjson, "line 3:", "longer than");
        refused(editLine(file, 4, line -> "{\"position\":4,"), ndjson, "line 4:", "not valid JSON");
        refused(editLine(file, 4, line -> "[1,2,3]"), ndjson, "line 4:", "not a JSON object");
        refused(editLine(file, 5, line -> line.replace("\"position\":5,", "\"position\":4,")), ndjson, "line 5", "strictly increasing");
        refused(editLine(file, 5, line -> line.replace("\"position\":5,", "\"position\":2,")), ndjson, "line 5", "strictly increasing");
        refused(editLine(file, 2, line -> line.replace("\"version\":1,", "\"version\":2,")), ndjson, "line 2", "from version 0 to 2");
        refused(editLine(file, 1, line -> line.replace("\"version\":0,", "\"version\":3,")), ndjson, "line 1", "starts at version 3");
        refused(editLine(file, 6, line -> line.replaceFirst("\"type\":\"[A-Za-z]+\"", "\"type\":\"SecretlyNuked\"")), ndjson,
                "line 6", "unknown event type 'SecretlyNuked'");
        refused(editLine(file, 6, line -> line.replace("\"schemaVersion\":1,", "\"schemaVersion\":99,")), ndjson, "line 6",
                "no schema version 99");
        refused(editLine(file, 7, line -> line.replaceFirst(",\"time\":\"[^\"]+\"", "")), ndjson, "line 7:", "time is missing");
        refused(editLine(file, 7, line -> line.replaceFirst("\"id\":\"[^\"]+\"", "\"id\":\"not-a-uuid\"")), ndjson, "line 7");
        refused(editLine(file, 8, line -> line.replaceFirst("\\{", "{\"surprise\":1,")), ndjson, "line 8:", "unknown field 'surprise'");
        refused(editLine(file, 8, line -> line.replaceFirst("\\{", "{\"position\":8,")), ndjson, "line 8:", "not valid JSON");
        refused(editLine(file, 9, line -> line.replaceFirst("\"kind\":\"[a-z]+\"", "\"kind\":\"wizard\"")), ndjson, "line 9",
                "metadata does not read");
        refused(file.replaceFirst("\n", "\n\n"), ndjson, "line 2:", "empty");
        // the same event id twice, at different positions and on its own stream: the table's unique key names the batch
        var first = file.substring(0, file.indexOf('\n'));
        var id = new ObjectMapper().readTree(first).get("id").asText();
        refused(editLine(file, 10, line -> line.replaceFirst("\"id\":\"[^\"]+\"", "\"id\":\"" + id + "\"")), ndjson,
                "line 1 and line " + SampleEvents.all().size(), "repeated");

        var target = store("after-the-refusals");                     // and an honest file still goes in
        assertThat(LogImport.read(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), Optional.empty(), target).events())
                .isEqualTo(SampleEvents.all().size());
    }

    @Test
    void hostile_cloudevents_are_refused_with_the_line_number() throws Exception {
        var file = lines(ExportFormat.CLOUDEVENTS);
        var ce = ExportFormat.CLOUDEVENTS;
        refused(editLine(file, 2, line -> line.replace("\"specversion\":\"1.0\",", "")), ce, "line 2:", "specversion is missing");
        refused(editLine(file, 2, line -> line.replace("\"specversion\":\"1.0\"", "\"specversion\":\"0.3\"")), ce, "line 2:", "1.0");
        refused(editLine(file, 3, line -> line.replace("\"type\":\"dev.scrollback.", "\"type\":\"com.example.")), ce, "line 3:",
                "dev.scrollback.");
        refused(editLine(file, 3, line -> line.replace("\"source\":\"/scrollback/", "\"source\":\"/elsewhere/")), ce, "line 3:",
                "source");
        refused(editLine(file, 4, line -> line.replace("\"sequence\":\"000", "\"sequence\":\"")), ce, "line 4:", "19 digits");
        refused(editLine(file, 4, line -> line.replaceFirst("\\{", "{\"Bad-Name\":1,")), ce, "line 4:", "attribute name");
        refused(editLine(file, 5, line -> line.replaceFirst(",\"data\":\\{.*}$", "}")), ce, "line 5:", "data is missing");
    }

    @Test
    void a_store_that_holds_events_is_refused_and_keeps_them() throws Exception {
        var file = lines(ExportFormat.NDJSON);
        var target = store("target");
        target.eventLog().append(SampleEvents.onNewStream("account", SampleEvents.verified(1)), SampleEvents.metadata());
        assertThatThrownBy(() -> LogImport.read(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), Optional.empty(), target))
                .isInstanceOf(RecordImport.Refused.class)
                .hasMessageContaining("not empty");
        assertThat(target.storedRecords().after(0, 10)).hasSize(1);
    }

    @Test
    void an_empty_file_imports_nothing() throws Exception {
        var target = store("target");
        var imported = LogImport.read(new ByteArrayInputStream(new byte[0]), Optional.empty(), target);
        assertThat(imported).isEqualTo(new RecordImport.Imported(0, 0, 0));
        var next = target.eventLog().append(SampleEvents.onNewStream("account", SampleEvents.verified(1)), SampleEvents.metadata());
        assertThat(next.getFirst().position()).isEqualTo(1);
    }
}

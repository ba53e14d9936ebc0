package dev.scrollback.adapters.persistence.shared;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.EnumFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.scrollback.domain.shared.DomainEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import dev.scrollback.domain.accounts.AccountEvent;

/**
 * The only place where domain events become JSON and back (SPEC §3): domain records carry no annotations, so the
 * mapping lives here, with {@link ValueObjectJson} for value objects, ISO-8601 for instants and durations, lower-case
 * enum names, and {@code null} for an empty {@code Optional}. Reading is strict (unknown or missing fields fail) and
 * runs the {@link Upcasters} for payloads stored at an older schema version. Thread-safe: readers and writers are
 * built once per type.
 */
final class EventJson {
    /** Stored payloads are small; anything near this is corrupt or hostile. */
    static final int MAX_PAYLOAD_BYTES = 1 << 20;

    /** An event as stored: its catalog entry and its payload. */
    record Encoded(EventCatalog.Entry entry, byte[] json) {}

    private final EventCatalog catalog;
    private final Upcasters upcasters;
    private final ObjectMapper mapper;
    private final Map<Class<?>, ObjectWriter> writers = new HashMap<>();
    private final Map<Class<?>, ObjectReader> readers = new HashMap<>();
    /** Seals and opens personal values (decision 0021); empty only in codec tests, which see them in the clear. */
    private final Optional<PersonalCipher> cipher;

    EventJson(EventCatalog catalog, Upcasters upcasters) {
        this(catalog, upcasters, Optional.empty());
    }

    private EventJson(EventCatalog catalog, Upcasters upcasters, Optional<PersonalCipher> cipher) {
        this.catalog = catalog;
        this.upcasters = upcasters;
        this.cipher = cipher;
        this.mapper = mapper();
        for (var entry : catalog.entries()) {
            writers.put(entry.type(), mapper.writerFor(entry.type()));
            var reader = mapper.readerFor(entry.type());
            readers.put(entry.type(), cipher.map(c -> reader.withAttribute(ValueObjectJson.OPENING, c)).orElse(reader));
        }
    }

    /** This codec, sealing personal values on {@link #encode(DomainEvent, KeyOwner)} and opening them on every read. */
    EventJson sealedWith(PersonalCipher cipher) {
        return new EventJson(catalog, upcasters, Optional.of(cipher));
    }

    Optional<PersonalCipher> cipher() {
        return cipher;
    }

    static EventJson standard() {
        return new EventJson(EventCatalog.standard(), Upcasters.standard());
    }

    static ObjectMapper mapper() {
        // Events are written and read on the callers' virtual threads: Jackson's default per-thread buffers would stay
        // with every session (~16 KB each), a shared pool keeps a bounded few
        var factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(MAX_PAYLOAD_BYTES).build())
                .recyclerPool(JsonRecyclerPools.sharedBoundedPool())
                .build();
        return JsonMapper.builder(factory)
                .addModule(new Jdk8Module())
                .addModule(new JavaTimeModule())
                .addModule(new ValueObjectJson())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .configure(EnumFeature.WRITE_ENUMS_TO_LOWERCASE, true)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    EventCatalog catalog() {
        return catalog;
    }

    /** The event with its personal values in the clear: what stores before decision 0021 hold (and codec tests read). */
    Encoded encode(DomainEvent event) {
        var entry = catalog.of(event);
        try {
            return new Encoded(entry, writers.get(entry.type()).writeValueAsBytes(event));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + entry.name() + " as JSON", e);
        }
    }

    /** The event as stored: every personal value sealed under {@code owner}'s data key. */
    Encoded encode(DomainEvent event, KeyOwner owner) {
        var entry = catalog.of(event);
        var sealing = new ValueObjectJson.Sealing(cipher.orElseThrow(
                () -> new IllegalStateException("this codec has no data keys: personal values cannot be sealed")), owner);
        try {
            return new Encoded(entry, writers.get(entry.type()).withAttribute(ValueObjectJson.SEALING, sealing).writeValueAsBytes(event));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + entry.name() + " as JSON: " + e.getMessage(), e);
        }
    }

    /**
     * The domain event stored as {@code json} under {@code type} at {@code schemaVersion}.
     *
     * @throws IllegalArgumentException naming what is wrong, when the type is unknown or the payload does not read
     */
    DomainEvent decode(String type, int schemaVersion, byte[] json) {
        return decode(entry(type, schemaVersion, json), schemaVersion, json);
    }

    DomainEvent decode(EventCatalog.Entry entry, int schemaVersion, byte[] json) {
        var type = entry.name();
        try {
            var reader = readers.get(entry.type());
            DomainEvent event = schemaVersion == entry.schemaVersion() ? reader.readValue(json)
                    : reader.readValue(upcast(entry, schemaVersion, json));
            // Every instance reads every event: this is how the others learn that a key is gone
            if (event instanceof AccountEvent.AccountErased erased) cipher.ifPresent(c -> c.keys().forget(KeyOwner.account(erased.account())));
            return event;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("payload of " + type + " v" + schemaVersion + " does not read: " + e.getMessage(), e);
        }
    }

    /**
     * The payload as the feed hands it on (SPEC §3): the stored text as is, checked to be one JSON object; upcast
     * to the current schema version when stored older, and without the type's secret fields where it has any.
     */
    String feedData(String type, int schemaVersion, byte[] json) {
        return feedData(entry(type, schemaVersion, json), schemaVersion, json);
    }

    String feedData(EventCatalog.Entry entry, int schemaVersion, byte[] json) {
        var type = entry.name();
        try {
            boolean sealed = cipher.isPresent() && PersonalTree.mayHoldPersonal(json);
            if (schemaVersion == entry.schemaVersion() && entry.secretFields().isEmpty() && !sealed) {
                requireOneObject(json);
                return new String(json, StandardCharsets.UTF_8);
            }
            var tree = schemaVersion == entry.schemaVersion() ? objectTree(json) : upcast(entry, schemaVersion, json);
            tree.remove(entry.secretFields());
            if (sealed) PersonalTree.open(tree, cipher.get());
            return mapper.writeValueAsString(tree);
        } catch (IOException e) {
            throw new IllegalArgumentException("payload of " + type + " v" + schemaVersion + " is not valid JSON: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("payload of " + type + " v" + schemaVersion + " does not read: " + e.getMessage(), e);
        }
    }

    /** The payload as live connections show it to anyone: {@link #feedData} without personal fields either. */
    String publicData(EventCatalog.Entry entry, int schemaVersion, byte[] json) {
        var personal = PersonalFields.of(entry.type());
        if (personal.isEmpty()) return feedData(entry, schemaVersion, json);
        try {
            var tree = schemaVersion == entry.schemaVersion() ? objectTree(json) : upcast(entry, schemaVersion, json);
            tree.remove(entry.secretFields());
            tree.remove(personal);
            cipher.ifPresent(c -> PersonalTree.open(tree, c));
            return mapper.writeValueAsString(tree);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("payload of " + entry.name() + " v" + schemaVersion + " is not valid JSON: "
                    + e.getMessage(), e);
        }
    }

    /** The catalog entry for a stored event, after checking what can be checked without parsing its payload. */
    EventCatalog.Entry entry(String type, int schemaVersion, byte[] json) {
        var entry = catalog.byName(type).orElseThrow(() -> new IllegalArgumentException("unknown event type '" + type + "'"));
        if (schemaVersion < 1 || schemaVersion > entry.schemaVersion()) {
            throw new IllegalArgumentException(type + " has no schema version " + schemaVersion
                    + " (current is " + entry.schemaVersion() + ")");
        }
        if (json == null || json.length > MAX_PAYLOAD_BYTES) throw new IllegalArgumentException("payload missing or too large");
        return entry;
    }

    private ObjectNode upcast(EventCatalog.Entry entry, int schemaVersion, byte[] json) throws IOException {
        return upcasters.upcast(entry.name(), schemaVersion, entry.schemaVersion(), objectTree(json));
    }

    private ObjectNode objectTree(byte[] json) throws IOException {
        if (mapper.readTree(json) instanceof ObjectNode object) return object;
        throw new IOException("not a JSON object");
    }

    private void requireOneObject(byte[] json) throws IOException {
        try (var parser = mapper.getFactory().createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) throw new IOException("not a JSON object");
            parser.skipChildren();
            if (parser.nextToken() != null) throw new IOException("trailing content after the JSON object");
        }
    }
}

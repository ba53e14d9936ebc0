package dev.scrollback.adapters.persistence.shared;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scrollback.application.shared.Actor;
import dev.scrollback.application.shared.EventMetadata;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.RemoteAddress;
import dev.scrollback.domain.shared.SessionId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.messaging.MetaData;

/**
 * The envelope fields of SPEC §3 that live in Axon's {@code metaData} column, as JSON in a fixed key order:
 * {@code {"actor":{"kind","id","handle"},"origin":{"channel","address","sessionId"},"correlationId","causationId"}}.
 * Absent values are {@code null}, so every stored envelope has the same shape. The time lives in Axon's
 * {@code timeStamp} column, ids and versions in their own columns. Reading uses a streaming parser because the feed
 * reads one envelope per event.
 */
final class EnvelopeJson {
    static final String ACTOR = "actor", ORIGIN = "origin", CORRELATION = "correlationId", CAUSATION = "causationId";
    private static final List<String> ORDER = List.of(ACTOR, ORIGIN, CORRELATION, CAUSATION);

    /** The envelope as read back; the time comes from its own column. */
    record Envelope(Actor actor, Origin origin, UUID correlationId, Optional<UUID> causationId) {
        EventMetadata at(Instant occurredAt) {
            return new EventMetadata(actor, origin, occurredAt, correlationId, causationId);
        }
    }

    private static final byte[] CORRELATION_KEY = ",\"correlationId\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CAUSATION_KEY = "\",\"causationId\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NO_CAUSATION = "\",\"causationId\":null}".getBytes(StandardCharsets.US_ASCII);
    private static final int UUID_LENGTH = 36;
    /** An envelope is a few hundred bytes; anything near this is corrupt or hostile. */
    static final int MAX_BYTES = 16 * 1024;
    /** Distinct actor-and-origin pairs remembered; a busy board has far fewer sessions than this. */
    private static final int REMEMBERED = 10_000;

    private final ObjectMapper mapper;
    /** Opens a sealed origin address (decision 0021); empty in codec tests and when only checking (an import). */
    private final Optional<PersonalCipher> cipher;
    /** Reads a sealed address as well formed without opening it: an import checks rows whose keys travel apart. */
    private final boolean checkingOnly;
    /** Actor and origin by the exact text they were read from: callers act many times from one session. */
    private final Map<String, Envelope> byPrefix = new ConcurrentHashMap<>();
    /** The erasures seen when {@link #byPrefix} was last emptied: an erasure empties it, as it holds opened addresses. */
    private volatile long erasuresSeen;

    EnvelopeJson(ObjectMapper mapper) {
        this(mapper, Optional.empty(), false);
    }

    EnvelopeJson(ObjectMapper mapper, Optional<PersonalCipher> cipher) {
        this(mapper, cipher, false);
    }

    private EnvelopeJson(ObjectMapper mapper, Optional<PersonalCipher> cipher, boolean checkingOnly) {
        this.mapper = mapper;
        this.cipher = cipher;
        this.checkingOnly = checkingOnly;
    }

    /**
     * For checking stored envelopes that may hold sealed addresses this store has no keys for (yet): a sealed address
     * must be well formed and reads as {@link RemoteAddress#ERASED}; never use what it reads for anything else.
     */
    static EnvelopeJson checkingOnly(ObjectMapper mapper) {
        return new EnvelopeJson(mapper, Optional.empty(), true);
    }

    /**
     * As {@link #toMetaData(EventMetadata)}, with the remote address sealed under {@code owner}'s data key
     * ({@code "address":{"personal":{"key","nonce","ciphertext"}}}).
     */
    static MetaData toMetaData(EventMetadata metadata, PersonalCipher cipher, KeyOwner owner) {
        var map = new LinkedHashMap<String, Object>(toMetaData(metadata));
        if (metadata.origin().address().isEmpty()) return MetaData.from(map);
        var address = metadata.origin().address().get();
        var sealed = address.erased() ? Optional.<PersonalCipher.Sealed>empty() : cipher.seal(owner, address.value());
        @SuppressWarnings("unchecked")
        var origin = new LinkedHashMap<String, Object>((Map<String, Object>) map.get(ORIGIN));
        if (sealed.isEmpty()) {
            origin.put("address", Map.of(ValueObjectJson.ERASED, true));       // its owner is erased: nothing to keep
        } else {
            origin.put("address", Map.of(ValueObjectJson.PERSONAL, sealed.get().fields()));
        }
        map.put(ORIGIN, origin);
        return MetaData.from(map);
    }

    /** Axon's view of the envelope: plain maps and strings, so any Axon component can read it. */
    static MetaData toMetaData(EventMetadata metadata) {
        var actor = new LinkedHashMap<String, String>();
        actor.put("kind", metadata.actor().kind().wireName());
        actor.put("id", metadata.actor().id().orElse(null));
        actor.put("handle", metadata.actor().handle().orElse(null));
        var origin = new LinkedHashMap<String, String>();
        origin.put("channel", metadata.origin().channel().wireName());
        origin.put("address", metadata.origin().address().map(RemoteAddress::value).orElse(null));
        origin.put("sessionId", metadata.origin().session().map(SessionId::toString).orElse(null));
        var map = new LinkedHashMap<String, Object>();
        map.put(ACTOR, actor);
        map.put(ORIGIN, origin);
        map.put(CORRELATION, metadata.correlationId().toString());
        metadata.causationId().ifPresent(id -> map.put(CAUSATION, id.toString()));
        return MetaData.from(map);
    }

    byte[] write(Map<String, ?> metaData) {
        var out = new ByteArrayOutputStream(256);
        try (var gen = mapper.getFactory().createGenerator(out)) {
            gen.setCodec(mapper);
            gen.writeStartObject();
            for (var key : ORDER) {
                gen.writeFieldName(key);
                gen.writeObject(metaData.get(key));
            }
            for (var entry : metaData.entrySet()) {
                if (ORDER.contains(entry.getKey())) continue;
                gen.writeFieldName(entry.getKey());
                gen.writeObject(entry.getValue());
            }
            gen.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    MetaData readMetaData(byte[] json) {
        if (json.length > MAX_BYTES) throw new IllegalArgumentException("metadata larger than " + MAX_BYTES + " bytes");
        try {
            return MetaData.from(mapper.readValue(json, new TypeReference<Map<String, Object>>() {}));
        } catch (IOException e) {
            throw new IllegalArgumentException("metadata is not a JSON object: " + e.getMessage(), e);
        }
    }

    /**
     * Reads an envelope. What {@link #write} wrote ends in the ids in a fixed shape, after an actor and origin that
     * repeat from event to event: that case costs a map lookup and two UUID parses. Anything else is parsed in full.
     *
     * @throws IllegalArgumentException naming the problem, when the envelope is not what {@link #write} writes
     */
    Envelope read(byte[] json) {
        if (json == null) throw new IllegalArgumentException("metadata missing");
        if (json.length > MAX_BYTES) throw new IllegalArgumentException("metadata larger than " + MAX_BYTES + " bytes");
        if (cipher.isPresent() && cipher.get().keys().erasuresSeen() != erasuresSeen) {
            erasuresSeen = cipher.get().keys().erasuresSeen();
            byPrefix.clear();
        }
        int end = json.length;
        boolean caused = !endsWith(json, end, NO_CAUSATION);
        int causationAt = caused ? end - 2 - UUID_LENGTH : end - NO_CAUSATION.length;     // '"}' closes a causation id
        int correlationAt = causationAt - (caused ? CAUSATION_KEY.length : 0) - UUID_LENGTH;
        int prefixEnd = correlationAt - CORRELATION_KEY.length;
        if (prefixEnd > 0 && (!caused || endsWith(json, causationAt, CAUSATION_KEY) && json[end - 2] == '"' && json[end - 1] == '}')
                && endsWith(json, correlationAt, CORRELATION_KEY)) {
            var known = byPrefix.get(new String(json, 0, prefixEnd, StandardCharsets.ISO_8859_1));
            if (known != null) {
                try {
                    var correlation = UUID.fromString(new String(json, correlationAt, UUID_LENGTH, StandardCharsets.ISO_8859_1));
                    var causation = caused
                            ? Optional.of(UUID.fromString(new String(json, causationAt, UUID_LENGTH, StandardCharsets.ISO_8859_1)))
                            : Optional.<UUID>empty();
                    return new Envelope(known.actor(), known.origin(), correlation, causation);
                } catch (IllegalArgumentException e) {
                    // not the shape we write after all: parse it in full below
                }
            }
            var parsed = parse(json);
            if (byPrefix.size() >= REMEMBERED) byPrefix.clear();
            byPrefix.put(new String(json, 0, prefixEnd, StandardCharsets.ISO_8859_1), parsed);
            return parsed;
        }
        return parse(json);
    }

    private static boolean endsWith(byte[] json, int end, byte[] suffix) {
        int from = end - suffix.length;
        return from >= 0 && Arrays.equals(json, from, end, suffix, 0, suffix.length);
    }

    private Envelope parse(byte[] json) {
        try (var p = mapper.getFactory().createParser(json)) {
            expect(p, JsonToken.START_OBJECT, "the envelope");
            Actor actor = null;
            Origin origin = null;
            UUID correlation = null;
            Optional<UUID> causation = Optional.empty();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                var field = p.currentName();
                p.nextToken();
                switch (field) {
                    case ACTOR -> actor = actor(p);
                    case ORIGIN -> origin = origin(p);
                    case CORRELATION -> correlation = UUID.fromString(text(p, field));
                    case CAUSATION -> causation = optionalText(p).map(UUID::fromString);
                    default -> p.skipChildren();                 // something another Axon component added
                }
            }
            if (actor == null || origin == null || correlation == null) {
                throw new IllegalArgumentException("envelope lacks actor, origin or correlationId");
            }
            return new Envelope(actor, origin, correlation, causation);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("metadata does not read: " + e.getMessage(), e);
        }
    }

    private static Actor actor(JsonParser p) throws IOException {
        expect(p, JsonToken.START_OBJECT, ACTOR);
        Actor.Kind kind = null;
        Optional<String> id = Optional.empty(), handle = Optional.empty();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            var field = p.currentName();
            p.nextToken();
            switch (field) {
                case "kind" -> kind = Actor.Kind.valueOf(text(p, field).toUpperCase(Locale.ROOT));
                case "id" -> id = optionalText(p);
                case "handle" -> handle = optionalText(p);
                default -> p.skipChildren();
            }
        }
        if (kind == null) throw new IllegalArgumentException("actor without kind");
        return new Actor(kind, id, handle);
    }

    private Origin origin(JsonParser p) throws IOException {
        expect(p, JsonToken.START_OBJECT, ORIGIN);
        Channel channel = null;
        Optional<RemoteAddress> address = Optional.empty();
        Optional<SessionId> session = Optional.empty();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            var field = p.currentName();
            p.nextToken();
            switch (field) {
                case "channel" -> channel = Channel.valueOf(text(p, field).toUpperCase(Locale.ROOT));
                case "address" -> address = address(p);
                case "sessionId" -> session = optionalText(p).map(SessionId::parse);
                default -> p.skipChildren();
            }
        }
        if (channel == null) throw new IllegalArgumentException("origin without channel");
        return new Origin(channel, address, session);
    }

    /**
     * The origin's address: a bare string or {@code {"personal":"..."}} as stores before decision 0021 wrote it, or
     * sealed; an erased owner's address reads as {@link RemoteAddress#ERASED}.
     */
    private Optional<RemoteAddress> address(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) return optionalText(p).map(RemoteAddress::new);
        if (p.nextToken() != JsonToken.FIELD_NAME) throw new IllegalArgumentException("address is an empty object");
        var field = p.currentName();
        var token = p.nextToken();
        RemoteAddress address;
        if (ValueObjectJson.PERSONAL.equals(field) && token == JsonToken.VALUE_STRING) {
            address = new RemoteAddress(p.getText());
        } else if (ValueObjectJson.PERSONAL.equals(field) && token == JsonToken.START_OBJECT) {
            var sealed = ValueObjectJson.sealed(p);
            if (checkingOnly) {
                address = RemoteAddress.ERASED;                     // its form is checked; its keys come apart
            } else {
                var opener = cipher.orElseThrow(() -> new IllegalArgumentException("sealed address, but no data keys to open it"));
                address = opener.open(sealed).map(RemoteAddress::new).orElse(RemoteAddress.ERASED);
            }
        } else if (ValueObjectJson.ERASED.equals(field) && token == JsonToken.VALUE_TRUE) {
            address = RemoteAddress.ERASED;
        } else {
            throw new IllegalArgumentException("unexpected field '" + field + "' in the address");
        }
        if (p.nextToken() != JsonToken.END_OBJECT) throw new IllegalArgumentException("address holds more than one value");
        return Optional.of(address);
    }

    private static void expect(JsonParser p, JsonToken token, String what) throws IOException {
        var actual = p.currentToken() == null ? p.nextToken() : p.currentToken();
        if (actual != token) throw new IllegalArgumentException(what + " is not a JSON object");
    }

    private static String text(JsonParser p, String field) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) throw new IllegalArgumentException(field + " is not a string");
        return p.getText();
    }

    private static Optional<String> optionalText(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) return Optional.empty();
        if (p.currentToken() != JsonToken.VALUE_STRING) throw new IllegalArgumentException("expected a string or null");
        return Optional.of(p.getText());
    }
}

package dev.scrollback.adapters.persistence.shared;

import dev.scrollback.domain.shared.DomainEvent;
import java.util.Map;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;

/**
 * Axon's {@link Serializer} over our own codec, so that what Axon writes into its table (and what its streaming
 * processors read back) is exactly the JSON of {@link EventJson} and {@link EnvelopeJson}: payload type = the
 * event's public name, revision = its schema version, metadata = the SPEC §3 envelope. Axon's default XStream
 * serializer would write Java class names and XML, and fails on records under JDK 25 (STACK.md).
 */
final class AxonEventSerializer implements Serializer {
    /**
     * What the writer hands Axon as a message's payload: the event with the owner whose data key seals its personal
     * values (decision 0021). A bare event is refused, so no path can write personal data in the clear.
     */
    record ToStore(DomainEvent event, KeyOwner owner) {}

    private final EventJson events;
    private final EnvelopeJson envelopes;
    private final Converter converter = new ChainingConverter();

    AxonEventSerializer(EventJson events, EnvelopeJson envelopes) {
        this.events = events;
        this.envelopes = envelopes;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        SerializedObject<byte[]> bytes = switch (object) {
            case ToStore toStore -> {
                var encoded = events.encode(toStore.event(), toStore.owner());
                yield new SimpleSerializedObject<>(encoded.json(), byte[].class,
                        encoded.entry().name(), Integer.toString(encoded.entry().schemaVersion()));
            }
            case MetaData metaData -> new SerializedMetaData<>(envelopes.write(metaData), byte[].class);
            case DomainEvent event -> throw new SerializationException(event.getClass().getSimpleName()
                    + " without the owner of its personal data: events are stored sealed (ToStore)");
            case null -> throw new SerializationException("nothing to serialize: events are never null");
            default -> throw new SerializationException(object.getClass().getName() + " is not a Scrollback event");
        };
        return converter.convert(bytes, expectedRepresentation);
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return converter.canConvert(byte[].class, expectedRepresentation);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        var bytes = converter.convert(serializedObject, byte[].class).getData();
        if (SerializedMetaData.isSerializedMetaData(serializedObject)) return (T) envelopes.readMetaData(bytes);
        var type = serializedObject.getType();
        try {
            return (T) events.decode(type.getName(), schemaVersion(type), bytes);
        } catch (IllegalArgumentException e) {
            throw new SerializationException(e.getMessage(), e);
        }
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        if (MetaData.class.getName().equals(type.getName())) return MetaData.class;
        return events.catalog().byName(type.getName()).<Class>map(EventCatalog.Entry::type).orElse(UnknownSerializedType.class);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public SerializedType typeForClass(Class type) {
        if (type != null && Map.class.isAssignableFrom(type)) return new SimpleSerializedType(MetaData.class.getName(), null);
        var entry = events.catalog().entries().stream().filter(e -> e.type() == type).findFirst()
                .orElseThrow(() -> new SerializationException(type + " is not a Scrollback event"));
        return new SimpleSerializedType(entry.name(), Integer.toString(entry.schemaVersion()));
    }

    @Override
    public Converter getConverter() {
        return converter;
    }

    private static int schemaVersion(SerializedType type) {
        try {
            return Integer.parseInt(type.getRevision());
        } catch (NumberFormatException e) {
            throw new SerializationException("schema version '" + type.getRevision() + "' of " + type.getName() + " is not a number");
        }
    }
}

package dev.scrollback.adapters.persistence.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.junit.jupiter.api.Test;

class AxonEventSerializerTest {
    final PersonalCipher cipher = inMemoryKeys();
    final AxonEventSerializer serializer = new AxonEventSerializer(EventJson.standard().sealedWith(cipher),
            new EnvelopeJson(EventJson.mapper(), java.util.Optional.of(cipher)));
    static final KeyOwner OWNER = KeyOwner.account(SampleEvents.ACCOUNT);

    /** Data keys in a private in-memory H2 database: real SQL, nothing on disk. */
    static PersonalCipher inMemoryKeys() {
        var keys = new org.h2.jdbcx.JdbcDataSource();
        keys.setURL("jdbc:h2:mem:keys-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        try (var connection = keys.getConnection()) {
            DataKeys.createTable(connection, false);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return new PersonalCipher(new DataKeys(keys, false));
    }

    @Test
    void a_changed_event_carries_its_current_schema_version_and_the_others_the_first() {
        assertThat(EventCatalog.standard().of(SampleEvents.all().stream()
                .filter(e -> e instanceof dev.scrollback.domain.plugins.PluginEvent.PluginSubmitted).findFirst().orElseThrow())
                .schemaVersion()).isEqualTo(2);
        assertThat(SampleEvents.all().stream().filter(e -> !(e instanceof dev.scrollback.domain.plugins.PluginEvent.PluginSubmitted))
                .map(e -> EventCatalog.standard().of(e).schemaVersion())).containsOnly(1);
    }

    @Test
    void events_go_through_axon_as_our_json_under_their_public_name_and_schema_version() {
        for (var event : SampleEvents.all()) {
            var toStore = new AxonEventSerializer.ToStore(event, OWNER);
            var serialized = serializer.serialize(toStore, byte[].class);
            assertThat(serialized.getType().getName()).isEqualTo(event.getClass().getSimpleName());
            assertThat(serialized.getType().getRevision())
                    .isEqualTo(String.valueOf(EventCatalog.standard().of(event).schemaVersion()));
            assertThat(serializer.classForType(serialized.getType())).isEqualTo(event.getClass());
            assertThat((Object) serializer.deserialize(serialized)).isEqualTo(event);
            var asText = serializer.serialize(toStore, String.class);
            assertThat((Object) serializer.deserialize(asText)).isEqualTo(event);
        }
    }

    @Test
    void a_bare_event_is_refused_so_nothing_personal_is_ever_stored_in_the_clear() {
        assertThatThrownBy(() -> serializer.serialize(SampleEvents.all().getFirst(), byte[].class))
                .isInstanceOf(SerializationException.class).hasMessageContaining("ToStore");
    }

    @Test
    void metadata_goes_through_axon_as_the_envelope() {
        var metaData = EnvelopeJson.toMetaData(SampleEvents.metadata());
        var serialized = serializer.serialize(metaData, byte[].class);
        assertThat(SerializedMetaData.isSerializedMetaData(serialized)).isTrue();
        assertThat(new String(serialized.getData(), StandardCharsets.UTF_8)).startsWith("{\"actor\":{\"kind\":\"user\"");
        MetaData back = serializer.deserialize(serialized);
        assertThat(back).isEqualTo(metaData);
        assertThat(back.get("actor")).isEqualTo(Map.of("kind", "user", "id", SampleEvents.ACCOUNT.toString(), "handle", "Alice"));
    }

    @Test
    void unknown_or_broken_types_are_reported_not_guessed() {
        var unknown = new SimpleSerializedType("NoSuchEvent", "1");
        assertThat(serializer.classForType(unknown)).isEqualTo(UnknownSerializedType.class);
        assertThatThrownBy(() -> serializer.deserialize(new SimpleSerializedObject<>("{}".getBytes(StandardCharsets.UTF_8), byte[].class, unknown)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("NoSuchEvent");
        assertThatThrownBy(() -> serializer.deserialize(new SimpleSerializedObject<>("{}".getBytes(StandardCharsets.UTF_8), byte[].class,
                new SimpleSerializedType("EmailVerified", null)))).isInstanceOf(SerializationException.class).hasMessageContaining("schema version");
        assertThatThrownBy(() -> serializer.serialize("a string", byte[].class)).isInstanceOf(SerializationException.class);
    }
}

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
    final AxonEventSerializer serializer = new AxonEventSerializer(EventJson.standard(), new EnvelopeJson(EventJson.mapper()));

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
            var serialized = serializer.serialize(event, byte[].class);
            assertThat(serialized.getType().getName()).isEqualTo(event.getClass().getSimpleName());
            assertThat(serialized.getType().getRevision())
                    .isEqualTo(String.valueOf(EventCatalog.standard().of(event).schemaVersion()));
            assertThat(serializer.classForType(serialized.getType())).isEqualTo(event.getClass());
            assertThat((Object) serializer.deserialize(serialized)).isEqualTo(event);
            var asText = serializer.serialize(event, String.class);
            assertThat(asText.getData()).isEqualTo(new String(serialized.getData(), StandardCharsets.UTF_8));
        }
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

package dev.scrollback.adapters.persistence.shared;

import static dev.scrollback.adapters.persistence.shared.SampleEvents.ACCOUNT;
import static dev.scrollback.adapters.persistence.shared.SampleEvents.T0;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrollback.domain.accounts.AccountEvent.AccountRegistered;
import dev.scrollback.domain.accounts.AccountEvent.EmailVerified;
import dev.scrollback.domain.sessions.SessionEvent.SessionEnded;
import dev.scrollback.domain.sessions.SessionEvent.SessionStarted;
import dev.scrollback.domain.shared.DomainEvent;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EventJsonTest {
    final EventJson json = EventJson.standard();

    @Test
    void the_samples_cover_every_cataloged_event_type() {
        var sampled = SampleEvents.all().stream().map(Object::getClass).collect(Collectors.toSet());
        var cataloged = json.catalog().entries().stream().map(EventCatalog.Entry::type).collect(Collectors.toSet());
        assertThat(sampled).isEqualTo(cataloged);
    }

    @Test
    void every_event_type_round_trips_with_all_fields_equal() {
        for (var event : SampleEvents.all()) {
            var encoded = json.encode(event);
            var decoded = json.decode(encoded.entry().name(), encoded.entry().schemaVersion(), encoded.json());
            assertThat(decoded).isEqualTo(event);
            assertThat(decoded.toString()).isEqualTo(event.toString());   // Handle equality ignores its spelling
        }
    }

    @Test
    void type_names_are_the_records_simple_names_at_schema_version_1() {
        var entry = json.encode(SampleEvents.all().getFirst()).entry();
        assertThat(entry.name()).isEqualTo("AccountRegistered");
        assertThat(entry.schemaVersion()).isEqualTo(1);
        assertThat(entry.secretFields()).containsExactly("passwordHash");
    }

    @Test
    void value_objects_are_written_as_plain_values_and_personal_data_is_marked() throws Exception {
        var registered = tree(SampleEvents.all().getFirst());
        assertThat(registered.get("account").asText()).isEqualTo(ACCOUNT.toString());
        assertThat(registered.get("handle").asText()).isEqualTo("Alice");
        assertThat(registered.get("email").get("personal").asText()).isEqualTo("Alice@example.org");
        assertThat(registered.get("passwordHash").asText()).startsWith("$argon2id$");
        assertThat(registered.get("at").asText()).isEqualTo("2025-03-01T20:00:00.123456789Z");
        assertThat(tree(SampleEvents.all().get(1)).get("email").isNull()).isTrue();

        var started = tree(byType(SessionStarted.class));
        assertThat(started.get("channel").asText()).isEqualTo("telnet");
        assertThat(started.get("address").get("personal").asText()).isEqualTo("127.0.0.1");
        assertThat(started.get("terminal").toString()).isEqualTo("{\"type\":\"xterm-256color\",\"width\":80,\"height\":24}");

        var ended = tree(byType(SessionEnded.class));
        assertThat(ended.get("reason").asText()).isEqualTo("goodbye");
        assertThat(ended.get("duration").asText()).isEqualTo("PT1M30.0000005S");
        assertThat(tree(SampleEvents.all().get(5)).get("reason").asText()).isEqualTo("wrong_password");
        assertThat(tree(SampleEvents.all().get(8)).get("role").asText()).isEqualTo("sysop");
    }

    @Test
    void chat_ids_and_names_are_plain_and_what_callers_say_is_personal_data() throws Exception {
        var created = tree(byType(dev.scrollback.domain.chat.ChatRoomEvent.ChatRoomCreated.class));
        assertThat(created.get("room").asText()).isEqualTo(SampleEvents.ROOM.toString());
        assertThat(created.get("name").asText()).isEqualTo("Retro Café");
        assertThat(created.get("kind").asText()).isEqualTo("public");
        assertThat(created.get("topic").asText()).isEqualTo("Modems & more");

        var said = tree(byType(dev.scrollback.domain.chat.ChatRoomEvent.ChatMessageSent.class));
        assertThat(said.get("session").asText()).isEqualTo(SampleEvents.SESSION.toString());
        assertThat(said.get("kind").asText()).isEqualTo("say");
        assertThat(said.get("text").get("personal").asText()).isEqualTo("Hello, all");

        var kicked = tree(SampleEvents.all().stream().filter(e -> e instanceof dev.scrollback.domain.chat.ChatRoomEvent.ChatLeft l
                && l.by().isPresent()).findFirst().orElseThrow());
        assertThat(kicked.get("reason").asText()).isEqualTo("kicked");
        assertThat(kicked.get("note").asText()).isEqualTo("Flooding");
        assertThat(kicked.get("byHandle").asText()).isEqualTo("Alice");

        var paged = tree(byType(dev.scrollback.domain.chat.PageEvent.PageSent.class));
        assertThat(paged.get("page").asText()).isEqualTo(SampleEvents.PAGE.toString());
        assertThat(paged.get("toHandle").asText()).isEqualTo("Bob");
        assertThat(paged.get("text").get("personal").asText()).isEqualTo("Call me on line 2");
    }

    @Test
    void plugin_submissions_are_plain_json_an_integrator_reads_without_our_types() throws Exception {
        var submitted = tree(byType(dev.scrollback.domain.plugins.PluginEvent.PluginSubmitted.class));
        assertThat(submitted.get("plugin").asText()).isEqualTo(SampleEvents.PLUGIN.toString());
        assertThat(submitted.get("name").asText()).isEqualTo("weather-bot");
        assertThat(submitted.get("version").asText()).isEqualTo("1.2.0-rc.1+build.7");
        assertThat(submitted.get("requires").asText()).isEqualTo(">=0.1.0, <0.2.0");
        assertThat(submitted.get("engine").asText()).isEqualTo("wasm");
        assertThat(submitted.get("entryPoint").asText()).isEqualTo("dist/plugin.wasm");
        assertThat(submitted.get("hooks").toString())
                .isEqualTo("[\"on_user_login\",\"handle_command\",\"on_event\",\"on_schedule\"]");
        assertThat(submitted.get("triggers").toString()).isEqualTo(
                "{\"events\":[\"ChatRoomCreated\",\"LoginSucceeded\"],\"schedules\":[\"*/15 * * * *\",\"0 9 * * 1-5\"]}");
        assertThat(submitted.get("permissions").toString()).isEqualTo("[\"post_message\",\"http\"]");
        assertThat(submitted.get("httpHosts").toString()).isEqualTo("[\"*.cdn.example\",\"api.weather.example\"]");
        assertThat(submitted.get("sha256").asText()).hasSize(64);
        var limits = submitted.get("limits");
        assertThat(limits.get("memoryBytes").asLong()).isEqualTo(4L << 20);
        assertThat(limits.get("deadlines").toString()).isEqualTo("{\"on_user_login\":\"PT0.02S\",\"handle_command\":\"PT1.5S\"}");

        var faulted = tree(byType(dev.scrollback.domain.plugins.PluginEvent.PluginFaulted.class));
        assertThat(faulted.get("hook").asText()).isEqualTo("filter_message_content");
        assertThat(faulted.get("kind").asText()).isEqualTo("output_too_large");
        var disabled = tree(byType(dev.scrollback.domain.plugins.PluginEvent.PluginDisabled.class));
        assertThat(disabled.get("reason").asText()).isEqualTo("too_many_faults");
        assertThat(disabled.get("by").isNull()).isTrue();
    }

    @Test
    void an_old_schema_version_is_upcast_when_read() {
        var catalog = new EventCatalog(EventCatalog.ROOTS, Map.of("EmailVerified", 2));
        var upcasters = new Upcasters(List.of(new Upcasters.Step("EmailVerified", 1, data -> {
            data.set("at", data.remove("verifiedAt"));                     // v1 called the field "verifiedAt"
            return data;
        })));
        var codec = new EventJson(catalog, upcasters);
        var v1 = ("{\"account\":\"" + ACCOUNT + "\",\"verifiedAt\":\"2025-03-01T20:00:00.123456789Z\"}").getBytes(UTF_8);

        assertThat(codec.decode("EmailVerified", 1, v1)).isEqualTo(new EmailVerified(ACCOUNT, T0));
        assertThat(codec.feedData("EmailVerified", 1, v1)).contains("\"at\":").doesNotContain("verifiedAt");
        assertThat(codec.encode(new EmailVerified(ACCOUNT, T0)).entry().schemaVersion()).isEqualTo(2);
    }

    @Test
    void a_plugin_submitted_before_triggers_existed_reads_as_one_without_triggers() throws Exception {
        var now = (dev.scrollback.domain.plugins.PluginEvent.PluginSubmitted) SampleEvents.all().stream()
                .filter(e -> e instanceof dev.scrollback.domain.plugins.PluginEvent.PluginSubmitted p
                        && p.triggers().hasNone()).findFirst().orElseThrow();
        var encoded = json.encode(now);
        assertThat(encoded.entry().schemaVersion()).isEqualTo(2);
        var v1 = (com.fasterxml.jackson.databind.node.ObjectNode) EventJson.mapper().readTree(encoded.json());
        v1.remove("triggers");

        assertThat(json.decode("PluginSubmitted", 1, EventJson.mapper().writeValueAsBytes(v1))).isEqualTo(now);
    }

    @Test
    void a_missing_upcaster_step_is_an_error_not_a_skip() {
        var codec = new EventJson(new EventCatalog(EventCatalog.ROOTS, Map.of("EmailVerified", 3)),
                new Upcasters(List.of(new Upcasters.Step("EmailVerified", 1, data -> data))));
        var v1 = ("{\"account\":\"" + ACCOUNT + "\",\"at\":\"2025-03-01T20:00:00Z\"}").getBytes(UTF_8);
        assertThatThrownBy(() -> codec.decode("EmailVerified", 1, v1)).hasMessageContaining("no upcaster for EmailVerified from schema version 2");
        assertThatThrownBy(() -> codec.decode("EmailVerified", 4, v1)).hasMessageContaining("no schema version 4");
    }

    @Test
    void the_feed_data_is_the_stored_text_unless_it_holds_secrets() {
        var started = json.encode(byType(SessionStarted.class));
        var text = new String(started.json(), UTF_8);
        assertThat(json.feedData("SessionStarted", 1, started.json())).isEqualTo(text);

        var registered = json.encode(byType(AccountRegistered.class));
        assertThat(json.feedData("AccountRegistered", 1, registered.json()))
                .doesNotContain("passwordHash").doesNotContain("argon2").contains("\"personal\":\"Alice@example.org\"");
        var issued = json.encode(SampleEvents.all().get(2));
        assertThat(json.feedData("EmailVerificationIssued", 1, issued.json())).doesNotContain("codeHash").doesNotContain("argon2");
        var enrolled = json.encode(byType(dev.scrollback.domain.accounts.AccountEvent.TotpEnrolled.class));
        assertThat(new String(enrolled.json(), UTF_8)).contains("GEZDGNBVGY3TQOJQ");          // stored: codes are checked against it
        assertThat(json.feedData("TotpEnrolled", 1, enrolled.json())).doesNotContain("secret").doesNotContain("GEZDGNBV")
                .doesNotContain("recoveryCodes").doesNotContain("argon2").contains("\"account\"");
    }

    @Test
    void hostile_payloads_are_refused_with_a_reason() {
        var account = "\"account\":\"" + ACCOUNT + "\"";
        var cases = Map.of(
                "not json", "{not json",
                "an array", "[1,2]",
                "a missing field", "{" + account + "}",
                "an unknown field", "{" + account + ",\"at\":\"2025-03-01T20:00:00Z\",\"extra\":1}",
                "a wrong type", "{\"account\":42,\"at\":\"2025-03-01T20:00:00Z\"}",
                "a bad id", "{\"account\":\"nope\",\"at\":\"2025-03-01T20:00:00Z\"}",
                "trailing content", "{" + account + ",\"at\":\"2025-03-01T20:00:00Z\"} {}",
                "deep nesting", "{\"account\":" + "[".repeat(5000) + "]".repeat(5000) + "}");
        cases.forEach((why, payload) -> assertThatThrownBy(() -> json.decode("EmailVerified", 1, payload.getBytes(UTF_8)))
                .as(why).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EmailVerified"));
        assertThatThrownBy(() -> json.decode("NoSuchEvent", 1, "{}".getBytes(UTF_8))).hasMessageContaining("unknown event type 'NoSuchEvent'");
        assertThatThrownBy(() -> json.decode("EmailVerified", 1, new byte[EventJson.MAX_PAYLOAD_BYTES + 1])).hasMessageContaining("too large");
        assertThatThrownBy(() -> json.decode("AccountRegistered", 1,
                ("{" + account + ",\"handle\":\"x\",\"email\":null,\"passwordHash\":\"h\",\"at\":\"2025-03-01T20:00:00Z\"}").getBytes(UTF_8)))
                .hasMessageContaining("handle");
        assertThatThrownBy(() -> json.decode("AccountRegistered", 1,
                ("{" + account + ",\"handle\":\"alice\",\"email\":\"bare@example.org\",\"passwordHash\":\"h\",\"at\":\"2025-03-01T20:00:00Z\"}").getBytes(UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        for (var bad : List.of("{not json", "[]", "{\"a\":1} x")) {
            assertThatThrownBy(() -> json.feedData("EmailVerified", 1, bad.getBytes(UTF_8))).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void the_envelope_round_trips_and_keeps_its_key_order() {
        var envelopes = new EnvelopeJson(EventJson.mapper());
        for (var metadata : List.of(SampleEvents.metadata(), SampleEvents.systemMetadata())) {
            var bytes = envelopes.write(EnvelopeJson.toMetaData(metadata));
            assertThat(envelopes.read(bytes).at(metadata.occurredAt())).isEqualTo(metadata);
            assertThat(new String(bytes, UTF_8)).startsWith("{\"actor\":{\"kind\":").contains(",\"origin\":{\"channel\":");
        }
        var system = new String(envelopes.write(EnvelopeJson.toMetaData(SampleEvents.systemMetadata())), UTF_8);
        assertThat(system).contains("\"actor\":{\"kind\":\"system\",\"id\":null,\"handle\":null}")
                .contains("\"origin\":{\"channel\":\"system\",\"address\":null,\"sessionId\":null}").endsWith("\"causationId\":null}");
        for (var bad : List.of("", "{", "[]", "{\"actor\":null}", "{\"actor\":{\"kind\":\"robot\"},\"origin\":{\"channel\":\"web\"},\"correlationId\":\"x\"}",
                "{\"actor\":{\"kind\":\"user\"},\"origin\":{\"channel\":\"web\",\"address\":\"not-an-ip\"},\"correlationId\":\"" + ACCOUNT + "\"}")) {
            assertThatThrownBy(() -> envelopes.read(bad.getBytes(UTF_8))).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        var huge = ("{\"actor\":{\"kind\":\"user\",\"handle\":\"" + "x".repeat(EnvelopeJson.MAX_BYTES) + "\"}}").getBytes(UTF_8);
        assertThatThrownBy(() -> envelopes.read(huge)).hasMessageContaining("larger than");
        var deep = ("{\"actor\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}").getBytes(UTF_8);
        assertThatThrownBy(() -> envelopes.read(deep)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void envelopes_from_one_session_share_their_actor_and_origin() {
        var envelopes = new EnvelopeJson(EventJson.mapper());
        for (var causation : List.of(java.util.Optional.of(java.util.UUID.randomUUID()), java.util.Optional.<java.util.UUID>empty())) {
            var first = new dev.scrollback.application.shared.EventMetadata(SampleEvents.metadata().actor(), SampleEvents.metadata().origin(),
                    T0, java.util.UUID.randomUUID(), causation);
            var second = new dev.scrollback.application.shared.EventMetadata(first.actor(), first.origin(), T0,
                    java.util.UUID.randomUUID(), causation.map(c -> java.util.UUID.randomUUID()));
            var a = envelopes.read(envelopes.write(EnvelopeJson.toMetaData(first)));
            var b = envelopes.read(envelopes.write(EnvelopeJson.toMetaData(second)));
            assertThat(a.at(T0)).isEqualTo(first);
            assertThat(b.at(T0)).isEqualTo(second);
            assertThat(b.actor()).isSameAs(a.actor());                      // the second one came from memory
            assertThat(b.origin()).isSameAs(a.origin());
        }
        var odd = "{\"actor\":{\"kind\":\"system\",\"id\":null,\"handle\":null},\"origin\":{\"channel\":\"cli\",\"address\":null,"
                + "\"sessionId\":null},\"correlationId\":\"" + ACCOUNT + "\",\"causationId\":null,\"traceId\":\"x\"}";
        assertThat(envelopes.read(odd.getBytes(UTF_8)).correlationId()).isEqualTo(ACCOUNT.value());
        var notUuids = "{\"actor\":{\"kind\":\"system\",\"id\":null,\"handle\":null},\"origin\":{\"channel\":\"cli\",\"address\":null,"
                + "\"sessionId\":null},\"correlationId\":\"" + "x".repeat(36) + "\",\"causationId\":null}";
        assertThatThrownBy(() -> envelopes.read(notUuids.getBytes(UTF_8))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> envelopes.read(notUuids.getBytes(UTF_8))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timestamps_keep_nanoseconds_and_read_axons_own_format() {
        assertThat(StoredTimestamp.format(T0)).isEqualTo("2025-03-01T20:00:00.123456789Z");
        assertThat(StoredTimestamp.parse(StoredTimestamp.format(T0))).isEqualTo(T0);
        assertThat(StoredTimestamp.parse("2025-03-01T20:00:00.123Z")).isEqualTo(T0.minusNanos(456789));
        var far = java.time.Instant.parse("+12025-03-01T20:00:00Z");
        assertThat(StoredTimestamp.parse(StoredTimestamp.format(far))).isEqualTo(far);
    }

    private DomainEvent byType(Class<?> type) {
        return SampleEvents.all().stream().filter(type::isInstance).findFirst().orElseThrow();
    }

    private JsonNode tree(DomainEvent event) throws Exception {
        return (ObjectNode) EventJson.mapper().readTree(json.encode(event).json());
    }
}

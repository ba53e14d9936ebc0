package dev.scrollback.domain.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrollback.domain.shared.InvalidValue;
import dev.scrollback.domain.shared.PluginName;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PluginManifestTest {
    static final HostName API = new HostName("api.weather.example");

    static PluginManifest manifest(Engine engine, String entry, Set<Hook> hooks, Set<Permission> permissions, PluginLimits limits) {
        return new PluginManifest(new PluginName("weather-bot"), PluginVersion.parse("1.2.0"), VersionRange.parse("^0.1.0"),
                new PluginDescription("Posts the forecast."), new PluginAuthor("Ada"), new LicenseId("MIT"), engine,
                new EntryPoint(entry), hooks, permissions, limits);
    }

    /** A valid WASM manifest that says /weather and may reach one host. */
    static PluginManifest weather() {
        return manifest(Engine.WASM, "plugin.wasm", Set.of(Hook.HANDLE_COMMAND, Hook.ON_USER_LOGIN),
                Set.of(new Permission.OutboundHttp(Set.of(API)), new Permission.PostMessage()),
                PluginLimits.defaults().withDeadline(Hook.HANDLE_COMMAND, Duration.ofSeconds(1)));
    }

    @Test
    void a_manifest_holds_what_the_plugin_says_in_a_fixed_order() {
        var m = weather();
        assertThat(m.hooks()).containsExactly(Hook.ON_USER_LOGIN, Hook.HANDLE_COMMAND);
        assertThat(m.permissions()).extracting(Permission::kind).containsExactly(Permission.Kind.POST_MESSAGE, Permission.Kind.HTTP);
        assertThat(m.httpHosts()).containsExactly(API);
        assertThat(m.grants(Permission.Kind.POST_MESSAGE)).isTrue();
        assertThat(m.grants(Permission.Kind.KV_STORAGE)).isFalse();
        assertThat(m.limits().deadline(Hook.HANDLE_COMMAND)).isEqualTo(Duration.ofSeconds(1));
        assertThat(m).isEqualTo(weather());
        assertThat(m.toString()).isEqualTo(weather().toString());
        var js = manifest(Engine.JS, "dist/main.js", Set.of(Hook.FILTER_MESSAGE_CONTENT), Set.of(), PluginLimits.defaults());
        assertThat(js.httpHosts()).isEmpty();
        assertThat(js.http()).isEmpty();
    }

    @Test
    void triggers_go_with_their_hooks_and_are_held_in_order_without_repeats() {
        var events = Set.of(new EventTypeName("LoginSucceeded"), new EventTypeName("ChatRoomCreated"));
        var schedules = List.of(new CronSchedule("*/5 * * * *"), new CronSchedule(" */5  *  * * * "), new CronSchedule("0 9 * * 1-5"));
        var m = new PluginManifest(new PluginName("crier"), PluginVersion.parse("1.0.0"), VersionRange.any(),
                new PluginDescription("Calls out"), new PluginAuthor("Ada"), new LicenseId("MIT"), Engine.JS,
                new EntryPoint("main.js"), Set.of(Hook.ON_EVENT, Hook.ON_SCHEDULE), Set.of(), PluginLimits.defaults(),
                new PluginTriggers(events, schedules));

        assertThat(m.triggers().events()).extracting(EventTypeName::value).containsExactly("ChatRoomCreated", "LoginSucceeded");
        assertThat(m.triggers().schedules()).extracting(CronSchedule::expression).containsExactly("*/5 * * * *", "0 9 * * 1-5");
        assertThatThrownBy(() -> new PluginManifest(m.name(), m.version(), m.requires(), m.description(), m.author(), m.license(),
                m.engine(), m.entryPoint(), Set.of(Hook.ON_EVENT), Set.of(), PluginLimits.defaults(), PluginTriggers.none()))
                .isInstanceOf(InvalidValue.class).hasMessageContaining("must name the event types that call on_event");
        assertThatThrownBy(() -> new PluginManifest(m.name(), m.version(), m.requires(), m.description(), m.author(), m.license(),
                m.engine(), m.entryPoint(), Set.of(Hook.ON_EVENT), Set.of(), PluginLimits.defaults(), m.triggers()))
                .isInstanceOf(InvalidValue.class).hasMessageContaining("the plugin does not use on_schedule");
    }

    @Test
    void event_type_names_and_cron_expressions_are_held_to_their_shapes() {
        for (var bad : List.of("", "chatRoomCreated", "Chat Room", "X", "A".repeat(65), "Évent")) {
            assertThatThrownBy(() -> new EventTypeName(bad)).as(bad).isInstanceOf(InvalidValue.class);
        }
        for (var bad : List.of("", "* * * *", "* * * * * *", "@daily", "*/5 * * * MON", "x".repeat(200), "* * * * *\n* * * * *")) {
            assertThatThrownBy(() -> new CronSchedule(bad)).as(bad).isInstanceOf(InvalidValue.class);
        }
        var many = new java.util.ArrayList<CronSchedule>();
        for (int i = 0; i < PluginTriggers.MAX_SCHEDULES + 1; i++) many.add(new CronSchedule(i + " * * * *"));
        assertThatThrownBy(() -> new PluginTriggers(Set.of(), many)).isInstanceOf(InvalidValue.class);
    }

    @Test
    void a_plugin_uses_at_least_one_hook() {
        assertThatThrownBy(() -> manifest(Engine.JS, "main.js", Set.of(), Set.of(), PluginLimits.defaults()))
                .isInstanceOf(InvalidValue.class).hasMessageContaining("at least one hook");
        assertThatThrownBy(() -> manifest(Engine.JS, "main.js", null, Set.of(), PluginLimits.defaults()))
                .isInstanceOf(InvalidValue.class);
    }

    @Test
    void the_entry_point_has_its_engines_extension() {
        assertThatThrownBy(() -> manifest(Engine.WASM, "main.js", Set.of(Hook.HANDLE_COMMAND), Set.of(), PluginLimits.defaults()))
                .isInstanceOf(InvalidValue.class).hasMessageContaining("must end in .wasm for the wasm engine");
        assertThatThrownBy(() -> manifest(Engine.JS, "plugin.wasm", Set.of(Hook.HANDLE_COMMAND), Set.of(), PluginLimits.defaults()))
                .isInstanceOf(InvalidValue.class).hasMessageContaining("must end in .js for the js engine");
        assertThatThrownBy(() -> manifest(Engine.JS, "main.js.txt", Set.of(Hook.HANDLE_COMMAND), Set.of(), PluginLimits.defaults()))
                .isInstanceOf(InvalidValue.class);
    }

    @Test
    void each_permission_is_named_once_and_http_names_its_hosts() {
        var twice = Set.<Permission>of(new Permission.OutboundHttp(Set.of(API)),
                new Permission.OutboundHttp(Set.of(new HostName("other.example"))));
        assertThatThrownBy(() -> manifest(Engine.JS, "main.js", Set.of(Hook.HANDLE_COMMAND), twice, PluginLimits.defaults()))
                .isInstanceOf(InvalidValue.class).hasMessageContaining("each permission once");
        assertThatThrownBy(() -> manifest(Engine.JS, "main.js", Set.of(Hook.HANDLE_COMMAND),
                Set.of(new Permission.OutboundHttp(Set.of())), PluginLimits.defaults()))
                .isInstanceOf(InvalidValue.class).hasMessageContaining("at least one host");
        assertThatThrownBy(() -> manifest(Engine.JS, "main.js", Set.of(Hook.HANDLE_COMMAND), null, PluginLimits.defaults()))
                .isInstanceOf(InvalidValue.class);
    }

    @Test
    void deadlines_are_set_only_for_hooks_the_plugin_uses() {
        var limits = PluginLimits.defaults().withDeadline(Hook.VALIDATE_FILE, Duration.ofMillis(10));
        assertThatThrownBy(() -> manifest(Engine.JS, "main.js", Set.of(Hook.HANDLE_COMMAND), Set.of(), limits))
                .isInstanceOf(InvalidValue.class).hasMessageContaining("[validate_file]");
    }
}

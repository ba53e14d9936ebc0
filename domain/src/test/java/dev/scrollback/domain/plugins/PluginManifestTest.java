package dev.scrollback.domain.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrollback.domain.shared.InvalidValue;
import dev.scrollback.domain.shared.PluginName;
import java.time.Duration;
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

package dev.scrollback.domain.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrollback.domain.shared.InvalidValue;
import dev.scrollback.domain.shared.PluginName;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ManifestValuesTest {

    static void refused(String field, Runnable make) {
        assertThatThrownBy(make::run).isInstanceOf(InvalidValue.class)
                .satisfies(e -> assertThat(((InvalidValue) e).field()).isEqualTo(field));
    }

    // ---- names ----

    @Test
    void plugin_names_are_slugs() {
        assertThat(new PluginName("weather-bot").value()).isEqualTo("weather-bot");
        assertThat(new PluginName("a1").value()).isEqualTo("a1");
        assertThat(new PluginName("a" + "b".repeat(39)).value()).hasSize(40);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "1bot", "-bot", "bot-", "we--ather", "Weather", "weather bot", "weather_bot", "weather.bot",
            "../etc", "bot/x", "pаste", "ｂｏｔ", "bot\n", "bot\u0000", "bot\u200b", "abcdefghijklmnopqrstuvwxyz01234567890abcd"})
    void anything_else_is_not_a_plugin_name(String raw) {
        refused("name", () -> new PluginName(raw));
    }

    @Test
    void huge_or_missing_names_are_refused_too() {
        refused("name", () -> new PluginName(null));
        refused("name", () -> new PluginName("a".repeat(5_000_000)));
        assertThatThrownBy(() -> new PluginName("Bot")).hasMessageContaining("lower-case");
    }

    // ---- hooks and engines ----

    @Test
    void hooks_have_wire_names_default_deadlines_and_say_whether_they_may_veto() {
        assertThat(Arrays.stream(Hook.values()).map(Hook::wireName)).containsExactly("on_user_login", "on_message_post",
                "on_file_upload", "on_session_start", "on_session_end", "filter_message_content", "validate_file",
                "render_menu_item", "handle_command", "on_event", "on_schedule");
        assertThat(Hook.ON_EVENT.defaultDeadline()).isEqualTo(Duration.ofMillis(200));
        assertThat(Hook.ON_SCHEDULE.defaultDeadline()).isEqualTo(Duration.ofMillis(500));
        assertThat(Hook.FILTER_MESSAGE_CONTENT.defaultDeadline()).isEqualTo(Duration.ofMillis(50));
        assertThat(Hook.VALIDATE_FILE.defaultDeadline()).isEqualTo(Duration.ofMillis(50));
        assertThat(Hook.ON_USER_LOGIN.defaultDeadline()).isEqualTo(Duration.ofMillis(200));
        assertThat(Hook.HANDLE_COMMAND.defaultDeadline()).isEqualTo(Duration.ofMillis(500));
        assertThat(Hook.ON_MESSAGE_POST.defaultDeadline()).isEqualTo(Duration.ofMillis(100));
        assertThat(Hook.RENDER_MENU_ITEM.defaultDeadline()).isEqualTo(Duration.ofMillis(50));
        assertThat(Arrays.stream(Hook.values()).filter(Hook::mayVeto))
                .containsExactlyInAnyOrder(Hook.FILTER_MESSAGE_CONTENT, Hook.VALIDATE_FILE);
        assertThat(Arrays.stream(Hook.values()).allMatch(h ->
                h.defaultDeadline().compareTo(PluginLimits.DEADLINE_CEILING) <= 0)).isTrue();
    }

    @Test
    void hooks_and_engines_are_read_by_their_exact_wire_names() {
        assertThat(Hook.fromWireName("validate_file")).contains(Hook.VALIDATE_FILE);
        assertThat(Hook.fromWireName("VALIDATE_FILE")).isEmpty();
        assertThat(Hook.fromWireName("validate_file ")).isEmpty();
        assertThat(Hook.fromWireName(null)).isEmpty();
        assertThat(Hook.parse("handle_command")).isEqualTo(Hook.HANDLE_COMMAND);
        assertThatThrownBy(() -> Hook.parse("on_everything")).isInstanceOf(InvalidValue.class)
                .hasMessageContaining("known hooks are on_user_login, on_message_post").hasMessageContaining("handle_command");
        assertThat(Engine.parse("wasm")).isEqualTo(Engine.WASM);
        assertThat(Engine.JS.wireName()).isEqualTo("js");
        assertThat(Engine.fromWireName("lua")).isEmpty();
        refused("engine", () -> Engine.parse("WASM"));
    }

    // ---- entry points ----

    @Test
    void entry_points_are_relative_paths_inside_the_package() {
        assertThat(new EntryPoint("plugin.wasm").hasExtension(".wasm")).isTrue();
        assertThat(new EntryPoint("dist/main.js").hasExtension(".js")).isTrue();
        assertThat(new EntryPoint("dist/main.js").hasExtension(".wasm")).isFalse();
        assertThat(new EntryPoint("lib/.wasm").hasExtension(".wasm")).as("a bare extension is no file name").isFalse();
        assertThat(new EntryPoint("main.json").hasExtension(".js")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/plugin.wasm", "../plugin.wasm", "dist/../../etc/passwd", "./main.js", "dist/./main.js",
            "..", "dist//main.js", "dist/", "C:\\plugin.wasm", "dist\\main.js", "C:/plugin.wasm", "~/main.js",
            "main js", "mаin.js", "main.js\u0000.wasm", "%2e%2e/main.js", "main.js\n"})
    void anything_that_could_leave_the_package_is_refused(String raw) {
        refused("entry", () -> new EntryPoint(raw));
    }

    @Test
    void entry_points_are_bounded() {
        assertThat(new EntryPoint("a/".repeat(60) + "main.js").value()).hasSize(127);
        assertThatThrownBy(() -> new EntryPoint("a/".repeat(61) + "main.js")).hasMessageContaining("at most 128");
        refused("entry", () -> new EntryPoint("m".repeat(65) + ".js"));
        refused("entry", () -> new EntryPoint("../".repeat(1_000_000) + "main.js"));
        refused("entry", () -> new EntryPoint(null));
    }

    // ---- hosts and permissions ----

    @Test
    void hosts_are_lower_case_names_wildcards_or_ip_literals() {
        assertThat(new HostName("API.Example.org").value()).isEqualTo("api.example.org");
        assertThat(new HostName("xn--caf-dma.example").value()).isEqualTo("xn--caf-dma.example");
        assertThat(new HostName("*.example.org").isWildcard()).isTrue();
        assertThat(new HostName("192.0.2.7").value()).isEqualTo("192.0.2.7");
        assertThat(new HostName("2001:DB8::1").value()).isEqualTo("2001:db8::1");
        assertThat(new HostName("a-b.c-d.example").value()).isEqualTo("a-b.c-d.example");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "localhost", "example", "https://api.example.org", "api.example.org/v1", "api.example.org:443",
            "api.example.org.", ".example.org", "*", "*.org", "*.*.example.org", "api.*.example.org", "*example.org",
            "-api.example.org", "api-.example.org", "api..example.org", "api_x.example.org", "exаmple.org", "café.example",
            "ｅｘａｍｐｌｅ.org", "api example.org", "api.example.org\n", "user@example.org", "256.1.1.1", "1.2.3", "1.2.3.4.5",
            "010.0.0.1", "999.999.999.999", "1.2.3.04", "[::1]", "[::1]:80", "fe80::1%eth0", "::g", "1:2:3:4:5:6:7:8:9",
            "example.123"})
    void anything_else_is_no_host(String raw) {
        refused("host", () -> new HostName(raw));
    }

    @Test
    void hosts_are_bounded() {
        var label = "a".repeat(63);
        var longest = String.join(".", label, label, label, "a".repeat(61));
        assertThat(new HostName(longest).value()).hasSize(253);
        refused("host", () -> new HostName(longest + "a"));
        refused("host", () -> new HostName("a".repeat(64) + ".example"));
        refused("host", () -> new HostName("a.".repeat(1_000_000) + "org"));
        refused("host", () -> new HostName(null));
    }

    @Test
    void a_wildcard_covers_the_subdomains_of_its_name_but_not_the_name() {
        var wildcard = new HostName("*.example.org");
        assertThat(wildcard.covers(new HostName("api.example.org"))).isTrue();
        assertThat(wildcard.covers(new HostName("a.b.example.org"))).isTrue();
        assertThat(wildcard.covers(new HostName("example.org"))).isFalse();
        assertThat(wildcard.covers(new HostName("evilexample.org"))).isFalse();
        assertThat(wildcard.covers(new HostName("example.org.evil.net"))).isFalse();
        assertThat(new HostName("api.example.org").covers(new HostName("API.example.org"))).isTrue();
        assertThat(new HostName("api.example.org").covers(new HostName("www.example.org"))).isFalse();
        var http = new Permission.OutboundHttp(Set.of(wildcard, new HostName("192.0.2.7")));
        assertThat(http.allows(new HostName("cdn.example.org"))).isTrue();
        assertThat(http.allows(new HostName("192.0.2.8"))).isFalse();
    }

    @Test
    void permissions_have_wire_names_and_http_needs_hosts() {
        assertThat(new Permission.PostMessage().wireName()).isEqualTo("post_message");
        assertThat(new Permission.ReadUser().wireName()).isEqualTo("read_user");
        assertThat(new Permission.KeyValueStorage().wireName()).isEqualTo("kv_storage");
        var http = new Permission.OutboundHttp(Set.of(new HostName("b.example"), new HostName("a.example")));
        assertThat(http.wireName()).isEqualTo("http");
        assertThat(http.hosts()).extracting(HostName::value).containsExactly("a.example", "b.example");
        assertThat(Permission.Kind.parse("kv_storage")).isEqualTo(Permission.Kind.KV_STORAGE);
        refused("permission", () -> Permission.Kind.parse("root"));
        refused("http", () -> new Permission.OutboundHttp(Set.of()));
        refused("http", () -> new Permission.OutboundHttp(null));
        var many = new java.util.HashSet<HostName>();
        for (int i = 0; i < 33; i++) many.add(new HostName("h" + i + ".example"));
        refused("http", () -> new Permission.OutboundHttp(many));
    }

    // ---- limits ----

    @Test
    void limits_default_and_may_be_lowered_or_raised_up_to_their_ceilings() {
        var limits = PluginLimits.defaults();
        assertThat(limits.memoryBytes()).isEqualTo(16L << 20);
        assertThat(limits.wasmPages()).isEqualTo(256);
        assertThat(limits.deadline(Hook.HANDLE_COMMAND)).isEqualTo(Duration.ofMillis(500));
        var tuned = limits.withMemoryBytes(PluginLimits.MEMORY_CEILING).withMaxInputBytes(1).withMaxOutputBytes(PluginLimits.OUTPUT_CEILING)
                .withMaxLogBytesPerCall(0).withMaxKeyValueBytes(0).withStatementLimit(PluginLimits.STATEMENT_CEILING)
                .withStackDepth(PluginLimits.STACK_DEPTH_CEILING).withDeadline(Hook.HANDLE_COMMAND, PluginLimits.DEADLINE_CEILING)
                .withDeadline(Hook.VALIDATE_FILE, Duration.ofMillis(5));
        assertThat(tuned.deadline(Hook.HANDLE_COMMAND)).isEqualTo(Duration.ofSeconds(2));
        assertThat(tuned.deadline(Hook.VALIDATE_FILE)).isEqualTo(Duration.ofMillis(5));
        assertThat(tuned.deadline(Hook.ON_USER_LOGIN)).isEqualTo(Duration.ofMillis(200));
        assertThat(tuned.deadlines().keySet()).containsExactly(Hook.VALIDATE_FILE, Hook.HANDLE_COMMAND);
    }

    @Test
    void asking_for_more_than_a_ceiling_is_an_error_that_names_the_limit() {
        var limits = PluginLimits.defaults();
        assertThatThrownBy(() -> limits.withMemoryBytes(PluginLimits.MEMORY_CEILING + PluginLimits.WASM_PAGE))
                .isInstanceOf(InvalidValue.class).hasMessageContaining("memory_bytes asks for").hasMessageContaining("this BBS allows");
        assertThatThrownBy(() -> limits.withMemoryBytes(Long.MAX_VALUE)).hasMessageContaining("memory_bytes");
        assertThatThrownBy(() -> limits.withMemoryBytes(100_000)).hasMessageContaining("64 KiB pages");
        assertThatThrownBy(() -> limits.withMemoryBytes(0)).hasMessageContaining("at least");
        assertThatThrownBy(() -> limits.withMaxInputBytes(PluginLimits.INPUT_CEILING + 1)).hasMessageContaining("max_input_bytes");
        assertThatThrownBy(() -> limits.withMaxOutputBytes(0)).hasMessageContaining("max_output_bytes");
        assertThatThrownBy(() -> limits.withMaxLogBytesPerCall(-1)).hasMessageContaining("max_log_bytes_per_call");
        assertThatThrownBy(() -> limits.withMaxKeyValueBytes(Long.MAX_VALUE)).hasMessageContaining("max_kv_bytes");
        assertThatThrownBy(() -> limits.withStatementLimit(PluginLimits.STATEMENT_CEILING + 1)).hasMessageContaining("statement_limit");
        assertThatThrownBy(() -> limits.withStackDepth(Integer.MAX_VALUE)).hasMessageContaining("stack_depth");
        assertThatThrownBy(() -> limits.withDeadline(Hook.HANDLE_COMMAND, Duration.ofMillis(2001)))
                .hasMessageContaining("handle_command").hasMessageContaining("1 to 2000 ms");
        assertThatThrownBy(() -> limits.withDeadline(Hook.VALIDATE_FILE, Duration.ZERO)).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> limits.withDeadline(Hook.VALIDATE_FILE, Duration.ofMillis(-5))).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> limits.withDeadline(Hook.VALIDATE_FILE, Duration.ofDays(365_000))).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> new PluginLimits(PluginLimits.DEFAULT_MEMORY, 1, 1, 0, 0, 1, 1, null)).isInstanceOf(InvalidValue.class);
        assertThat(new PluginLimits(PluginLimits.DEFAULT_MEMORY, 1, 1, 0, 0, 1, 1, Map.of()).deadlines()).isEmpty();
    }

    // ---- texts ----

    @Test
    void descriptions_authors_and_licences_are_bounded_and_printable() {
        assertThat(new PluginDescription("  Posts the forecast.\r\nAsk it: /weather ").value())
                .isEqualTo("Posts the forecast.\nAsk it: /weather");
        assertThat(new PluginDescription("Cafe\u0301").value()).isEqualTo("Café");
        refused("description", () -> new PluginDescription(" "));
        refused("description", () -> new PluginDescription("d".repeat(501)));
        refused("description", () -> new PluginDescription("d".repeat(10_000_000)));
        refused("description", () -> new PluginDescription("\u001b[2Jgotcha"));
        refused("description", () -> new PluginDescription("admin\u202Etxt.exe"));
        assertThat(new PluginAuthor("Ada Ölund").value()).isEqualTo("Ada Ölund");
        refused("author", () -> new PluginAuthor("two\nlines"));
        refused("author", () -> new PluginAuthor("a".repeat(81)));
        refused("author", () -> new PluginAuthor(null));
        assertThat(new LicenseId("Apache-2.0").value()).isEqualTo("Apache-2.0");
        assertThat(new LicenseId("MIT OR Apache-2.0").value()).isEqualTo("MIT OR Apache-2.0");
        assertThat(new LicenseId("GPL-2.0-or-later WITH Classpath-exception-2.0").value()).contains("WITH");
        assertThat(new LicenseId("LicenseRef-acme").value()).isEqualTo("LicenseRef-acme");
        for (var bad : new String[] {"", " MIT", "MIT ", "MIT or Apache-2.0", "MIT  OR Apache-2.0", "(MIT OR Apache-2.0)", "MIT/X11",
                "MIT OR", "ΜΙΤ", "MIT\n", "a".repeat(65)}) {
            refused("license", () -> new LicenseId(bad));
        }
    }

    @Test
    void digests_and_key_ids_have_their_shapes() {
        var hex = "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08";
        assertThat(new PackageSha256(hex).hex()).isEqualTo(hex.toLowerCase(java.util.Locale.ROOT));
        refused("sha256", () -> new PackageSha256(hex.substring(1)));
        refused("sha256", () -> new PackageSha256(hex.substring(1) + "g"));
        refused("sha256", () -> new PackageSha256(null));
        refused("sha256", () -> new PackageSha256("９" + hex.substring(1)));
        assertThat(new PublisherKeyId("ed25519:4f2a9c").value()).isEqualTo("ed25519:4f2a9c");
        refused("publisherKey", () -> new PublisherKeyId(""));
        refused("publisherKey", () -> new PublisherKeyId("key id"));
        refused("publisherKey", () -> new PublisherKeyId("k".repeat(129)));
    }

    @Test
    void plugin_ids_read_only_their_canonical_form() {
        var text = "0195f0a0-0000-7000-8000-0000000000e0";
        assertThat(PluginId.parse(text).toString()).isEqualTo(text);
        for (var bad : new String[] {null, "", "1-2-3-4-5", text + "0", "not-a-uuid"}) {
            refused("pluginId", () -> PluginId.parse(bad));
        }
    }
}

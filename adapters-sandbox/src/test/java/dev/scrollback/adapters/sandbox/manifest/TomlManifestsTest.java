package dev.scrollback.adapters.sandbox.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.application.plugins.ManifestReader.Reading;
import dev.scrollback.domain.plugins.CronSchedule;
import dev.scrollback.domain.plugins.Engine;
import dev.scrollback.domain.plugins.EventTypeName;
import dev.scrollback.domain.plugins.Hook;
import dev.scrollback.domain.plugins.HostName;
import dev.scrollback.domain.plugins.Permission;
import dev.scrollback.domain.plugins.PluginLimits;
import dev.scrollback.domain.plugins.PluginManifest;
import dev.scrollback.domain.plugins.PluginTriggers;
import dev.scrollback.domain.plugins.PluginVersion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TomlManifestsTest {
    static final String MINIMAL = """
            name = "welcome"
            version = "1.0.0"
            requires = ">=0.1.0, <1.0.0"
            description = "Greets callers on their first login"
            author = "Keeper"
            license = "MIT"
            engine = "js"
            entry = "main.js"
            hooks = ["on_user_login"]
            """;

    final TomlManifests manifests = new TomlManifests();

    @Test
    void a_whole_manifest_is_read_with_its_permissions_and_limits() {
        var manifest = read("""
                name = "spam-filter"
                version = "1.2.0-rc.1"
                requires = "^0.1.0"
                description = "Rejects link spam"
                author = "Amiga"
                license = "Apache-2.0"
                engine = "wasm"
                entry = "plugin.wasm"
                hooks = ["filter_message_content", "on_message_post"]

                [permissions]
                post_message = true
                read_user = false
                kv_storage = true
                http = ["api.example.org", "*.example.net"]

                [limits]
                memory_bytes = 1048576
                max_output_bytes = 8192
                statement_limit = 5000
                [limits.deadlines]
                filter_message_content = 30
                """);

        assertThat(manifest.name().value()).isEqualTo("spam-filter");
        assertThat(manifest.version()).isEqualTo(PluginVersion.parse("1.2.0-rc.1"));
        assertThat(manifest.requires().contains(PluginVersion.parse("0.1.5"))).isTrue();
        assertThat(manifest.requires().contains(PluginVersion.parse("0.2.0"))).isFalse();
        assertThat(manifest.engine()).isEqualTo(Engine.WASM);
        assertThat(manifest.hooks()).containsExactlyInAnyOrder(Hook.FILTER_MESSAGE_CONTENT, Hook.ON_MESSAGE_POST);
        assertThat(manifest.grants(Permission.Kind.POST_MESSAGE)).isTrue();
        assertThat(manifest.grants(Permission.Kind.READ_USER)).as("false grants nothing").isFalse();
        assertThat(manifest.grants(Permission.Kind.KV_STORAGE)).isTrue();
        assertThat(manifest.httpHosts()).extracting(HostName::value).containsExactly("*.example.net", "api.example.org");
        assertThat(manifest.limits().memoryBytes()).isEqualTo(1_048_576);
        assertThat(manifest.limits().maxOutputBytes()).isEqualTo(8_192);
        assertThat(manifest.limits().maxInputBytes()).as("not asked: the default").isEqualTo(PluginLimits.DEFAULT_INPUT);
        assertThat(manifest.limits().deadline(Hook.FILTER_MESSAGE_CONTENT)).isEqualTo(Duration.ofMillis(30));
        assertThat(manifest.limits().deadline(Hook.ON_MESSAGE_POST)).isEqualTo(Hook.ON_MESSAGE_POST.defaultDeadline());
    }

    @Test
    void a_minimal_manifest_grants_nothing_and_takes_every_default_limit() {
        var manifest = read(MINIMAL);
        assertThat(manifest.permissions()).isEmpty();
        assertThat(manifest.limits()).isEqualTo(PluginLimits.defaults());
    }

    @Test
    void every_problem_is_said_at_once_each_naming_its_key() {
        var problems = refused("""
                name = "Bad Name"
                version = "1.0"
                requires = ">=0.1.0"
                description = "x"
                author = "Keeper"
                license = 42
                engine = "lua"
                entry = "../../etc/passwd.js"
                hooks = ["on_user_login", "on_reboot"]
                colour = "red"

                [permissions]
                post_message = "yes"
                http = []
                teleport = true

                [limits]
                memory_bytes = 1073741824
                stack_depth = 2.5
                """);

        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("name:"))
                .anySatisfy(p -> assertThat(p).startsWith("version:"))
                .anySatisfy(p -> assertThat(p).startsWith("license: must be text"))
                .anySatisfy(p -> assertThat(p).startsWith("engine:"))
                .anySatisfy(p -> assertThat(p).startsWith("entry:"))
                .anySatisfy(p -> assertThat(p).startsWith("hooks:").contains("on_reboot"))
                .anySatisfy(p -> assertThat(p).startsWith("colour: not a manifest key"))
                .anySatisfy(p -> assertThat(p).startsWith("permissions.post_message: must be true or false"))
                .anySatisfy(p -> assertThat(p).startsWith("permissions.http:"))
                .anySatisfy(p -> assertThat(p).startsWith("permissions.teleport: not a manifest key"))
                .anySatisfy(p -> assertThat(p).startsWith("limits:").contains("memory_bytes"))
                .anySatisfy(p -> assertThat(p).startsWith("limits.stack_depth: must be a whole number"));
    }

    @Test
    void required_keys_are_named_when_missing() {
        assertThat(refused("name = \"quiet\"\n")).contains("version: required", "requires: required", "description: required",
                "author: required", "license: required", "engine: required", "entry: required")
                .anySatisfy(p -> assertThat(p).startsWith("hooks: required"));
    }

    @Test
    void rules_across_keys_are_checked_once_each_key_is_valid() {
        assertThat(refused(MINIMAL.replace("entry = \"main.js\"", "entry = \"plugin.wasm\"")))
                .singleElement().asString().startsWith("entry:").contains(".js");
        assertThat(refused(MINIMAL + "[limits.deadlines]\nhandle_command = 100\n"))
                .singleElement().asString().startsWith("limits:").contains("handle_command");
        assertThat(refused(MINIMAL + "[limits.deadlines]\non_user_login = 60000\n"))
                .singleElement().asString().startsWith("limits:").contains("on_user_login");
    }

    @Test
    void triggers_name_event_types_and_cron_schedules_for_on_event_and_on_schedule() {
        var manifest = read(MINIMAL.replace("hooks = [\"on_user_login\"]", "hooks = [\"on_event\", \"on_schedule\"]") + """
                [triggers]
                events = ["LoginSucceeded", "ChatRoomCreated", "LoginSucceeded"]
                schedules = ["*/15 * * * *", "0  9 * * 1-5"]
                """);

        assertThat(manifest.triggers().events()).extracting(EventTypeName::value)
                .containsExactly("ChatRoomCreated", "LoginSucceeded");
        assertThat(manifest.triggers().schedules()).extracting(CronSchedule::expression)
                .containsExactly("*/15 * * * *", "0 9 * * 1-5");
        assertThat(read(MINIMAL).triggers()).isEqualTo(PluginTriggers.none());
    }

    @Test
    void triggers_that_name_nothing_real_or_do_not_match_the_hooks_are_refused_each_with_why() {
        var withTriggers = MINIMAL.replace("hooks = [\"on_user_login\"]", "hooks = [\"on_event\", \"on_schedule\"]");
        assertThat(refused(withTriggers + """
                [triggers]
                events = ["chat room created", 7]
                schedules = ["61 * * * *", "* * * *", "0 0 31 2 *", "@daily", 5]
                when = "now"
                """)).anySatisfy(p -> assertThat(p).startsWith("triggers.events: \"chat room created\""))
                .anySatisfy(p -> assertThat(p).isEqualTo("triggers.events: every entry must be text in quotes"))
                .anySatisfy(p -> assertThat(p).startsWith("triggers.schedules: \"61 * * * *\" is not a cron schedule"))
                .anySatisfy(p -> assertThat(p).startsWith("triggers.schedules: \"* * * *\" must be cron expressions"))
                .anySatisfy(p -> assertThat(p).isEqualTo("triggers.schedules: \"0 0 31 2 *\" never fires"))
                .anySatisfy(p -> assertThat(p).startsWith("triggers.schedules: \"@daily\""))
                .anySatisfy(p -> assertThat(p).isEqualTo("triggers.schedules: every entry must be text in quotes"))
                .anySatisfy(p -> assertThat(p).startsWith("triggers.when: not a manifest key"));
        assertThat(refused(withTriggers)).singleElement().asString().startsWith("events: must name the event types");
        assertThat(refused(MINIMAL + "[triggers]\nschedules = [\"* * * * *\"]\n")).singleElement().asString()
                .isEqualTo("schedules: are given, but the plugin does not use on_schedule");
    }

    @Test
    void hostile_input_is_refused_with_a_reason_and_never_read_past_its_bounds() {
        assertThat(refused(new byte[TomlManifests.MAX_BYTES + 1])).singleElement().asString().contains("at most");
        assertThat(refused(new byte[] {'n', 'a', 'm', 'e', '=', '"', (byte) 0xC3, (byte) 0x28, '"'}))
                .containsExactly("the manifest is not UTF-8 text");
        assertThat(refused("")).containsExactly("the manifest is empty");
        assertThat(refused("name = \"a\"\nname = \"b\"\n")).singleElement().asString().startsWith("not TOML at line ")
                .contains("Duplicate key");
        assertThat(refused("name = \n")).singleElement().asString().startsWith("not TOML at line 1");
        assertThat(refused("a" + ".a".repeat(40) + " = 1\n")).singleElement().asString().contains("too deep");
        assertThat(refused(MINIMAL + "[limits]\nmemory_bytes = 999999999999999999999999999\n"))
                .singleElement().asString().contains("line 11").contains("exceeds the maximum");
        assertThat(refused(MINIMAL.replace("\"Greets callers on their first login\"", "\"" + "x".repeat(5_000) + "\"")))
                .singleElement().asString().contains("too long a value");
        assertThat(refused("hooks = [[[[[[[[[[[\"on_user_login\"]]]]]]]]]]]\n")).singleElement().asString().contains("too deep");
    }

    private PluginManifest read(String toml) {
        var reading = manifests.read(toml.getBytes(StandardCharsets.UTF_8));
        assertThat(reading).isInstanceOf(Reading.Read.class);
        return ((Reading.Read) reading).manifest();
    }

    private List<String> refused(String toml) {
        return refused(toml.getBytes(StandardCharsets.UTF_8));
    }

    private List<String> refused(byte[] toml) {
        var reading = manifests.read(toml);
        assertThat(reading).isInstanceOf(Reading.Refused.class);
        return ((Reading.Refused) reading).problems();
    }
}

package dev.scrollback.adapters.sandbox.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.sandbox.wasm.Wat;
import dev.scrollback.adapters.sandbox.watchdog.Watchdog;
import dev.scrollback.application.plugins.PluginScanner.Verdict;
import dev.scrollback.domain.plugins.Engine;
import dev.scrollback.domain.plugins.EntryPoint;
import dev.scrollback.domain.plugins.Hook;
import dev.scrollback.domain.plugins.LicenseId;
import dev.scrollback.domain.plugins.Permission;
import dev.scrollback.domain.plugins.PluginAuthor;
import dev.scrollback.domain.plugins.PluginDescription;
import dev.scrollback.domain.plugins.PluginLimits;
import dev.scrollback.domain.plugins.PluginManifest;
import dev.scrollback.domain.plugins.PluginVersion;
import dev.scrollback.domain.plugins.VersionRange;
import dev.scrollback.domain.shared.PluginName;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The scan of a submitted package: the module against what its manifest asks for, nothing run. */
class SandboxScannerTest {
    final Watchdog watchdog = Watchdog.start("scanner-test-watchdog");
    final SandboxScanner scanner = new SandboxScanner(watchdog);

    @AfterEach
    void stop() {
        scanner.close();
        watchdog.close();
    }

    @Test
    void a_module_that_imports_only_what_its_manifest_grants_and_exports_its_hooks_passes() {
        var verdict = scanner.scan(manifest(Set.of(Hook.FILTER_MESSAGE_CONTENT), Set.of(new Permission.KeyValueStorage())),
                Wat.module("filter"));
        assertThat(verdict).isEqualTo(new Verdict(true, java.util.List.of()));
    }

    @Test
    void a_module_is_refused_for_an_import_its_manifest_does_not_grant_and_for_a_hook_it_does_not_export() {
        var verdict = scanner.scan(manifest(Set.of(Hook.FILTER_MESSAGE_CONTENT, Hook.HANDLE_COMMAND), Set.of()),
                Wat.module("filter"));
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.findings()).anySatisfy(f -> assertThat(f).contains("var_set"))
                .anySatisfy(f -> assertThat(f).contains("handle_command"));
    }

    @Test
    void hostile_modules_are_refused_with_every_reason() {
        var manifest = manifest(Set.of(Hook.FILTER_MESSAGE_CONTENT), Set.of());
        for (var module : new String[] {"bad_imports", "huge_initial", "no_max", "huge_table", "start"}) {
            assertThat(scanner.scan(manifest, Wat.module(module)).passed()).as(module).isFalse();
        }
        assertThat(scanner.scan(manifest, Wat.module("two_memories", "--enable-multi-memory")).passed()).isFalse();
        assertThat(scanner.scan(manifest, new byte[] {0, 'a', 's', 'm', 9, 9}).findings()).isNotEmpty();
    }

    @Test
    void the_manifest_can_tighten_the_memory_cap_never_loosen_it() {
        var tight = manifest(Set.of(Hook.FILTER_MESSAGE_CONTENT), Set.of(new Permission.KeyValueStorage()),
                PluginLimits.defaults().withMemoryBytes(2 * PluginLimits.WASM_PAGE));
        assertThat(scanner.scan(tight, Wat.module("filter")).findings()).as("the module declares up to 4 pages")
                .anySatisfy(f -> assertThat(f).contains("memory"));
        assertThat(WasmPolicies.of(manifest(Set.of(Hook.FILTER_MESSAGE_CONTENT), Set.of(),
                PluginLimits.defaults().withMemoryBytes(PluginLimits.MEMORY_CEILING))).limits().maxMemoryPages())
                .as("64 MiB asked (the BBS ceiling), 64 MiB granted: the manifest, held to the ceilings, decides").isEqualTo(1024);
    }

    @Test
    void a_script_is_parsed_and_never_run() {
        var manifest = script(Set.of(Hook.ON_USER_LOGIN));
        assertThat(scanner.scan(manifest, bytes("function on_user_login(input) { return 'Welcome, ' + input; }")))
                .isEqualTo(new Verdict(true, java.util.List.of()));
        assertThat(scanner.scan(manifest, bytes("while (true) {} function on_user_login() {}")).passed())
                .as("it would loop if it ran: the scan does not run it").isTrue();
        assertThat(scanner.scan(manifest, bytes("function on_user_login( { return 1 }")).findings())
                .singleElement().asString().startsWith("the script does not parse");
        assertThat(scanner.scan(manifest, new byte[300 * 1024]).findings()).anySatisfy(f -> assertThat(f).contains("over the limit"));
    }

    private static PluginManifest script(Set<Hook> hooks) {
        return new PluginManifest(new PluginName("welcome"), PluginVersion.parse("1.0.0"), VersionRange.parse("^0.1.0"),
                new PluginDescription("Greets"), new PluginAuthor("Keeper"), new LicenseId("MIT"), Engine.JS,
                new EntryPoint("main.js"), hooks, Set.of(), PluginLimits.defaults());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static PluginManifest manifest(Set<Hook> hooks, Set<Permission> permissions) {
        return manifest(hooks, permissions, PluginLimits.defaults());
    }

    private static PluginManifest manifest(Set<Hook> hooks, Set<Permission> permissions, PluginLimits limits) {
        return new PluginManifest(new PluginName("spam-filter"), PluginVersion.parse("1.0.0"), VersionRange.parse("^0.1.0"),
                new PluginDescription("Rejects link spam"), new PluginAuthor("Amiga"), new LicenseId("MIT"), Engine.WASM,
                new EntryPoint("plugin.wasm"), hooks, permissions, limits);
    }
}

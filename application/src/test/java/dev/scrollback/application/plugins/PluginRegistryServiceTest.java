package dev.scrollback.application.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.accounts.CredentialDenied;
import dev.scrollback.application.shared.ControlledClock;
import dev.scrollback.application.shared.CountingRateLimiter;
import dev.scrollback.application.shared.InMemoryEventLog;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.RateLimited;
import dev.scrollback.domain.accounts.ApiKeyId;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.accounts.Scope;
import dev.scrollback.domain.plugins.Engine;
import dev.scrollback.domain.plugins.EntryPoint;
import dev.scrollback.domain.plugins.Hook;
import dev.scrollback.domain.plugins.LicenseId;
import dev.scrollback.domain.plugins.PackageSha256;
import dev.scrollback.domain.plugins.PluginAuthor;
import dev.scrollback.domain.plugins.PluginDescription;
import dev.scrollback.domain.plugins.PluginEvent.PluginApproved;
import dev.scrollback.domain.plugins.PluginEvent.PluginPublished;
import dev.scrollback.domain.plugins.PluginEvent.PluginScanned;
import dev.scrollback.domain.plugins.PluginEvent.PluginSubmitted;
import dev.scrollback.domain.plugins.PluginEvent;
import dev.scrollback.domain.plugins.PluginId;
import dev.scrollback.domain.plugins.PluginLimits;
import dev.scrollback.domain.plugins.PluginManifest;
import dev.scrollback.domain.plugins.PluginRejected;
import dev.scrollback.domain.plugins.PluginVersion;
import dev.scrollback.domain.plugins.PublisherKeyId;
import dev.scrollback.domain.plugins.VersionRange;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.PluginName;
import dev.scrollback.domain.shared.RemoteAddress;
import dev.scrollback.domain.shared.SessionId;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Submitting a plugin with its scan, and the sysop's review, on an in-memory log. */
class PluginRegistryServiceTest {
    static final Origin WEB = Origin.of(Channel.WEB, new RemoteAddress("192.0.2.7"));
    static final PluginManifest MANIFEST = new PluginManifest(new PluginName("spam-filter"), PluginVersion.parse("1.0.0"),
            VersionRange.parse("^0.1.0"), new PluginDescription("Rejects link spam"), new PluginAuthor("Amiga"),
            new LicenseId("MIT"), Engine.WASM, new EntryPoint("plugin.wasm"), Set.of(Hook.FILTER_MESSAGE_CONTENT), Set.of(),
            PluginLimits.defaults());

    final ControlledClock clock = ControlledClock.at("2026-11-24T20:00:00Z");
    final InMemoryEventLog log = new InMemoryEventLog();
    final Map<PackageSha256, PluginPackage> kept = new HashMap<>();
    final PluginPackageStore store = new PluginPackageStore() {
        @Override
        public void keep(PluginPackage content) {
            kept.put(content.sha256(), content);
        }

        @Override
        public Optional<PluginPackage> find(PackageSha256 sha256) {
            return Optional.ofNullable(kept.get(sha256));
        }
    };
    /** Reads "ok" as the manifest above and anything else as a refusal. */
    final ManifestReader manifests = bytes -> new String(bytes, StandardCharsets.UTF_8).equals("ok")
            ? new ManifestReader.Reading.Read(MANIFEST)
            : new ManifestReader.Reading.Refused(List.of("name: required", "hooks: required"));
    /**
     * Fails code that starts with "bad", as a module check would refuse an import (starts with: "bad" is also hex, and a
     * random UUID in a good module's text held it once in a while).
     */
    final PluginScanner scanner = (manifest, code) -> new String(code, StandardCharsets.UTF_8).startsWith("bad")
            ? new PluginScanner.Verdict(false, List.of("imports var_set, which needs kv_storage"))
            : new PluginScanner.Verdict(true, List.of());
    /** Knows one publisher, whose signature over any hash is the bytes "signed by keeper". */
    final PublisherSignatures signatures = (sha256, signature) -> new String(signature, StandardCharsets.UTF_8)
            .equals("signed by keeper") ? Optional.of(new PublisherKeyId("keeper-key")) : Optional.empty();
    final Plugins plugins = new Plugins();
    final PluginRegistryService registry = new PluginRegistryService(log, plugins, manifests, scanner, store, signatures,
            new RunningVersion(PluginVersion.parse("0.1.0")), new CountingRateLimiter(clock), clock);

    final Caller amiga = caller("Amiga", Role.MEMBER);
    final Caller keeper = caller("Keeper", Role.SYSOP);

    @Test
    void a_member_submits_a_package_that_is_kept_by_its_hash_and_scanned_at_once() {
        var content = new PluginPackage(bytes("ok"), bytes("(module)"));

        var submitted = registry.submit(amiga, content, WEB);

        assertThat(submitted.passed()).isTrue();
        assertThat(log.events()).hasSize(2).satisfiesExactly(
                e -> assertThat(e).isInstanceOfSatisfying(PluginSubmitted.class, s -> {
                    assertThat(s.plugin()).isEqualTo(submitted.plugin());
                    assertThat(s.sha256()).isEqualTo(content.sha256());
                    assertThat(s.submittedByHandle()).isEqualTo(amiga.handle());
                }),
                e -> assertThat(e).isInstanceOfSatisfying(PluginScanned.class, s -> assertThat(s.passed()).isTrue()));
        assertThat(log.recorded().get(0).metadata().actor().kind().wireName()).isEqualTo("user");
        assertThat(log.recorded().get(1).metadata().actor().kind().wireName()).as("the scanner").isEqualTo("system");
        assertThat(store.find(content.sha256())).contains(content);
        assertThat(projected().find(submitted.plugin())).hasValueSatisfying(
                entry -> assertThat(entry.status()).isEqualTo(Plugins.Status.SCANNED));
    }

    @Test
    void a_failed_scan_is_recorded_with_what_it_found_and_cannot_be_approved() {
        var submitted = registry.submit(amiga, new PluginPackage(bytes("ok"), bytes("bad module")), WEB);

        assertThat(submitted.passed()).isFalse();
        assertThat(submitted.findings()).containsExactly("imports var_set, which needs kv_storage");
        assertThatThrownBy(() -> registry.approve(keeper, submitted.plugin(), WEB)).isInstanceOf(PluginRejected.class);
        assertThat(projected().find(submitted.plugin())).hasValueSatisfying(entry -> {
            assertThat(entry.status()).isEqualTo(Plugins.Status.SCAN_FAILED);
            assertThat(entry.findings()).containsExactly("imports var_set, which needs kv_storage");
        });
    }

    @Test
    void a_manifest_that_cannot_be_read_is_refused_with_every_problem_and_nothing_is_recorded_or_kept() {
        assertThatThrownBy(() -> registry.submit(amiga, new PluginPackage(bytes("name ="), bytes("(module)")), WEB))
                .isInstanceOfSatisfying(PluginPackageRefused.class,
                        refused -> assertThat(refused.problems()).containsExactly("name: required", "hooks: required"));
        assertThat(log.events()).isEmpty();
        assertThat(kept).isEmpty();
    }

    @Test
    void a_sysop_approves_then_publishes_and_repeats_record_nothing() {
        var content = new PluginPackage(bytes("ok"), bytes("(module)"));
        var plugin = registry.submit(amiga, content, WEB).plugin();

        assertThat(registry.approve(keeper, plugin, WEB)).isTrue();
        assertThat(registry.approve(keeper, plugin, WEB)).as("again").isFalse();
        assertThat(registry.publish(keeper, plugin, WEB)).isTrue();
        assertThat(registry.publish(keeper, plugin, WEB)).as("again").isFalse();

        assertThat(log.events()).filteredOn(e -> e instanceof PluginApproved || e instanceof PluginPublished).hasSize(2);
        assertThat(projected().find(plugin)).hasValueSatisfying(entry -> {
            assertThat(entry.status()).isEqualTo(Plugins.Status.PUBLISHED);
            assertThat(entry.sha256()).as("kept through every step").isEqualTo(content.sha256());
        });
    }

    @Test
    void only_a_sysop_reviews_and_a_guest_cannot_submit() {
        var plugin = registry.submit(amiga, new PluginPackage(bytes("ok"), bytes("(module)")), WEB).plugin();

        assertThatThrownBy(() -> registry.approve(amiga, plugin, WEB)).isInstanceOf(PluginRejected.class);
        assertThatThrownBy(() -> registry.submit(caller("Visitor", Role.GUEST), new PluginPackage(bytes("ok"), bytes("x")), WEB))
                .isInstanceOf(PluginRejected.class);
        assertThatThrownBy(() -> registry.approve(keeper, new PluginId(UUID.randomUUID()), WEB)).as("unknown")
                .isInstanceOf(PluginRejected.class);
    }

    @Test
    void submissions_are_limited_per_account() {
        for (int i = 0; i < 10; i++) registry.submit(amiga, new PluginPackage(bytes("ok"), bytes("(module " + i + ")")), WEB);
        assertThatThrownBy(() -> registry.submit(amiga, new PluginPackage(bytes("ok"), bytes("(module)")), WEB))
                .isInstanceOf(RateLimited.class);
    }

    @Test
    void a_package_is_bounded_and_its_hash_covers_both_parts() {
        assertThatThrownBy(() -> new PluginPackage(new byte[PluginPackage.MAX_MANIFEST_BYTES + 1], bytes("x")))
                .hasMessageContaining("at most");
        assertThatThrownBy(() -> new PluginPackage(bytes("ok"), new byte[PluginPackage.MAX_CODE_BYTES + 1]))
                .hasMessageContaining("at most");
        assertThatThrownBy(() -> new PluginPackage(bytes("ok"), new byte[0])).hasMessageContaining("no code");
        assertThat(new PluginPackage(bytes("ab"), bytes("c")).sha256())
                .as("moving a byte between the parts changes the hash")
                .isNotEqualTo(new PluginPackage(bytes("a"), bytes("bc")).sha256());
    }

    @Test
    void the_registry_is_listed_to_sysops_only_with_the_hash_a_publisher_signs() {
        var content = new PluginPackage(bytes("ok"), bytes("(module)"));
        var plugin = registry.submit(amiga, content, WEB).plugin();
        projected();

        assertThat(registry.list(keeper)).singleElement().satisfies(entry -> {
            assertThat(entry.id()).isEqualTo(plugin);
            assertThat(entry.name().value()).isEqualTo("spam-filter");
            assertThat(entry.submittedBy()).isEqualTo(amiga.handle());
            assertThat(entry.sha256()).isEqualTo(content.sha256());
        });
        assertThatThrownBy(() -> registry.list(amiga)).isInstanceOf(PluginRejected.class);
    }

    @Test
    void a_published_plugin_is_installed_only_with_a_trusted_signature_then_enabled_disabled_and_uninstalled() {
        var plugin = published();

        assertThatThrownBy(() -> registry.install(keeper, plugin, bytes("forged"), WEB)).isInstanceOf(PluginSignatureRefused.class);
        assertThatThrownBy(() -> registry.install(amiga, plugin, bytes("signed by keeper"), WEB)).isInstanceOf(PluginRejected.class);
        assertThat(registry.install(keeper, plugin, bytes("signed by keeper"), WEB)).contains(new PublisherKeyId("keeper-key"));
        assertThat(registry.install(keeper, plugin, bytes("signed by keeper"), WEB)).as("again").isEmpty();
        assertThat(registry.enable(keeper, plugin, WEB)).isTrue();
        assertThat(registry.enable(keeper, plugin, WEB)).as("again").isFalse();
        assertThat(registry.disable(keeper, plugin, WEB)).isTrue();
        assertThat(registry.uninstall(keeper, plugin, WEB)).isTrue();

        assertThat(log.events()).filteredOn(e -> e instanceof PluginEvent.PluginInstalled).singleElement()
                .satisfies(e -> assertThat(((PluginEvent.PluginInstalled) e).publisherKey()).isEqualTo(new PublisherKeyId("keeper-key")));
        assertThat(projected().find(plugin)).hasValueSatisfying(entry -> assertThat(entry.status()).isEqualTo(Plugins.Status.UNINSTALLED));
    }

    @Test
    void installing_needs_the_package_that_was_approved_and_a_bbs_in_its_range() {
        var plugin = published();
        kept.clear();                                              // the package went missing from the store
        assertThatThrownBy(() -> registry.install(keeper, plugin, bytes("signed by keeper"), WEB))
                .isInstanceOf(PluginSignatureRefused.class).hasMessageContaining("no longer kept");

        var newer = new PluginRegistryService(log, plugins, manifests, scanner, store, signatures,
                new RunningVersion(PluginVersion.parse("1.0.0")), new CountingRateLimiter(clock), clock);
        var other = published();
        assertThatThrownBy(() -> newer.install(keeper, other, bytes("signed by keeper"), WEB)).as("^0.1.0 excludes 1.0.0")
                .isInstanceOf(PluginRejected.class);
    }

    @Test
    void findings_are_made_one_line_each_and_bounded_whatever_the_scanner_says() {
        var verdict = new PluginScanner.Verdict(false, java.util.Collections.nCopies(150, "line one\nline two\u2028\t" + "x".repeat(400)));
        assertThat(verdict.findings()).hasSize(100).last().asString().isEqualTo("… and 51 more");
        assertThat(verdict.findings().getFirst()).startsWith("line one line two x").hasSize(300).doesNotContain("\n");
        assertThat(new PluginScanner.Verdict(false, List.of("\n\n")).findings()).containsExactly("(an empty finding)");
    }

    @Test
    void a_scanner_that_throws_leaves_nothing_recorded_or_kept() {
        PluginScanner broken = (manifest, code) -> { throw new IllegalStateException("the engine is gone"); };
        var failing = new PluginRegistryService(log, plugins, manifests, broken, store, signatures,
                new RunningVersion(PluginVersion.parse("0.1.0")), new CountingRateLimiter(clock), clock);
        assertThatThrownBy(() -> failing.submit(amiga, new PluginPackage(bytes("ok"), bytes("(module)")), WEB))
                .isInstanceOf(IllegalStateException.class);
        assertThat(log.events()).isEmpty();
        assertThat(kept).isEmpty();
    }

    @Test
    void a_sysop_rescans_a_submission_before_review_and_a_changed_verdict_is_recorded() {
        var submitted = registry.submit(amiga, new PluginPackage(bytes("ok"), bytes("bad module")), WEB);
        assertThat(submitted.passed()).isFalse();

        assertThat(registry.rescan(keeper, submitted.plugin(), WEB).passed()).as("same scanner, same verdict").isFalse();
        assertThat(log.events()).filteredOn(e -> e instanceof PluginScanned).hasSize(1);

        var fixedScanner = new PluginRegistryService(log, plugins, manifests, (manifest, code) -> new PluginScanner.Verdict(true,
                List.of()), store, signatures, new RunningVersion(PluginVersion.parse("0.1.0")), new CountingRateLimiter(clock), clock);
        assertThat(fixedScanner.rescan(keeper, submitted.plugin(), WEB).passed()).isTrue();
        assertThat(log.events()).filteredOn(e -> e instanceof PluginScanned).hasSize(2);
        assertThat(registry.approve(keeper, submitted.plugin(), WEB)).isTrue();
        assertThatThrownBy(() -> registry.rescan(keeper, submitted.plugin(), WEB)).as("approved: the scan stays")
                .isInstanceOf(PluginRejected.class);
        assertThatThrownBy(() -> registry.rescan(amiga, submitted.plugin(), WEB)).isInstanceOf(PluginRejected.class);
    }

    @Test
    void api_keys_take_no_part_in_the_registry_whatever_their_scopes() {
        var plugin = registry.submit(amiga, new PluginPackage(bytes("ok"), bytes("(module)")), WEB).plugin();
        var memberKey = Caller.withApiKey(amiga.account(), amiga.handle(), new ApiKeyId(UUID.randomUUID()),
                Set.of(Scope.BOARDS_WRITE), amiga.roles());
        var sysopKey = Caller.withApiKey(keeper.account(), keeper.handle(), new ApiKeyId(UUID.randomUUID()),
                Set.of(Scope.ADMIN), keeper.roles());

        assertThatThrownBy(() -> registry.submit(memberKey, new PluginPackage(bytes("ok"), bytes("(module)")), WEB))
                .isInstanceOf(CredentialDenied.class);
        assertThatThrownBy(() -> registry.approve(sysopKey, plugin, WEB)).isInstanceOf(CredentialDenied.class);
        assertThatThrownBy(() -> registry.install(sysopKey, plugin, bytes("signed by keeper"), WEB)).isInstanceOf(CredentialDenied.class);
        assertThatThrownBy(() -> registry.list(sysopKey)).isInstanceOf(CredentialDenied.class);
    }

    private PluginId published() {
        var submitted = registry.submit(amiga, new PluginPackage(bytes("ok"), bytes("(module " + UUID.randomUUID() + ")")), WEB);
        registry.approve(keeper, submitted.plugin(), WEB);
        registry.publish(keeper, submitted.plugin(), WEB);
        return submitted.plugin();
    }

    private Plugins projected() {
        log.events().forEach(plugins::feed);
        return plugins;
    }

    private static Caller caller(String handle, Role role) {
        return new Caller(new AccountId(UUID.randomUUID()), new Handle(handle), new SessionId(UUID.randomUUID()), Set.of(role));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

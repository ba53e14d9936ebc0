package dev.scrollback.domain.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.plugins.PluginCommand.Approve;
import dev.scrollback.domain.plugins.PluginCommand.Disable;
import dev.scrollback.domain.plugins.PluginCommand.Enable;
import dev.scrollback.domain.plugins.PluginCommand.Fault;
import dev.scrollback.domain.plugins.PluginCommand.Install;
import dev.scrollback.domain.plugins.PluginCommand.Publish;
import dev.scrollback.domain.plugins.PluginCommand.RecordScan;
import dev.scrollback.domain.plugins.PluginCommand.Submit;
import dev.scrollback.domain.plugins.PluginCommand.Uninstall;
import dev.scrollback.domain.plugins.PluginEvent.DisableReason;
import dev.scrollback.domain.plugins.PluginEvent.PluginApproved;
import dev.scrollback.domain.plugins.PluginEvent.PluginDisabled;
import dev.scrollback.domain.plugins.PluginEvent.PluginEnabled;
import dev.scrollback.domain.plugins.PluginEvent.PluginFaulted;
import dev.scrollback.domain.plugins.PluginEvent.PluginInstalled;
import dev.scrollback.domain.plugins.PluginEvent.PluginPublished;
import dev.scrollback.domain.plugins.PluginEvent.PluginScanned;
import dev.scrollback.domain.plugins.PluginEvent.PluginSubmitted;
import dev.scrollback.domain.plugins.PluginEvent.PluginUninstalled;
import dev.scrollback.domain.plugins.PluginRejected.AlreadyReviewed;
import dev.scrollback.domain.plugins.PluginRejected.AlreadySubmitted;
import dev.scrollback.domain.plugins.PluginRejected.IncompatibleBbs;
import dev.scrollback.domain.plugins.PluginRejected.NoSuchPlugin;
import dev.scrollback.domain.plugins.PluginRejected.NotAllowed;
import dev.scrollback.domain.plugins.PluginRejected.NotApproved;
import dev.scrollback.domain.plugins.PluginRejected.NotInstalled;
import dev.scrollback.domain.plugins.PluginRejected.NotPublished;
import dev.scrollback.domain.plugins.PluginRejected.NotScanned;
import dev.scrollback.domain.plugins.PluginRejected.ScanFailed;
import dev.scrollback.domain.plugins.PluginState.Installed;
import dev.scrollback.domain.plugins.PluginState.Submitted;
import dev.scrollback.domain.plugins.PluginState.Uninstalled;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.DeciderSpec;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.InvalidValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PluginDeciderTest {
    static final Instant T0 = Instant.parse("2031-05-01T12:00:00Z");
    static final PluginId PLUGIN = new PluginId(UUID.fromString("0195f0a0-0000-7000-8000-0000000000e0"));
    static final PackageSha256 SHA = new PackageSha256("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
    static final PackageSha256 OTHER_SHA = new PackageSha256("0".repeat(64));
    static final PublisherKeyId KEY = new PublisherKeyId("ed25519:4f2a9c");
    static final PluginVersion BBS = PluginVersion.parse("0.1.4");

    static final PluginActor ROOT = person("Keeper", 1, Role.SYSOP, Role.MEMBER);
    static final PluginActor MOD = person("Mod", 2, Role.MODERATOR, Role.MEMBER);
    static final PluginActor ADA = person("Ada", 3, Role.MEMBER);
    static final PluginActor GUEST = person("Newbie", 4, Role.GUEST);

    static final PluginManifest MANIFEST = PluginManifestTest.weather();
    static final PluginSubmitted SUBMITTED = new PluginSubmitted(PLUGIN, MANIFEST.name(), MANIFEST.version(), MANIFEST.requires(),
            MANIFEST.description(), MANIFEST.author(), MANIFEST.license(), MANIFEST.engine(), MANIFEST.entryPoint(), MANIFEST.hooks(),
            Set.of(Permission.Kind.HTTP, Permission.Kind.POST_MESSAGE), MANIFEST.httpHosts(), MANIFEST.limits(), MANIFEST.triggers(), SHA,
            ADA.account(), ADA.handle(), T0);
    static final PluginScanned PASSED = new PluginScanned(PLUGIN, true, List.of("uses 2 of 4 granted imports"), T0.plusSeconds(1));
    static final PluginScanned FAILED = new PluginScanned(PLUGIN, false, List.of("imports wasi fd_write"), T0.plusSeconds(1));
    static final PluginApproved APPROVED = new PluginApproved(PLUGIN, ROOT.account(), ROOT.handle(), T0.plusSeconds(2));
    static final PluginPublished PUBLISHED = new PluginPublished(PLUGIN, ROOT.account(), ROOT.handle(), T0.plusSeconds(3));
    static final PluginInstalled INSTALLED = new PluginInstalled(PLUGIN, MANIFEST.name(), MANIFEST.version(), KEY, ROOT.account(),
            ROOT.handle(), T0.plusSeconds(4));
    static final PluginEnabled ENABLED = new PluginEnabled(PLUGIN, ROOT.account(), ROOT.handle(), T0.plusSeconds(5));
    static final PluginUninstalled UNINSTALLED = new PluginUninstalled(PLUGIN, ROOT.account(), ROOT.handle(), T0.plusSeconds(6));

    static final List<PluginEvent> UP_TO_PUBLISHED = List.of(SUBMITTED, PASSED, APPROVED, PUBLISHED);
    static final List<PluginEvent> UP_TO_INSTALLED = List.of(SUBMITTED, PASSED, APPROVED, PUBLISHED, INSTALLED);
    static final List<PluginEvent> UP_TO_ENABLED = List.of(SUBMITTED, PASSED, APPROVED, PUBLISHED, INSTALLED, ENABLED);

    final DeciderSpec<PluginCommand, PluginState, PluginEvent> spec = new DeciderSpec<>(new PluginDecider());

    static PluginActor person(String handle, int n, Role... roles) {
        return new PluginActor(new AccountId(new UUID(0x0195f0a0_0000_7000L, 0x8000_0000_0000_0000L + n)), new Handle(handle),
                Set.of(roles));
    }

    static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    static List<PluginEvent> with(List<PluginEvent> history, PluginEvent... more) {
        var all = new ArrayList<>(history);
        all.addAll(List.of(more));
        return all;
    }

    static PluginFaulted faulted(Instant at) {
        return new PluginFaulted(PLUGIN, Hook.HANDLE_COMMAND, FaultKind.TIMEOUT, "ran past 1000 ms", at);
    }

    static Fault fault(Instant at) {
        return new Fault(Hook.HANDLE_COMMAND, FaultKind.TIMEOUT, "ran past 1000 ms", at);
    }

    // ---- submitting ----

    @Test
    void any_member_submits_a_plugin_with_its_manifest_and_package_digest() {
        spec.given().when(new Submit(PLUGIN, MANIFEST, SHA, ADA, T0)).then(SUBMITTED)
                .thenStateSatisfies(state -> assertThat(state).isEqualTo(new Submitted(SUBMITTED, Optional.empty())));
        assertThat(SUBMITTED.manifest()).isEqualTo(MANIFEST);
        spec.given().when(new Submit(PLUGIN, MANIFEST, SHA, ROOT, T0))
                .then(new PluginSubmitted(PLUGIN, MANIFEST.name(), MANIFEST.version(), MANIFEST.requires(), MANIFEST.description(),
                        MANIFEST.author(), MANIFEST.license(), MANIFEST.engine(), MANIFEST.entryPoint(), MANIFEST.hooks(),
                        Set.of(Permission.Kind.POST_MESSAGE, Permission.Kind.HTTP), MANIFEST.httpHosts(), MANIFEST.limits(), MANIFEST.triggers(), SHA,
                        ROOT.account(), ROOT.handle(), T0));
    }

    @Test
    void guests_do_not_submit_plugins() {
        spec.given().when(new Submit(PLUGIN, MANIFEST, SHA, GUEST, T0)).thenRejectedWith(new NotAllowed("submit plugins"));
    }

    @Test
    void submitting_the_same_package_again_records_nothing_and_anything_else_on_the_stream_is_refused() {
        spec.given(SUBMITTED).when(new Submit(PLUGIN, MANIFEST, SHA, ADA, at(9))).thenNothing();
        spec.given(UP_TO_ENABLED).when(new Submit(PLUGIN, MANIFEST, SHA, ADA, at(9))).thenNothing();
        spec.given(SUBMITTED).when(new Submit(PLUGIN, MANIFEST, OTHER_SHA, ADA, at(9))).thenRejectedWith(new AlreadySubmitted());
        spec.given(SUBMITTED).when(new Submit(PLUGIN, MANIFEST, SHA, ROOT, at(9))).thenRejectedWith(new AlreadySubmitted());
        var newer = PluginManifestTest.manifest(Engine.WASM, "plugin.wasm", Set.of(Hook.HANDLE_COMMAND), Set.of(), PluginLimits.defaults());
        spec.given(SUBMITTED).when(new Submit(PLUGIN, newer, SHA, ADA, at(9))).thenRejectedWith(new AlreadySubmitted());
    }

    @Test
    void nothing_but_a_submission_happens_to_a_plugin_never_submitted() {
        for (var command : List.<PluginCommand>of(new RecordScan(true, List.of(), T0), new Approve(ROOT, T0), new Publish(ROOT, T0),
                new Install(ROOT, KEY, BBS, T0), new Enable(ROOT, T0), new Disable(ROOT, T0), new Uninstall(ROOT, T0), fault(T0))) {
            spec.given().when(command).thenRejectedWith(new NoSuchPlugin());
        }
    }

    // ---- scanning ----

    @Test
    void the_scanners_verdict_is_recorded_with_its_findings() {
        spec.given(SUBMITTED).when(new RecordScan(true, List.of("uses 2 of 4 granted imports"), at(1))).then(PASSED);
        spec.given(SUBMITTED).when(new RecordScan(false, List.of("imports wasi fd_write"), at(1))).then(FAILED)
                .thenStateSatisfies(state -> assertThat(((Submitted) state).scan()).contains(FAILED));
    }

    @Test
    void the_same_verdict_again_records_nothing_and_a_different_one_replaces_it_until_approval() {
        spec.given(SUBMITTED, FAILED).when(new RecordScan(false, List.of("imports wasi fd_write"), at(7))).thenNothing();
        spec.given(SUBMITTED, FAILED).when(new RecordScan(true, List.of(), at(7)))
                .then(new PluginScanned(PLUGIN, true, List.of(), at(7)));
        spec.given(SUBMITTED, PASSED, APPROVED).when(new RecordScan(false, List.of("late news"), at(7)))
                .thenRejectedWith(new AlreadyReviewed());
        spec.given(UP_TO_ENABLED).when(new RecordScan(true, List.of(), at(7))).thenRejectedWith(new AlreadyReviewed());
    }

    @Test
    void a_failed_scan_says_why_and_findings_are_bounded_lines() {
        assertThatThrownBy(() -> new RecordScan(false, List.of(), T0)).isInstanceOf(InvalidValue.class)
                .hasMessageContaining("say what it found");
        assertThatThrownBy(() -> new RecordScan(true, List.of("two\nlines"), T0)).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> new RecordScan(true, List.of("f".repeat(301)), T0)).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> new RecordScan(true, java.util.Collections.nCopies(101, "x"), T0)).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> new RecordScan(true, null, T0)).isInstanceOf(InvalidValue.class);
        assertThat(new RecordScan(true, List.of("  trailing space  "), T0).findings()).containsExactly("trailing space");
    }

    // ---- approving and publishing ----

    @Test
    void a_sysop_approves_a_plugin_that_passed_its_scan() {
        spec.given(SUBMITTED, PASSED).when(new Approve(ROOT, at(2))).then(APPROVED);
        spec.given(SUBMITTED, FAILED, new PluginScanned(PLUGIN, true, List.of(), at(3))).when(new Approve(ROOT, at(2))).then(APPROVED);
    }

    @Test
    void approval_waits_for_a_passed_scan() {
        spec.given(SUBMITTED).when(new Approve(ROOT, at(2))).thenRejectedWith(new NotScanned());
        spec.given(SUBMITTED, FAILED).when(new Approve(ROOT, at(2))).thenRejectedWith(new ScanFailed(List.of("imports wasi fd_write")));
    }

    @Test
    void only_sysops_approve_publish_install_enable_disable_and_uninstall() {
        for (var who : List.of(ADA, MOD, GUEST)) {
            spec.given(SUBMITTED, PASSED).when(new Approve(who, at(2))).thenRejectedWith(new NotAllowed("approve plugins"));
            spec.given(SUBMITTED, PASSED, APPROVED).when(new Publish(who, at(3))).thenRejectedWith(new NotAllowed("publish plugins"));
            spec.given(UP_TO_PUBLISHED).when(new Install(who, KEY, BBS, at(4))).thenRejectedWith(new NotAllowed("install plugins"));
            spec.given(UP_TO_INSTALLED).when(new Enable(who, at(5))).thenRejectedWith(new NotAllowed("enable plugins"));
            spec.given(UP_TO_ENABLED).when(new Disable(who, at(6))).thenRejectedWith(new NotAllowed("disable plugins"));
            spec.given(UP_TO_ENABLED).when(new Uninstall(who, at(6))).thenRejectedWith(new NotAllowed("uninstall plugins"));
        }
    }

    @Test
    void approving_again_records_nothing() {
        spec.given(SUBMITTED, PASSED, APPROVED).when(new Approve(ROOT, at(9))).thenNothing();
        spec.given(UP_TO_ENABLED).when(new Approve(ROOT, at(9))).thenNothing();
    }

    @Test
    void a_sysop_publishes_an_approved_plugin_once() {
        spec.given(SUBMITTED, PASSED, APPROVED).when(new Publish(ROOT, at(3))).then(PUBLISHED);
        spec.given(UP_TO_PUBLISHED).when(new Publish(ROOT, at(9))).thenNothing();
        spec.given(UP_TO_ENABLED).when(new Publish(ROOT, at(9))).thenNothing();
        spec.given(SUBMITTED).when(new Publish(ROOT, at(3))).thenRejectedWith(new NotApproved());
        spec.given(SUBMITTED, PASSED).when(new Publish(ROOT, at(3))).thenRejectedWith(new NotApproved());
    }

    // ---- installing ----

    @Test
    void a_sysop_installs_a_published_plugin_that_suits_this_bbs_and_it_starts_disabled() {
        spec.given(UP_TO_PUBLISHED).when(new Install(ROOT, KEY, BBS, at(4))).then(INSTALLED)
                .thenStateSatisfies(state -> assertThat(state).isEqualTo(new Installed(SUBMITTED, KEY, false, List.of())));
        spec.given(UP_TO_INSTALLED).when(new Install(ROOT, KEY, BBS, at(9))).thenNothing();
    }

    @Test
    void installing_needs_publication_and_a_bbs_version_the_plugin_accepts() {
        spec.given(SUBMITTED, PASSED).when(new Install(ROOT, KEY, BBS, at(4))).thenRejectedWith(new NotPublished());
        spec.given(SUBMITTED, PASSED, APPROVED).when(new Install(ROOT, KEY, BBS, at(4))).thenRejectedWith(new NotPublished());
        var newer = PluginVersion.parse("0.2.0");
        spec.given(UP_TO_PUBLISHED).when(new Install(ROOT, KEY, newer, at(4)))
                .thenRejectedWith(new IncompatibleBbs(VersionRange.parse("^0.1.0"), newer));
    }

    // ---- enabling and disabling ----

    @Test
    void a_sysop_enables_an_installed_plugin_and_disables_it_again() {
        spec.given(UP_TO_INSTALLED).when(new Enable(ROOT, at(5))).then(ENABLED)
                .thenStateSatisfies(state -> assertThat(((Installed) state).enabled()).isTrue());
        spec.given(UP_TO_ENABLED).when(new Disable(ROOT, at(6)))
                .then(new PluginDisabled(PLUGIN, DisableReason.BY_SYSOP, Optional.of(ROOT.account()), Optional.of(ROOT.handle()), at(6)))
                .thenStateSatisfies(state -> assertThat(((Installed) state).enabled()).isFalse());
    }

    @Test
    void enabling_an_enabled_plugin_or_disabling_a_disabled_one_records_nothing() {
        spec.given(UP_TO_ENABLED).when(new Enable(ROOT, at(9))).thenNothing();
        spec.given(UP_TO_INSTALLED).when(new Disable(ROOT, at(9))).thenNothing();
    }

    @Test
    void only_installed_plugins_are_enabled_or_disabled() {
        for (var history : List.of(List.<PluginEvent>of(SUBMITTED), List.of(SUBMITTED, PASSED, APPROVED), UP_TO_PUBLISHED,
                with(UP_TO_INSTALLED, UNINSTALLED))) {
            spec.given(history).when(new Enable(ROOT, at(9))).thenRejectedWith(new NotInstalled());
            spec.given(history).when(new Disable(ROOT, at(9))).thenRejectedWith(new NotInstalled());
        }
    }

    // ---- uninstalling ----

    @Test
    void a_sysop_uninstalls_an_installed_plugin_enabled_or_not() {
        spec.given(UP_TO_INSTALLED).when(new Uninstall(ROOT, at(6))).then(UNINSTALLED)
                .thenStateSatisfies(state -> assertThat(state).isEqualTo(new Uninstalled(SUBMITTED)));
        spec.given(UP_TO_ENABLED).when(new Uninstall(ROOT, at(6))).then(UNINSTALLED);
        spec.given(with(UP_TO_ENABLED, new PluginDisabled(PLUGIN, DisableReason.BY_SYSOP, Optional.of(ROOT.account()),
                Optional.of(ROOT.handle()), at(6)))).when(new Uninstall(ROOT, at(6))).then(UNINSTALLED);
    }

    @Test
    void uninstalling_again_records_nothing_and_a_plugin_never_installed_is_not_uninstalled() {
        spec.given(with(UP_TO_INSTALLED, UNINSTALLED)).when(new Uninstall(ROOT, at(9))).thenNothing();
        spec.given(UP_TO_PUBLISHED).when(new Uninstall(ROOT, at(9))).thenRejectedWith(new NotInstalled());
        spec.given(SUBMITTED).when(new Uninstall(ROOT, at(9))).thenRejectedWith(new NotInstalled());
    }

    @Test
    void an_uninstalled_plugin_stays_published_and_is_installed_again_disabled() {
        var again = new PluginInstalled(PLUGIN, MANIFEST.name(), MANIFEST.version(), KEY, ROOT.account(), ROOT.handle(), at(20));
        spec.given(with(UP_TO_ENABLED, UNINSTALLED)).when(new Install(ROOT, KEY, BBS, at(20))).then(again)
                .thenStateSatisfies(state -> assertThat(((Installed) state).enabled()).isFalse());
        spec.given(with(UP_TO_ENABLED, UNINSTALLED)).when(new Publish(ROOT, at(20))).thenNothing();
    }

    // ---- faults ----

    @Test
    void each_fault_of_an_installed_plugin_is_recorded() {
        spec.given(UP_TO_ENABLED).when(fault(at(10))).then(faulted(at(10)));
        spec.given(UP_TO_INSTALLED).when(fault(at(10))).then(faulted(at(10)));
        spec.given(UP_TO_PUBLISHED).when(fault(at(10))).thenRejectedWith(new NotInstalled());
        spec.given(with(UP_TO_INSTALLED, UNINSTALLED)).when(fault(at(10))).thenRejectedWith(new NotInstalled());
    }

    @Test
    void the_fifth_fault_within_ten_minutes_disables_an_enabled_plugin() {
        var four = with(UP_TO_ENABLED, faulted(at(10)), faulted(at(20)), faulted(at(30)), faulted(at(40)));
        var fifthAt = at(10).plus(PluginDecider.FAULT_WINDOW).minusSeconds(1);
        spec.given(four).when(fault(fifthAt)).then(faulted(fifthAt),
                new PluginDisabled(PLUGIN, DisableReason.TOO_MANY_FAULTS, Optional.empty(), Optional.empty(), fifthAt))
                .thenStateSatisfies(state -> assertThat(((Installed) state).enabled()).isFalse());
        spec.given(with(UP_TO_ENABLED, faulted(at(10)), faulted(at(20)), faulted(at(30)))).when(fault(at(40))).then(faulted(at(40)));
    }

    @Test
    void faults_spread_wider_than_the_window_do_not_disable() {
        var four = with(UP_TO_ENABLED, faulted(at(10)), faulted(at(20)), faulted(at(30)), faulted(at(40)));
        var fifthAt = at(10).plus(PluginDecider.FAULT_WINDOW);                   // the first one has just left the window
        spec.given(four).when(fault(fifthAt)).then(faulted(fifthAt));
        var many = new ArrayList<>(UP_TO_ENABLED);
        for (int i = 0; i < 50; i++) many.add(faulted(at(10 + i * 200L)));          // one every 200 s: four per window at most
        spec.given(many).when(fault(at(10 + 50 * 200L))).then(faulted(at(10 + 50 * 200L)))
                .thenStateSatisfies(state -> assertThat(((Installed) state).recentFaults()).hasSize(PluginDecider.FAULTS_TO_DISABLE - 1));
    }

    @Test
    void a_disabled_plugin_records_faults_but_is_not_disabled_twice() {
        var four = with(UP_TO_INSTALLED, faulted(at(10)), faulted(at(20)), faulted(at(30)), faulted(at(40)));
        spec.given(four).when(fault(at(50))).then(faulted(at(50)));
    }

    @Test
    void enabling_again_gives_a_full_allowance_of_faults() {
        var autoDisabled = new PluginDisabled(PLUGIN, DisableReason.TOO_MANY_FAULTS, Optional.empty(), Optional.empty(), at(50));
        var history = with(UP_TO_ENABLED, faulted(at(10)), faulted(at(20)), faulted(at(30)), faulted(at(40)), faulted(at(50)), autoDisabled,
                new PluginEnabled(PLUGIN, ROOT.account(), ROOT.handle(), at(60)));
        spec.given(history).when(fault(at(70))).then(faulted(at(70)))
                .thenStateSatisfies(state -> assertThat(((Installed) state).recentFaults()).containsExactly(at(70)));
    }

    @Test
    void a_fault_report_is_made_safe_rather_than_refused() {
        var report = new Fault(Hook.FILTER_MESSAGE_CONTENT, FaultKind.TRAP, "unreachable\u001b[2J\nexecuted" + "!".repeat(1000), T0);
        assertThat(report.detail()).startsWith("unreachable [2J executed!").hasSize(PluginCommand.Fault.MAX_DETAIL);
        assertThat(new Fault(Hook.FILTER_MESSAGE_CONTENT, FaultKind.MEMORY, null, T0).detail()).isEmpty();
    }
}

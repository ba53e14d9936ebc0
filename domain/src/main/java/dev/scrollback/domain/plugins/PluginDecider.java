package dev.scrollback.domain.plugins;

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
import dev.scrollback.domain.plugins.PluginState.Approved;
import dev.scrollback.domain.plugins.PluginState.Installed;
import dev.scrollback.domain.plugins.PluginState.Published;
import dev.scrollback.domain.plugins.PluginState.Submitted;
import dev.scrollback.domain.plugins.PluginState.Uninstalled;
import dev.scrollback.domain.plugins.PluginState.Unsubmitted;
import dev.scrollback.domain.shared.Decider;
import dev.scrollback.domain.shared.PluginName;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One submitted version of one plugin, on its own stream ({@code plugin-<uuid>}):
 * submitted (by any member) → scanned → approved → published → installed (disabled) ⇄ enabled → uninstalled, where
 * every step after submitting is a sysop's, except the scan and faults, which the system reports.
 *
 * <p><b>A plugin id is one version.</b> A new version of a plugin is a new submission with a new id and the same
 * {@link PluginName}, and goes through scan and approval on its own: what a sysop approved is exactly one package
 * (its SHA-256 is in {@link PluginSubmitted}), never "whatever this plugin becomes". Which submissions share a name,
 * who may submit under a name, and which version of a name is live (installing a new version means uninstalling the
 * old one) are decisions across streams, taken by the application from a projection of names, as room names are.
 *
 * <p>Rules: approval needs a passed scan; a scan is recorded until approval (a rescan replaces a verdict, it never
 * reopens an approved package); installing needs a published plugin and a BBS version the manifest's
 * {@code requires} range holds; an installed plugin starts disabled; an uninstalled plugin stays published and may
 * be installed again. Each fault is recorded, and the {@value #FAULTS_TO_DISABLE}th fault within
 * {@link #FAULT_WINDOW} (ten minutes) of an enabled plugin disables it: often enough to stop a plugin that fails on
 * every call within seconds, rarely enough that an occasional timeout on a busy evening does not. Enabling or
 * disabling starts the count afresh, so a sysop who re-enables a plugin gives it a full allowance.
 *
 * <p>Repeats record nothing (submitting the same package again, recording the same scan, approving an approved plugin,
 * enabling an enabled one, uninstalling an uninstalled one...), so a retried request is harmless; steps out of order
 * are refused with a {@link PluginRejected} saying which step is missing.
 */
public final class PluginDecider implements Decider<PluginCommand, PluginState, PluginEvent> {
    static final int FAULTS_TO_DISABLE = 5;
    static final Duration FAULT_WINDOW = Duration.ofMinutes(10);

    @Override
    public PluginState initialState() {
        return new Unsubmitted();
    }

    @Override
    public List<PluginEvent> decide(PluginCommand command, PluginState state) {
        if (state instanceof Unsubmitted) {
            if (command instanceof Submit s) return submit(s);
            throw rejected(new NoSuchPlugin());
        }
        var submitted = submitted(state);
        var plugin = submitted.plugin();
        return switch (command) {
            case Submit s -> {
                mayMember(s.by());
                if (s.sha256().equals(submitted.sha256()) && s.plugin().equals(plugin) && s.manifest().equals(submitted.manifest())
                        && s.by().account().equals(submitted.submittedBy())) {
                    yield List.of();
                }
                throw rejected(new AlreadySubmitted());
            }
            case RecordScan r -> switch (state) {
                case Submitted s when s.scan().map(old -> old.passed() == r.passed() && old.findings().equals(r.findings()))
                        .orElse(false) -> List.of();
                case Submitted s -> List.of(new PluginScanned(plugin, r.passed(), r.findings(), r.at()));
                default -> throw rejected(new AlreadyReviewed());
            };
            case Approve a -> {
                maySysop(a.by(), "approve plugins");
                yield switch (state) {
                    case Submitted s when s.scan().isEmpty() -> throw rejected(new NotScanned());
                    case Submitted s when !s.scan().get().passed() -> throw rejected(new ScanFailed(s.scan().get().findings()));
                    case Submitted s -> List.of(new PluginApproved(plugin, a.by().account(), a.by().handle(), a.at()));
                    default -> List.of();                                  // approved already
                };
            }
            case Publish p -> {
                maySysop(p.by(), "publish plugins");
                yield switch (state) {
                    case Submitted s -> throw rejected(new NotApproved());
                    case Approved s -> List.of(new PluginPublished(plugin, p.by().account(), p.by().handle(), p.at()));
                    default -> List.of();                                  // published already
                };
            }
            case Install i -> {
                maySysop(i.by(), "install plugins");
                yield switch (state) {
                    case Submitted s -> throw rejected(new NotPublished());
                    case Approved s -> throw rejected(new NotPublished());
                    case Installed s -> List.of();
                    default -> {
                        if (!submitted.requires().contains(i.bbsVersion())) {
                            throw rejected(new IncompatibleBbs(submitted.requires(), i.bbsVersion()));
                        }
                        yield List.of(new PluginInstalled(plugin, submitted.name(), submitted.version(), i.publisherKey(),
                                i.by().account(), i.by().handle(), i.at()));
                    }
                };
            }
            case Enable e -> {
                maySysop(e.by(), "enable plugins");
                var installed = installed(state);
                yield installed.enabled() ? List.of() : List.of(new PluginEnabled(plugin, e.by().account(), e.by().handle(), e.at()));
            }
            case Disable d -> {
                maySysop(d.by(), "disable plugins");
                var installed = installed(state);
                yield !installed.enabled() ? List.of() : List.of(new PluginDisabled(plugin, DisableReason.BY_SYSOP,
                        Optional.of(d.by().account()), Optional.of(d.by().handle()), d.at()));
            }
            case Uninstall u -> {
                maySysop(u.by(), "uninstall plugins");
                if (state instanceof Uninstalled) yield List.of();
                installed(state);
                yield List.of(new PluginUninstalled(plugin, u.by().account(), u.by().handle(), u.at()));
            }
            case Fault f -> fault(f, plugin, installed(state));
        };
    }

    private static List<PluginEvent> submit(Submit s) {
        mayMember(s.by());
        var m = s.manifest();
        var kinds = m.permissions().stream().map(Permission::kind).toList();
        return List.of(new PluginSubmitted(s.plugin(), m.name(), m.version(), m.requires(), m.description(), m.author(),
                m.license(), m.engine(), m.entryPoint(), m.hooks(), Set.copyOf(kinds), m.httpHosts(), m.limits(),
                m.triggers(), s.sha256(), s.by().account(), s.by().handle(), s.at()));
    }

    /**
     * A fault of an installed plugin is always recorded, even when it is disabled (a call may have been running when a
     * sysop turned it off); only an enabled plugin is disabled for it.
     */
    private static List<PluginEvent> fault(Fault f, PluginId plugin, Installed installed) {
        var faulted = new PluginFaulted(plugin, f.hook(), f.kind(), f.detail(), f.at());
        var since = f.at().minus(FAULT_WINDOW);
        long inWindow = installed.recentFaults().stream().filter(t -> t.isAfter(since)).count() + 1;
        if (!installed.enabled() || inWindow < FAULTS_TO_DISABLE) return List.of(faulted);
        return List.of(faulted, new PluginDisabled(plugin, DisableReason.TOO_MANY_FAULTS, Optional.empty(), Optional.empty(), f.at()));
    }

    private static void mayMember(PluginActor by) {
        if (!by.holds(Role.MEMBER) && !by.holds(Role.SYSOP)) throw rejected(new NotAllowed("submit plugins"));
    }

    private static void maySysop(PluginActor by, String what) {
        if (!by.holds(Role.SYSOP)) throw rejected(new NotAllowed(what));
    }

    private static Installed installed(PluginState state) {
        if (state instanceof Installed installed) return installed;
        throw rejected(new NotInstalled());
    }

    private static PluginSubmitted submitted(PluginState state) {
        return state.submission().orElseThrow(() -> rejected(new NoSuchPlugin()));
    }

    private static PluginRejected rejected(PluginRejected.Reason reason) {
        return new PluginRejected(reason);
    }

    @Override
    public PluginState evolve(PluginState state, PluginEvent event) {
        return switch (state) {
            case Unsubmitted u -> event instanceof PluginSubmitted e ? new Submitted(e, Optional.empty()) : u;
            case Submitted s -> switch (event) {
                case PluginScanned e -> new Submitted(s.submitted(), Optional.of(e));
                case PluginApproved e -> new Approved(s.submitted());
                default -> s;
            };
            case Approved s -> event instanceof PluginPublished ? new Published(s.submitted()) : s;
            case Published s -> event instanceof PluginInstalled e ? new Installed(s.submitted(), e.publisherKey(), false, List.of()) : s;
            case Installed s -> switch (event) {
                case PluginEnabled e -> new Installed(s.submitted(), s.publisherKey(), true, List.of());
                case PluginDisabled e -> new Installed(s.submitted(), s.publisherKey(), false, List.of());
                case PluginFaulted e -> new Installed(s.submitted(), s.publisherKey(), s.enabled(), withFault(s.recentFaults(), e.at()));
                case PluginUninstalled e -> new Uninstalled(s.submitted());
                default -> s;
            };
            case Uninstalled s -> event instanceof PluginInstalled e ? new Installed(s.submitted(), e.publisherKey(), false, List.of()) : s;
        };
    }

    /** The latest faults, keeping no more than the window check can use. */
    private static List<Instant> withFault(List<Instant> faults, Instant at) {
        var latest = new ArrayList<>(faults);
        latest.add(at);
        return latest.subList(Math.max(0, latest.size() - (FAULTS_TO_DISABLE - 1)), latest.size());
    }
}

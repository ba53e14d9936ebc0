package dev.scrollback.application.plugins;

import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.shared.Actor;
import dev.scrollback.application.shared.Decision;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.EventMetadata;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.RateLimiter;
import dev.scrollback.application.shared.RateLimiter.Limit;
import dev.scrollback.application.shared.UuidV7;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.plugins.PluginActor;
import dev.scrollback.domain.plugins.PluginCommand;
import dev.scrollback.domain.plugins.PluginDecider;
import dev.scrollback.domain.plugins.PluginEvent;
import dev.scrollback.domain.plugins.PluginId;
import dev.scrollback.domain.plugins.PluginRejected;
import dev.scrollback.domain.plugins.PluginState;
import dev.scrollback.domain.plugins.PublisherKeyId;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The plugin registry's writes: submission with its automated scan, and the sysop's review. Each plugin version is its
 * own stream ({@code plugin-<uuid>}); the package itself is kept by its hash before anything is recorded, so a recorded
 * submission always has its package.
 */
@Named
public final class PluginRegistryService implements SubmitPlugin, ReviewPlugins, ListPlugins, ManagePlugins {
    /** Per account: scanning compiles the code; a script submitting in a loop is stopped. */
    static final Limit SUBMISSIONS_PER_ACCOUNT = new Limit("plugin-submissions-per-account", 10, Duration.ofHours(1));

    private final EventLog log;
    private final Plugins plugins;
    private final ManifestReader manifests;
    private final PluginScanner scanner;
    private final PluginPackageStore packages;
    private final PublisherSignatures signatures;
    private final RunningVersion running;
    private final RateLimiter limiter;
    private final Clock clock;

    @Inject
    public PluginRegistryService(EventLog log, Plugins plugins, ManifestReader manifests, PluginScanner scanner,
                                 PluginPackageStore packages, PublisherSignatures signatures, RunningVersion running,
                                 RateLimiter limiter, Clock clock) {
        this.log = log;
        this.plugins = plugins;
        this.manifests = manifests;
        this.scanner = scanner;
        this.packages = packages;
        this.signatures = signatures;
        this.running = running;
        this.limiter = limiter;
        this.clock = clock;
    }

    @Override
    public Submitted submit(Caller caller, PluginPackage content, Origin origin) {
        var by = actor(caller);
        limiter.acquire(SUBMISSIONS_PER_ACCOUNT, by.account().toString()).orThrow();
        var manifest = switch (manifests.read(content.manifest())) {
            case ManifestReader.Reading.Read read -> read.manifest();
            case ManifestReader.Reading.Refused refused -> throw new PluginPackageRefused(refused.problems());
        };
        var plugin = new PluginId(UuidV7.next());
        var stream = PluginStreams.plugin(plugin);
        var submitted = Decision.make(log, stream, new PluginDecider(), PluginEvent.class,
                new PluginCommand.Submit(plugin, manifest, content.sha256(), by, clock.instant()));
        var verdict = scanner.scan(manifest, content.code());      // before anything is recorded: a scan that throws leaves nothing
        packages.keep(content);
        log.append(submitted.toAppend(), EventMetadata.of(caller.actor(), origin.inSession(caller.sessionIfAny()), clock.instant()));

        var scanned = Decision.make(log, stream, new PluginDecider(), PluginEvent.class,
                new PluginCommand.RecordScan(verdict.passed(), verdict.findings(), clock.instant()));
        log.append(scanned.toAppend(), EventMetadata.of(Actor.system(), Origin.system(), clock.instant()));
        return new Submitted(plugin, content.sha256(), verdict.passed(), verdict.findings());
    }

    @Override
    public boolean approve(Caller caller, PluginId plugin, Origin origin) {
        return decideAndAppend(caller, plugin, new PluginCommand.Approve(actor(caller), clock.instant()), origin);
    }

    @Override
    public boolean publish(Caller caller, PluginId plugin, Origin origin) {
        return decideAndAppend(caller, plugin, new PluginCommand.Publish(actor(caller), clock.instant()), origin);
    }

    @Override
    public PluginScanner.Verdict rescan(Caller caller, PluginId plugin, Origin origin) {
        if (!actor(caller).holds(Role.SYSOP)) throw new PluginRejected(new PluginRejected.NotAllowed("scan plugins"));
        var stream = PluginStreams.plugin(plugin);
        var submitted = submittedOf(Decision.Loaded.load(log, stream, new PluginDecider(), PluginEvent.class).state());
        var content = packages.find(submitted.sha256()).orElseThrow(() -> new PluginSignatureRefused(
                "the package " + submitted.sha256() + " is no longer kept on this BBS; submit it again"));
        var verdict = scanner.scan(submitted.manifest(), content.code());
        var scanned = Decision.make(log, stream, new PluginDecider(), PluginEvent.class,
                new PluginCommand.RecordScan(verdict.passed(), verdict.findings(), clock.instant()));
        if (!scanned.isEmpty()) {
            log.append(scanned.toAppend(), EventMetadata.of(Actor.system(), Origin.system(), clock.instant()));
        }
        return verdict;
    }

    @Override
    public Optional<PublisherKeyId> install(Caller caller, PluginId plugin, byte[] signature, Origin origin) {
        var by = actor(caller);
        if (!by.holds(Role.SYSOP)) throw new PluginRejected(new PluginRejected.NotAllowed("install plugins"));
        var stream = PluginStreams.plugin(plugin);
        var loaded = Decision.Loaded.load(log, stream, new PluginDecider(), PluginEvent.class);
        var submitted = submittedOf(loaded.state());
        if (packages.find(submitted.sha256()).isEmpty()) {
            throw new PluginSignatureRefused("the package " + submitted.sha256() + " is no longer kept on this BBS; submit it again");
        }
        var signer = signatures.signer(submitted.sha256(), signature).orElseThrow(() -> new PluginSignatureRefused(
                "no trusted publisher key verifies this signature over " + submitted.sha256()));
        var at = clock.instant();
        var decision = Decision.make(log, stream, new PluginDecider(), PluginEvent.class,
                new PluginCommand.Install(by, signer, running.version(), at));
        if (decision.isEmpty()) return Optional.empty();
        log.append(decision.toAppend(), EventMetadata.of(caller.actor(), origin.inSession(caller.sessionIfAny()), at));
        return Optional.of(signer);
    }

    @Override
    public boolean enable(Caller caller, PluginId plugin, Origin origin) {
        return decideAndAppend(caller, plugin, new PluginCommand.Enable(actor(caller), clock.instant()), origin);
    }

    @Override
    public boolean disable(Caller caller, PluginId plugin, Origin origin) {
        return decideAndAppend(caller, plugin, new PluginCommand.Disable(actor(caller), clock.instant()), origin);
    }

    @Override
    public boolean uninstall(Caller caller, PluginId plugin, Origin origin) {
        return decideAndAppend(caller, plugin, new PluginCommand.Uninstall(actor(caller), clock.instant()), origin);
    }

    @Override
    public List<Plugins.Entry> list(Caller caller) {
        if (!actor(caller).holds(Role.SYSOP)) throw new PluginRejected(new PluginRejected.NotAllowed("see the plugin registry"));
        return plugins.all();
    }

    private boolean decideAndAppend(Caller caller, PluginId plugin, PluginCommand command, Origin origin) {
        var decision = Decision.make(log, PluginStreams.plugin(plugin), new PluginDecider(), PluginEvent.class, command);
        if (decision.isEmpty()) return false;
        log.append(decision.toAppend(), EventMetadata.of(caller.actor(), origin.inSession(caller.sessionIfAny()), command.at()));
        return true;
    }

    private static PluginEvent.PluginSubmitted submittedOf(PluginState state) {
        return state.submission().orElseThrow(() -> new PluginRejected(new PluginRejected.NoSuchPlugin()));
    }

    /**
     * The caller as the registry's decisions see them: from an interactive login only ({@code CredentialDenied} for an
     * API key): no key scope is about plugins, and a leaked key must not install code on the BBS.
     */
    private static PluginActor actor(Caller caller) {
        caller.session();
        return new PluginActor(caller.account(), caller.handle(), caller.roles());
    }
}

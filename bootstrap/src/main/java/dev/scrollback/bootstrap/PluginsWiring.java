package dev.scrollback.bootstrap;

import dev.scrollback.adapters.sandbox.http.HttpPolicy;
import dev.scrollback.adapters.sandbox.http.OutboundHttp;
import dev.scrollback.adapters.sandbox.manifest.TomlManifests;
import dev.scrollback.adapters.sandbox.registry.DirectoryPackageStore;
import dev.scrollback.adapters.sandbox.registry.Ed25519Publishers;
import dev.scrollback.adapters.sandbox.registry.SandboxScanner;
import dev.scrollback.adapters.sandbox.runtime.SandboxRuntime;
import dev.scrollback.adapters.sandbox.schedule.UnixCron;
import dev.scrollback.adapters.sandbox.watchdog.Watchdog;
import dev.scrollback.adapters.web.Routes;
import dev.scrollback.adapters.web.accounts.Authentication;
import dev.scrollback.adapters.web.plugins.PluginCommandRoutes;
import dev.scrollback.adapters.web.plugins.PluginRoutes;
import dev.scrollback.adapters.web.plugins.PluginStatsRoutes;
import dev.scrollback.application.plugins.ListPlugins;
import dev.scrollback.application.plugins.ManagePlugins;
import dev.scrollback.application.plugins.ManifestReader;
import dev.scrollback.application.plugins.PluginPackageStore;
import dev.scrollback.application.plugins.PluginStatistics;
import dev.scrollback.application.plugins.PublisherSignatures;
import dev.scrollback.application.plugins.ReviewPlugins;
import dev.scrollback.application.plugins.RunPluginCommands;
import dev.scrollback.application.plugins.RunningVersion;
import dev.scrollback.application.plugins.Schedules;
import dev.scrollback.application.plugins.SubmitPlugin;
import dev.scrollback.domain.plugins.PluginVersion;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The plugin registry (issue 6 item 5): manifests read from TOML, packages scanned by the sandbox's engines and kept
 * under {@code <data dir>/plugins/}, over REST. The use cases and the {@code Plugins} projection are scanned from the
 * application; the projection is fed in {@link CoreWiring}.
 */
@Configuration(proxyBeanMethods = false)
class PluginsWiring {

    @Bean
    ManifestReader manifestReader() {
        return new TomlManifests();
    }

    /** The one watchdog of the sandbox: every call into untrusted code is cancelled by it at its deadline. */
    @Bean(destroyMethod = "close")
    Watchdog sandboxWatchdog() {
        return Watchdog.start("sandbox-watchdog");
    }

    @Bean(destroyMethod = "close")
    SandboxScanner pluginScanner(Watchdog watchdog) {
        return new SandboxScanner(watchdog);
    }

    /**
     * Runs installed and enabled plugins for the {@code PluginRuntime} (scanned from the application); their outbound
     * HTTP reaches public addresses only unless {@code SCROLLBACK_PLUGIN_HTTP_ALLOW_PRIVATE} is set (decision 0019).
     */
    @Bean(destroyMethod = "close")
    SandboxRuntime sandbox(Watchdog watchdog, Settings settings) {
        var http = HttpPolicy.strict().allowingPrivateAddresses(settings.pluginHttpAllowPrivate());
        return new SandboxRuntime(watchdog, new OutboundHttp(http));
    }

    /** When plugins' cron schedules fire (Unix cron, UTC). */
    @Bean
    Schedules pluginSchedules() {
        return new UnixCron();
    }

    @Bean
    PluginPackageStore pluginPackages(Settings settings) {
        return new DirectoryPackageStore(settings.dataDirectory().resolve("plugins"));
    }

    /** Trusted publishers' Ed25519 keys: {@code <data dir>/plugins/publishers/<name>.pub}, read at every install. */
    @Bean
    PublisherSignatures publisherSignatures(Settings settings) {
        return new Ed25519Publishers(settings.dataDirectory().resolve("plugins").resolve("publishers"));
    }

    /** What plugins' {@code requires} ranges are checked against; kept equal to the pom's version (a test says so). */
    @Bean
    RunningVersion runningVersion() {
        return new RunningVersion(PluginVersion.parse(VERSION));
    }

    static final String VERSION = "0.1.0";

    @Bean
    Routes pluginStatsRoutes(PluginStatistics statistics, Authentication auth) {
        return new PluginStatsRoutes(statistics, auth);
    }

    @Bean
    Routes pluginCommandRoutes(RunPluginCommands commands, Authentication auth) {
        return new PluginCommandRoutes(commands, auth);
    }

    @Bean
    Routes pluginRoutes(SubmitPlugin submit, ReviewPlugins review, ListPlugins list, ManagePlugins manage,
                        Authentication auth) {
        return new PluginRoutes(submit, review, list, manage, auth);
    }
}

package dev.scrollback.adapters.web.plugins;

import dev.scrollback.adapters.web.shared.Problem;
import dev.scrollback.application.plugins.PluginPackageRefused;
import dev.scrollback.application.plugins.PluginSignatureRefused;
import dev.scrollback.domain.plugins.PluginRejected;
import io.javalin.config.RoutesConfig;

/** Every plugin refusal as a problem; exhaustive, so a new reason fails to compile here. */
final class PluginProblems {
    private PluginProblems() {}

    static void addTo(RoutesConfig routes) {
        routes.exception(PluginRejected.class, (e, ctx) -> of(e.reason()).writeTo(ctx));
        routes.exception(PluginSignatureRefused.class, (e, ctx) -> Problem.of("signature-refused", "Signature refused", 422,
                e.getMessage() + ".").withField("signature").writeTo(ctx));
        routes.exception(PluginPackageRefused.class, (e, ctx) -> Problem.of("manifest-refused", "Manifest refused", 422,
                "The manifest (plugin.toml) cannot be used: " + String.join("; ", e.problems())).withField("manifest").writeTo(ctx));
    }

    static Problem of(PluginRejected.Reason reason) {
        return switch (reason) {
            case PluginRejected.NoSuchPlugin none -> Problem.forStatus(404).withDetail("There is no such plugin.");
            case PluginRejected.AlreadySubmitted again -> Problem.forStatus(409).withDetail("This plugin was submitted already.");
            case PluginRejected.NotAllowed notAllowed -> Problem.forStatus(403)
                    .withDetail("Your roles do not let you " + notAllowed.what() + ".");
            case PluginRejected.NotScanned notScanned -> Problem.of("not-scanned", "Not scanned", 409,
                    "The plugin has not been scanned yet.");
            case PluginRejected.ScanFailed failed -> Problem.of("scan-failed", "Scan failed", 409,
                    "The plugin's scan failed, so it cannot be approved: " + String.join("; ", failed.findings()));
            case PluginRejected.AlreadyReviewed reviewed -> Problem.of("already-reviewed", "Already reviewed", 409,
                    "The plugin was reviewed already; its scan can no longer change.");
            case PluginRejected.NotApproved notApproved -> Problem.of("not-approved", "Not approved", 409,
                    "Approve the plugin first.");
            case PluginRejected.NotPublished notPublished -> Problem.of("not-published", "Not published", 409,
                    "Publish the plugin first.");
            case PluginRejected.NotInstalled notInstalled -> Problem.of("not-installed", "Not installed", 409,
                    "Install the plugin first.");
            case PluginRejected.IncompatibleBbs incompatible -> Problem.of("incompatible-bbs", "Incompatible BBS", 409,
                    "The plugin needs a BBS version " + incompatible.requires() + "; this one is " + incompatible.running() + ".");
        };
    }
}

package dev.scrollback.adapters.telnet.plugins;

import dev.scrollback.adapters.telnet.shared.CallerConsole;
import dev.scrollback.application.plugins.PluginSignatureRefused;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.domain.plugins.PluginRejected;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/** One clear line for every way a sysop's step on a plugin can be refused. Exhaustive: a new reason will not compile here. */
final class PluginRefusals {
    private PluginRefusals() {}

    static String explain(PluginRejected.Reason reason) {
        return switch (reason) {
            case PluginRejected.NoSuchPlugin none -> "There is no such plugin.";
            case PluginRejected.AlreadySubmitted again -> "This plugin was submitted already.";
            case PluginRejected.NotAllowed notAllowed -> "Your roles do not let you " + notAllowed.what() + ".";
            case PluginRejected.NotScanned notScanned -> "The plugin has not been scanned yet.";
            case PluginRejected.ScanFailed failed -> "The plugin's scan failed, so it cannot be approved: "
                    + String.join("; ", failed.findings());
            case PluginRejected.AlreadyReviewed reviewed -> "The plugin was reviewed already; its scan can no longer change.";
            case PluginRejected.NotApproved notApproved -> "Approve the plugin first.";
            case PluginRejected.NotPublished notPublished -> "Publish the plugin first.";
            case PluginRejected.NotInstalled notInstalled -> "Install the plugin first.";
            case PluginRejected.IncompatibleBbs incompatible -> "The plugin needs a BBS version " + incompatible.requires()
                    + "; this one is " + incompatible.running() + ".";
        };
    }

    /** The registry's own words, as a sentence: no trusted key verifies the signature, or the package is gone. */
    static String explain(PluginSignatureRefused refused) {
        var reason = refused.getMessage();
        return reason.substring(0, 1).toUpperCase(Locale.ROOT) + reason.substring(1) + ".";
    }

    /**
     * Runs {@code action}; a refusal is told in one line and gives empty. Two sysops acting on one plugin at the same
     * moment is a refusal too (one of them loses the append): look again and retry. Anything else is a fault and goes up
     * to the session, which apologises.
     */
    static <T> Optional<T> tried(CallerConsole console, Supplier<T> action) {
        try {
            return Optional.of(action.get());
        } catch (PluginRejected refused) {
            console.println(explain(refused.reason()));
        } catch (PluginSignatureRefused refused) {
            console.println(explain(refused));
        } catch (EventLog.Conflict conflict) {
            console.println("Someone changed this plugin at the same moment; look at it again, then retry.");
        }
        return Optional.empty();
    }
}

package dev.scrollback.bootstrap;

import dev.scrollback.application.audit.AuditChain;
import java.io.PrintStream;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * {@code java -jar scrollback.jar verify-audit}: walks the sealed log from position 1, recomputes the hash chain and
 * checks every signed checkpoint (decision 0020). Exit 0 and "verified N events, M checkpoints", or exit 1 naming the
 * first bad position and why. It only reads; on the embedded store, run it while the server is stopped.
 */
final class VerifyAuditCommand {
    private VerifyAuditCommand() {}

    static int run(String[] args, PrintStream out, PrintStream err, ToIntFunction<String> usage) {
        if (args.length > 0) return usage.applyAsInt("verify-audit takes no arguments: " + String.join(" ", args));
        try (var context = ScrollbackApplication.start(ScrollbackApplication.Mode.ADMIN, Map.of("logging.threshold.console", "OFF"))) {
            var result = context.getBean(AuditChain.class).verify();
            if (result.verified()) {
                out.println("verified " + result.events() + " events, " + result.checkpoints() + " checkpoints");
                return 0;
            }
            err.println("scrollback: the audit log does NOT verify: first bad position " + result.firstBadPosition().orElseThrow()
                    + ": " + result.reason().orElseThrow() + " (" + result.events() + " events and " + result.checkpoints()
                    + " checkpoints verified before it)");
            return 1;
        }
    }
}

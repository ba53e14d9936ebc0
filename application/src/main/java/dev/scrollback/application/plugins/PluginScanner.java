package dev.scrollback.application.plugins;

import dev.scrollback.domain.plugins.PluginCommand;
import dev.scrollback.domain.plugins.PluginManifest;
import java.util.ArrayList;
import java.util.List;

/**
 * Out-port: the automated scan of a submitted package (issue 6 item 5) — the code checked against its manifest by the
 * engine that would run it (a WebAssembly module's imports against the permissions, its memories and tables against the
 * limits; a script parsed), without running any of it.
 */
public interface PluginScanner {

    Verdict scan(PluginManifest manifest, byte[] code);

    /**
     * {@code passed}, or not with at least one finding; a passed scan may carry warnings. Findings come from engines and
     * quote what they read (a parser's message may hold the code it choked on), so each is made one line of at most
     * {@link PluginCommand.RecordScan#MAX_FINDING} characters, and at most {@link PluginCommand.RecordScan#MAX_FINDINGS}
     * are kept, as the record of a scan requires.
     */
    record Verdict(boolean passed, List<String> findings) {
        public Verdict {
            var lines = new ArrayList<String>();
            for (var finding : findings) {
                if (lines.size() == PluginCommand.RecordScan.MAX_FINDINGS - 1 && findings.size() > PluginCommand.RecordScan.MAX_FINDINGS) {
                    lines.add("… and " + (findings.size() - lines.size()) + " more");
                    break;
                }
                lines.add(oneLine(finding));
            }
            findings = List.copyOf(lines);
            if (!passed && findings.isEmpty()) throw new IllegalArgumentException("a failed scan says what it found");
        }

        private static String oneLine(String finding) {
            var line = finding.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}]+", " ").strip();
            if (line.isEmpty()) return "(an empty finding)";
            int max = PluginCommand.RecordScan.MAX_FINDING;
            return line.length() <= max ? line : line.substring(0, max - 1) + "…";
        }
    }
}

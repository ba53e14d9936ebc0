package dev.scrollback.adapters.telnet.plugins;

import dev.scrollback.application.plugins.Plugins.Status;
import java.util.List;

/** A sysop's step on one plugin version, with its hotkey; offered only where the lifecycle allows it. */
enum Step {
    RESCAN('R', "Rescan", "scanned"),
    APPROVE('A', "Approve", "approved"),
    PUBLISH('P', "Publish", "published"),
    INSTALL('I', "Install", "installed"),
    ENABLE('E', "Enable", "enabled"),
    DISABLE('D', "Disable", "disabled"),
    UNINSTALL('U', "Uninstall", "uninstalled");

    final char key;
    final String label;
    final String done;

    Step(char key, String label, String done) {
        this.key = key;
        this.label = label;
        this.done = done;
    }

    /**
     * What can be done from {@code status}; the decider is the judge (a stale list may offer a step that is refused),
     * this only keeps the menu to steps that make sense. A rescan is possible until approval; approving needs a passed scan.
     */
    static List<Step> from(Status status) {
        return switch (status) {
            case SUBMITTED, SCAN_FAILED -> List.of(RESCAN);
            case SCANNED -> List.of(APPROVE, RESCAN);
            case APPROVED -> List.of(PUBLISH);
            case PUBLISHED, UNINSTALLED -> List.of(INSTALL);
            case INSTALLED, DISABLED -> List.of(ENABLE, UNINSTALL);
            case ENABLED -> List.of(DISABLE, UNINSTALL);
        };
    }

    /** "[A] Approve" */
    String hotkey() {
        return "[" + key + "] " + label;
    }
}

package dev.scrollback.application.plugins;

import java.util.List;

/** A package that could not be submitted because its manifest could not be read: every problem, one line each. */
public final class PluginPackageRefused extends RuntimeException {
    private final List<String> problems;

    public PluginPackageRefused(List<String> problems) {
        super(String.join("; ", problems), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}

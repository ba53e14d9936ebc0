package dev.scrollback.domain.plugins;

import dev.scrollback.domain.shared.InvalidValue;
import java.util.List;
import java.util.Optional;

/**
 * A version as Semantic Versioning 2.0.0 writes it: {@code major.minor.patch}, an optional {@code -prerelease} of
 * dot-separated identifiers and an optional {@code +build} of dot-separated identifiers. Used for plugins and for the
 * BBS itself (what a plugin {@link VersionRange requires}).
 *
 * <p>Strict on purpose: no leading {@code v}, no spaces, ASCII only, no leading zeros in numeric parts (SemVer forbids
 * them, and {@code 1.01.0} next to {@code 1.1.0} would be two spellings of one version), numeric parts that fit a
 * {@code long}, at most {@value #MAX} characters.
 *
 * <p>{@link #compareTo} is SemVer precedence, which ignores build metadata; {@link #equals} does not, so
 * {@code 1.0.0+a} and {@code 1.0.0+b} are different values of equal precedence (as with {@code BigDecimal}'s scale).
 */
public final class PluginVersion implements Comparable<PluginVersion> {
    public static final int MAX = 64;

    private final long major;
    private final long minor;
    private final long patch;
    private final List<String> prerelease;
    private final Optional<String> build;

    private PluginVersion(long major, long minor, long patch, List<String> prerelease, Optional<String> build) {
        this.major = major;
        this.minor = minor;
        this.patch = patch;
        this.prerelease = List.copyOf(prerelease);
        this.build = build;
    }

    /** A release version without prerelease or build parts. */
    public static PluginVersion of(long major, long minor, long patch) {
        if (major < 0 || minor < 0 || patch < 0) throw invalid("major, minor and patch are never negative");
        return new PluginVersion(major, minor, patch, List.of(), Optional.empty());
    }

    public static PluginVersion parse(String text) {
        if (text == null || text.isEmpty()) throw invalid("is required");
        if (text.length() > MAX) throw invalid("must be at most " + MAX + " characters");
        var rest = text;
        Optional<String> build = Optional.empty();
        int plus = rest.indexOf('+');
        if (plus >= 0) {
            var meta = rest.substring(plus + 1);
            for (var id : identifiers(meta, "build metadata")) {
                if (id.isEmpty()) throw invalid("build metadata has an empty identifier");
            }
            build = Optional.of(meta);
            rest = rest.substring(0, plus);
        }
        List<String> prerelease = List.of();
        int dash = rest.indexOf('-');                 // the core has no hyphen, so the first one starts the prerelease
        if (dash >= 0) {
            prerelease = identifiers(rest.substring(dash + 1), "prerelease");
            for (var id : prerelease) {
                if (id.isEmpty()) throw invalid("prerelease has an empty identifier");
                if (numeric(id) && id.length() > 1 && id.charAt(0) == '0') {
                    throw invalid("numeric prerelease identifiers have no leading zeros");
                }
            }
            rest = rest.substring(0, dash);
        }
        var core = rest.split("\\.", -1);
        if (core.length != 3) throw invalid("must be major.minor.patch, like 1.4.0");
        return new PluginVersion(number(core[0], "major"), number(core[1], "minor"), number(core[2], "patch"),
                prerelease, build);
    }

    private static List<String> identifiers(String part, String what) {
        var ids = List.of(part.split("\\.", -1));
        for (var id : ids) {
            for (int i = 0; i < id.length(); i++) {
                char c = id.charAt(i);
                boolean allowed = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
                if (!allowed) throw invalid(what + " takes only ASCII letters, digits, hyphens and dots");
            }
        }
        return ids;
    }

    private static long number(String digits, String part) {
        if (digits.isEmpty() || !numeric(digits)) throw invalid(part + " must be a number, like 1.4.0");
        if (digits.length() > 1 && digits.charAt(0) == '0') throw invalid(part + " has a leading zero");
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw invalid(part + " is too large");
        }
    }

    private static boolean numeric(String id) {
        if (id.isEmpty()) return false;
        for (int i = 0; i < id.length(); i++) if (id.charAt(i) < '0' || id.charAt(i) > '9') return false;
        return true;
    }

    private static InvalidValue invalid(String what) {
        return new InvalidValue("version", what + " (Semantic Versioning 2.0.0, like 1.4.0 or 2.0.0-rc.1)");
    }

    public long major() {
        return major;
    }

    public long minor() {
        return minor;
    }

    public long patch() {
        return patch;
    }

    /** The prerelease identifiers, empty for a release. */
    public List<String> prerelease() {
        return prerelease;
    }

    public Optional<String> build() {
        return build;
    }

    public boolean isPrerelease() {
        return !prerelease.isEmpty();
    }

    /** The lowest version with this major, minor and patch: {@code M.m.p-0} is below every other prerelease of it. */
    PluginVersion lowestOfCore() {
        return new PluginVersion(major, minor, patch, List.of("0"), Optional.empty());
    }

    /** SemVer §11: core numerically, then a prerelease below its release, then identifier by identifier. */
    @Override
    public int compareTo(PluginVersion other) {
        int core = Long.compare(major, other.major);
        if (core == 0) core = Long.compare(minor, other.minor);
        if (core == 0) core = Long.compare(patch, other.patch);
        if (core != 0) return core;
        if (prerelease.isEmpty() || other.prerelease.isEmpty()) {
            return Boolean.compare(prerelease.isEmpty(), other.prerelease.isEmpty());
        }
        for (int i = 0; i < Math.min(prerelease.size(), other.prerelease.size()); i++) {
            int c = compareIdentifiers(prerelease.get(i), other.prerelease.get(i));
            if (c != 0) return c;
        }
        return Integer.compare(prerelease.size(), other.prerelease.size());
    }

    /**
     * Numeric identifiers compare as numbers, but may be longer than a {@code long}: without leading zeros, the longer
     * one is the larger, so comparing lengths first needs no parsing. Numbers rank below words.
     */
    private static int compareIdentifiers(String a, String b) {
        boolean an = numeric(a);
        boolean bn = numeric(b);
        if (an && bn) return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
        if (an != bn) return an ? -1 : 1;
        return a.compareTo(b);                        // ASCII only, so this is the spec's lexical order
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PluginVersion v && compareTo(v) == 0 && build.equals(v.build);
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        var text = new StringBuilder().append(major).append('.').append(minor).append('.').append(patch);
        if (!prerelease.isEmpty()) text.append('-').append(String.join(".", prerelease));
        build.ifPresent(b -> text.append('+').append(b));
        return text.toString();
    }
}

package dev.scrollback.domain.plugins;

import dev.scrollback.domain.shared.InvalidValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which versions of the BBS a plugin runs on: comma-separated comparators that must all hold, or {@code *} for any.
 * Comparators are {@code >=v}, {@code >v}, {@code <=v}, {@code <v}, {@code =v}, {@code ^v} (same major; for
 * {@code 0.x} same minor, since SemVer lets 0.x break anything, so {@code ^0.1.2} is {@code >=0.1.2, <0.2.0-0}, and
 * {@code ^0.0.3} is {@code >=0.0.3, <0.1.0-0}) and {@code ~v} (same minor). Example: {@code >=0.1.0, <0.2.0}.
 *
 * <p>Versions are compared by precedence alone, so a prerelease of the BBS is inside a range when its precedence is:
 * {@code <2.0.0} holds for {@code 2.0.0-rc.1}. Caret and tilde end just below the next major or minor's lowest
 * prerelease ({@code <2.0.0-0}), so {@code ^1.2.0} does not take {@code 2.0.0-alpha}. A bare version without an
 * operator is refused: some tools read it as {@code =} and others as {@code ^}, and a manifest should not be read two
 * ways. Ranges that plainly hold for no version ({@code >=2.0.0, <1.0.0}) are refused too. At most {@value #MAX}
 * characters.
 */
public final class VersionRange {
    public static final int MAX = 200;
    private static final String ANY = "*";

    private enum Op {
        GE(">="), LE("<="), GT(">"), LT("<"), EQ("=");

        final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        boolean holds(int comparison) {
            return switch (this) {
                case GE -> comparison >= 0;
                case LE -> comparison <= 0;
                case GT -> comparison > 0;
                case LT -> comparison < 0;
                case EQ -> comparison == 0;
            };
        }
    }

    private record Bound(Op op, PluginVersion version) {
        boolean holds(PluginVersion candidate) {
            return op.holds(candidate.compareTo(version));
        }
    }

    private final String text;
    private final List<Bound> bounds;

    private VersionRange(String text, List<Bound> bounds) {
        this.text = text;
        this.bounds = List.copyOf(bounds);
    }

    /** Any version at all. */
    public static VersionRange any() {
        return new VersionRange(ANY, List.of());
    }

    public static VersionRange parse(String raw) {
        if (raw == null || raw.isBlank()) throw invalid("is required (for example \">=0.1.0, <0.2.0\" or \"*\")");
        if (raw.length() > MAX) throw invalid("must be at most " + MAX + " characters");
        var input = raw.strip();
        if (input.equals(ANY)) return any();
        var canonical = new ArrayList<String>();
        var bounds = new ArrayList<Bound>();
        for (var part : input.split(",", -1)) {
            var comparator = part.strip();
            if (comparator.isEmpty()) throw invalid("has an empty comparator between commas");
            if (comparator.equals(ANY)) throw invalid("'*' stands alone, it cannot be combined with comparators");
            var symbol = operator(comparator);
            var version = version(comparator, comparator.substring(symbol.length()).strip());
            canonical.add(symbol + version);
            bounds.addAll(bounds(symbol, version));
        }
        if (empty(bounds)) throw invalid("'" + input + "' holds for no version");
        return new VersionRange(String.join(", ", canonical), bounds);
    }

    private static String operator(String comparator) {
        for (var symbol : List.of(">=", "<=", ">", "<", "=", "^", "~")) {
            if (comparator.startsWith(symbol)) return symbol;
        }
        throw invalid("'" + shown(comparator) + "' needs an operator: >=, >, <=, <, =, ^ or ~");
    }

    private static PluginVersion version(String comparator, String text) {
        try {
            return PluginVersion.parse(text);
        } catch (InvalidValue e) {
            throw invalid("'" + shown(comparator) + "': the version " + e.getMessage());
        }
    }

    private static List<Bound> bounds(String symbol, PluginVersion v) {
        return switch (symbol) {
            case ">=" -> List.of(new Bound(Op.GE, v));
            case "<=" -> List.of(new Bound(Op.LE, v));
            case ">" -> List.of(new Bound(Op.GT, v));
            case "<" -> List.of(new Bound(Op.LT, v));
            case "=" -> List.of(new Bound(Op.EQ, v));
            case "^" -> v.major() > 0
                    ? below(v, next(v.major()).map(m -> PluginVersion.of(m, 0, 0)))
                    : below(v, next(v.minor()).map(m -> PluginVersion.of(0, m, 0)));
            case "~" -> below(v, next(v.minor()).map(m -> PluginVersion.of(v.major(), m, 0)));
            default -> throw new IllegalStateException(symbol);
        };
    }

    /** From {@code v} up to just below {@code end}'s lowest prerelease; no end when the number cannot grow. */
    private static List<Bound> below(PluginVersion v, Optional<PluginVersion> end) {
        return end.map(e -> List.of(new Bound(Op.GE, v), new Bound(Op.LT, e.lowestOfCore())))
                .orElseGet(() -> List.of(new Bound(Op.GE, v)));
    }

    private static Optional<Long> next(long n) {
        return n == Long.MAX_VALUE ? Optional.empty() : Optional.of(n + 1);
    }

    /** Whether the tightest lower bound lies above the tightest upper one (or meets it where either end is open). */
    private static boolean empty(List<Bound> bounds) {
        Bound lower = null;
        Bound upper = null;
        for (var b : bounds) {
            if (b.op() != Op.LE && b.op() != Op.LT && (lower == null || tighterLower(b, lower))) lower = b;
            if (b.op() != Op.GE && b.op() != Op.GT && (upper == null || tighterUpper(b, upper))) upper = b;
        }
        if (lower == null || upper == null) return false;
        int c = lower.version().compareTo(upper.version());
        return c > 0 || (c == 0 && (lower.op() == Op.GT || upper.op() == Op.LT));
    }

    private static boolean tighterLower(Bound candidate, Bound current) {
        int c = candidate.version().compareTo(current.version());
        return c > 0 || (c == 0 && candidate.op() == Op.GT);
    }

    private static boolean tighterUpper(Bound candidate, Bound current) {
        int c = candidate.version().compareTo(current.version());
        return c < 0 || (c == 0 && candidate.op() == Op.LT);
    }

    /** Printable ASCII of what was given, so that an error message carries no control characters. */
    private static String shown(String text) {
        var out = new StringBuilder();
        text.codePoints().forEach(c -> out.append(c >= 0x20 && c < 0x7f ? (char) c : '?'));
        return out.toString();
    }

    private static InvalidValue invalid(String what) {
        return new InvalidValue("requires", what);
    }

    public boolean contains(PluginVersion version) {
        return bounds.stream().allMatch(b -> b.holds(version));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VersionRange r && r.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** The canonical form: comparators without inner spaces, joined by {@code ", "}; {@link #parse} reads it back. */
    @Override
    public String toString() {
        return text;
    }
}

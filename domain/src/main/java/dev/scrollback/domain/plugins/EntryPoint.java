package dev.scrollback.domain.plugins;

import dev.scrollback.domain.shared.InvalidValue;
import java.util.regex.Pattern;

/**
 * The file inside a plugin's package that the engine loads, like {@code plugin.wasm} or {@code dist/main.js}: a
 * relative path of ASCII letters, digits, {@code . _ -}, separated by {@code /}, with no empty, {@code .} or
 * {@code ..} segment, no leading {@code /}, no backslash or drive letter, at most {@value #MAX} characters. Nothing
 * it names can be outside the package. Whether its extension suits the engine is the manifest's check.
 */
public record EntryPoint(String value) {
    public static final int MAX = 128;
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public EntryPoint {
        if (value == null || value.isEmpty()) throw new InvalidValue("entry", "is required");
        if (value.length() > MAX) throw new InvalidValue("entry", "must be at most " + MAX + " characters");
        if (value.startsWith("/")) throw new InvalidValue("entry", "must be a path inside the package, not an absolute one");
        for (var segment : value.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                throw new InvalidValue("entry", "must not contain '.' or '..' segments");
            }
            if (!SEGMENT.matcher(segment).matches()) {
                throw new InvalidValue("entry", "must be file names of ASCII letters, digits, '.', '_' and '-' separated by '/'");
            }
        }
    }

    public boolean hasExtension(String extension) {
        return value.endsWith(extension) && value.length() > extension.length()
                && value.charAt(value.length() - extension.length() - 1) != '/';
    }

    @Override
    public String toString() {
        return value;
    }
}

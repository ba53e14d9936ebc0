package dev.scrollback.domain.plugins;

import dev.scrollback.domain.shared.InvalidValue;
import java.util.Locale;
import java.util.regex.Pattern;

/** The SHA-256 of a plugin's package as submitted, in lower-case hex: what a sysop approves is exactly these bytes. */
public record PackageSha256(String hex) {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    public PackageSha256 {
        if (hex == null || hex.length() != 64 || !HEX.matcher(hex.toLowerCase(Locale.ROOT)).matches()) {
            throw new InvalidValue("sha256", "must be 64 hexadecimal digits");
        }
        hex = hex.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return hex;
    }
}

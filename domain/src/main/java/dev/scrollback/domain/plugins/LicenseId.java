package dev.scrollback.domain.plugins;

import dev.scrollback.domain.shared.InvalidValue;
import java.util.regex.Pattern;

/**
 * A plugin's licence as an SPDX identifier ({@code MIT}, {@code Apache-2.0}, {@code LicenseRef-acme}), or a simple
 * SPDX expression of such identifiers joined by {@code AND}, {@code OR} or {@code WITH} ({@code MIT OR Apache-2.0}),
 * without parentheses; at most {@value #MAX} characters. The identifier is not checked against the SPDX list: that
 * list grows, and a sysop reads the licence anyway when approving.
 */
public record LicenseId(String value) {
    public static final int MAX = 64;
    private static final String ID = "[A-Za-z0-9][A-Za-z0-9.+-]*";
    private static final Pattern EXPRESSION = Pattern.compile(ID + "(?: (?:AND|OR|WITH) " + ID + ")*");

    public LicenseId {
        if (value == null || value.isEmpty()) throw new InvalidValue("license", "is required");
        if (value.length() > MAX || !EXPRESSION.matcher(value).matches()) {
            throw new InvalidValue("license", "must be an SPDX identifier like MIT or Apache-2.0, or identifiers joined by "
                    + "AND, OR or WITH, at most " + MAX + " characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}

package dev.scrollback.domain.accounts;

import dev.scrollback.domain.shared.InvalidValue;

/**
 * The shared key of an authenticator app (RFC 6238), Base32 without padding as in {@code otpauth://} URIs. The server
 * must keep it to check codes, so it is stored in the account's events, but never shown after enrolment and never in
 * the feed. Printed as {@code ***}.
 */
public record TotpSecret(String base32) implements StoredSecret {
    public TotpSecret {
        if (base32 == null || base32.length() < 16 || base32.length() > 128 || !base32.chars().allMatch(TotpSecret::isBase32)) {
            throw new InvalidValue("totpSecret", "is not a Base32 key of 16 to 128 characters");
        }
    }

    private static boolean isBase32(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7');
    }

    @Override
    public String toString() {
        return "***";
    }
}

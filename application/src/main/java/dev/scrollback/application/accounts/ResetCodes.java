package dev.scrollback.application.accounts;

import dev.scrollback.domain.accounts.EmailAddress;
import dev.scrollback.domain.accounts.PasswordHash;
import dev.scrollback.domain.accounts.SecretCheck;
import dev.scrollback.domain.shared.Handle;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Password reset codes: 16 random digits (53 bits), mailed in groups of four. The request carries only the code, so
 * the code itself must find its account: it is long enough to serve as its own key, and kept as a SHA-256 digest that
 * an index can look up (a slow, salted hash could not be looked up, and is not needed for a random value this long).
 */
public final class ResetCodes {
    public static final Duration VALIDITY = Duration.ofMinutes(30);
    static final int DIGITS = 16;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PREFIX = "$sha256$";

    private ResetCodes() {}

    /** A fresh code: {@code text} as mailed, {@code digest} as stored. */
    public record Issued(String text, PasswordHash digest) {
        @Override
        public String toString() {
            return "Issued[***]";
        }
    }

    public static Issued issue() {
        var text = next();
        return new Issued(text, digest(normalise(text).orElseThrow()));
    }

    /** The digest of what a caller typed, if it has the shape of a reset code. */
    public static Optional<PasswordHash> digestOf(String typed) {
        return normalise(typed).map(ResetCodes::digest);
    }

    /** A fresh code as mailed: {@code 1234-5678-9012-3456}. */
    static String next() {
        var digits = new StringBuilder(DIGITS + 3);
        for (int i = 0; i < DIGITS; i++) {
            if (i > 0 && i % 4 == 0) digits.append('-');
            digits.append((char) ('0' + RANDOM.nextInt(10)));
        }
        return digits.toString();
    }

    /** The 16 digits of what a caller typed, with any spaces and dashes dropped; empty if it is not a reset code. */
    public static Optional<String> normalise(String typed) {
        if (typed == null || typed.length() > 64) return Optional.empty();
        var digits = new StringBuilder(DIGITS);
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            if (c >= '0' && c <= '9') digits.append(c);
            else if (c != ' ' && c != '-') return Optional.empty();
        }
        return digits.length() == DIGITS ? Optional.of(digits.toString()) : Optional.empty();
    }

    /** The digest stored for a code (typed or mailed; grouping does not matter). */
    static PasswordHash digest(String normalisedDigits) {
        try {
            var sha = MessageDigest.getInstance("SHA-256").digest(("scrollback-reset:" + normalisedDigits).getBytes(StandardCharsets.US_ASCII));
            return new PasswordHash(PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(sha));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Compares in constant time, so how much of a guess matched does not show in the timing. */
    public static SecretCheck matching(PasswordHash typedDigest) {
        return stored -> MessageDigest.isEqual(stored.value().getBytes(StandardCharsets.US_ASCII),
                typedDigest.value().getBytes(StandardCharsets.US_ASCII));
    }

    public static Mail mail(EmailAddress to, Handle handle, String code, Instant expiresAt, boolean sysopRequired) {
        var why = sysopRequired
                ? "a sysop requires a new password for your Scrollback account, so your old one no longer logs in."
                : "someone (we hope you) asked to reset the password of your Scrollback account.";
        var text = """
                Hello %s,

                %s

                Your reset code is:

                    %s

                It works once, until %s (UTC). On telnet, type FORGOT at the handle prompt; on the web, send the code and
                your new password to POST /api/v1/password-resets/complete. Setting a new password ends every session
                of the account.

                If you did not ask for this, ignore this message: your password stays as it is.
                """.formatted(handle.value(), why, code, expiresAt);
        return new Mail(to, "Your Scrollback password reset code", text);     // never the code in the subject
    }
}

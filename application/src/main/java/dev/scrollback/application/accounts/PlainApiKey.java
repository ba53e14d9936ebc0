package dev.scrollback.application.accounts;

import dev.scrollback.domain.accounts.ApiKeyHash;
import dev.scrollback.domain.accounts.ApiKeyId;
import dev.scrollback.domain.shared.InvalidValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * An API key as its owner holds it: {@code sbk_<key id, 32 hex digits>_<52 Base32 characters, 260 random bits>}, 89
 * characters. The prefix lets a bearer credential be told from a JWT (and lets secret scanners find leaked keys); the
 * key id names the key's stream, so checking a key reads one stream and scans nothing. Shown once, never stored: only
 * its SHA-256 digest is. Printed as {@code ***}.
 */
public record PlainApiKey(String value) {
    public static final String PREFIX = "sbk_";
    private static final int ID_LENGTH = 32;
    private static final int SECRET_LENGTH = 52;
    public static final int LENGTH = PREFIX.length() + ID_LENGTH + 1 + SECRET_LENGTH;
    /** What is accepted for parsing at all: a little more than a key, so a wrong one is told apart, never a flood. */
    public static final int MAX_PRESENTED = 256;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
    private static final SecureRandom RANDOM = new SecureRandom();

    public PlainApiKey {
        Objects.requireNonNull(value, "value");
        if (value.length() > MAX_PRESENTED) throw new InvalidValue("apiKey", "is too long to be an API key");
    }

    /** Whether a bearer credential is meant as an API key (rather than an access token). */
    public static boolean looksLikeOne(String credential) {
        return credential.startsWith(PREFIX);
    }

    /** A fresh key for {@code id}. */
    static PlainApiKey fresh(ApiKeyId id) {
        var secret = new StringBuilder(SECRET_LENGTH);
        for (int i = 0; i < SECRET_LENGTH; i++) secret.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        return new PlainApiKey(PREFIX + id.compact() + "_" + secret);
    }

    /** The key id written in the key, when the key has the right shape; empty for anything else. */
    Optional<ApiKeyId> keyId() {
        if (value.length() != LENGTH || !value.startsWith(PREFIX) || value.charAt(PREFIX.length() + ID_LENGTH) != '_') {
            return Optional.empty();
        }
        var secret = value.substring(PREFIX.length() + ID_LENGTH + 1);
        if (!secret.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) return Optional.empty();
        return ApiKeyId.fromCompact(value.substring(PREFIX.length(), PREFIX.length() + ID_LENGTH));
    }

    /** The digest stored in place of the key. */
    ApiKeyHash digest() {
        return new ApiKeyHash(HexFormat.of().formatHex(sha256(value)));
    }

    /** Compares digests in constant time, so response times say nothing about how much of a guess was right. */
    boolean matches(ApiKeyHash stored) {
        return MessageDigest.isEqual(digest().sha256().getBytes(StandardCharsets.US_ASCII),
                stored.sha256().getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "***";
    }
}

package dev.scrollback.adapters.crypto.accounts;

import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An Argon2id hash in the PHC string format: {@code $argon2id$v=19$m=19456,t=3,p=1$<salt>$<hash>}, salt and hash in
 * standard Base64 without padding. Only the exact shape that we and the reference implementation write is read;
 * anything else (other algorithms, version 0x10, extra parameters, bcrypt strings) is not a hash we can check.
 */
record PhcArgon2idHash(Argon2Cost cost, byte[] salt, byte[] hash) {
    static final int MIN_SALT_BYTES = 8;      // the reference implementation's minimum
    static final int MIN_HASH_BYTES = 16;     // shorter tags would make guessed matches plausible
    static final int MAX_BYTES = 64;
    private static final int MAX_LENGTH = 512;
    private static final Pattern SHAPE = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,8}),t=(\\d{1,3}),p=(\\d{1,3})\\$([A-Za-z0-9+/]{11,86})\\$([A-Za-z0-9+/]{22,86})");

    static Optional<PhcArgon2idHash> parse(String encoded) {
        if (encoded == null || encoded.length() > MAX_LENGTH) return Optional.empty();
        var match = SHAPE.matcher(encoded);
        if (!match.matches()) return Optional.empty();
        try {                                 // digit counts above keep parseInt in range; Argon2Cost enforces the bounds
            var cost = new Argon2Cost(Integer.parseInt(match.group(1)), Integer.parseInt(match.group(2)),
                    Integer.parseInt(match.group(3)));
            var salt = canonicalBase64(match.group(4));
            var hash = canonicalBase64(match.group(5));
            if (salt.length < MIN_SALT_BYTES || salt.length > MAX_BYTES) return Optional.empty();
            if (hash.length < MIN_HASH_BYTES || hash.length > MAX_BYTES) return Optional.empty();
            return Optional.of(new PhcArgon2idHash(cost, salt, hash));
        } catch (IllegalArgumentException outOfBoundsOrNotBase64) {
            return Optional.empty();
        }
    }

    /** Java's decoder ignores set bits in the last character's unused tail; one hash has exactly one spelling. */
    private static byte[] canonicalBase64(String text) {
        var bytes = Base64.getDecoder().decode(text);
        if (!Base64.getEncoder().withoutPadding().encodeToString(bytes).equals(text)) {
            throw new IllegalArgumentException("not canonical Base64");
        }
        return bytes;
    }

    String encode() {
        var base64 = Base64.getEncoder().withoutPadding();
        return "$argon2id$v=19$m=%d,t=%d,p=%d$%s$%s".formatted(cost.memoryKiB(), cost.iterations(), cost.parallelism(),
                base64.encodeToString(salt), base64.encodeToString(hash));
    }
}

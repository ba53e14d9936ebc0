package dev.scrollback.adapters.crypto.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * Which {@link Argon2idFunction} this JVM hashes with, decided once and logged once (decision 0014): native libargon2
 * when it loads and gives the reference implementation's answer for a small known input, else Bouncy Castle. Both
 * give the same tags, so hashes made by either verify with the other.
 */
final class Argon2idChoice {
    private static final System.Logger LOG = System.getLogger(Argon2idChoice.class.getName());

    /** {@code echo -n "scrollback self-check" | argon2 "self-check-salt!" -id -t 2 -k 64 -p 2 -l 32 -r} (Debian's argon2). */
    static final byte[] KNOWN_PASSWORD = "scrollback self-check".getBytes(StandardCharsets.UTF_8);
    static final byte[] KNOWN_SALT = "self-check-salt!".getBytes(StandardCharsets.UTF_8);
    static final Argon2Cost KNOWN_COST = new Argon2Cost(64, 2, 2);     // two lanes; well under a millisecond
    static final byte[] KNOWN_TAG =
            HexFormat.of().parseHex("6cdab8c60c87bdb383a9c89634c417c2bd9a814429dae73435fdac2d8e6543c7");

    private Argon2idChoice() {}

    /** The implementation for this JVM; the first call decides and logs which. */
    static Argon2idFunction preferred() {
        return Preferred.FUNCTION;
    }

    private static final class Preferred {         // a holder: decided on first use, once, without locking
        static final Argon2idFunction FUNCTION = choose(NativeArgon2id::new);
    }

    /** {@code candidate} when it can be made and gives the known answer, else Bouncy Castle. */
    static Argon2idFunction choose(Supplier<Argon2idFunction> candidate) {
        String reason;
        try {
            var chosen = candidate.get();
            if (givesTheKnownAnswer(chosen)) {
                LOG.log(System.Logger.Level.INFO, "Argon2id password hashing: " + chosen.description());
                return chosen;
            }
            reason = chosen.description() + " gave a wrong answer for the known-answer check";
        } catch (LinkageError | RuntimeException notLoaded) {   // no library for this platform, no JNA, a refused call
            reason = "native libargon2 could not be used: " + notLoaded;
        }
        var fallback = new BouncyCastleArgon2id();
        LOG.log(System.Logger.Level.WARNING, "Argon2id password hashing: " + fallback.description()
                + " (slower, and every hash allocates its memory cost on the Java heap); " + reason);
        return fallback;
    }

    static boolean givesTheKnownAnswer(Argon2idFunction function) {
        return MessageDigest.isEqual(KNOWN_TAG,
                function.derive(KNOWN_PASSWORD.clone(), KNOWN_SALT.clone(), KNOWN_COST, KNOWN_TAG.length));
    }
}

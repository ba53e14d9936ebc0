package dev.scrollback.adapters.crypto.accounts;

/**
 * Argon2id, version 0x13, without a secret key or associated data: what {@link Argon2PasswordHasher} needs, with two
 * implementations that give the same tags ({@link NativeArgon2id}, {@link BouncyCastleArgon2id}; decision 0014).
 */
interface Argon2idFunction {

    /**
     * The {@code tagLength}-byte tag of {@code password} and {@code salt} at {@code cost}; leaves both arrays as given.
     * The password has at least one byte, as a {@code Secret} does (argon2-jvm refuses an empty one).
     */
    byte[] derive(byte[] password, byte[] salt, Argon2Cost cost, int tagLength);

    /** Which implementation this is, for the start-up log line. */
    String description();
}

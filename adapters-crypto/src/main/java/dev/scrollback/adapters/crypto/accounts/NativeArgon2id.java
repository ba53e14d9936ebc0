package dev.scrollback.adapters.crypto.accounts;

import de.mkammerer.argon2.Argon2Advanced;
import de.mkammerer.argon2.Argon2Factory;
import de.mkammerer.argon2.Argon2Version;

/**
 * The reference C implementation (libargon2) through argon2-jvm and JNA: its memory is allocated outside the Java heap
 * and zeroed by libargon2 when the hash is done. The first call loads the library, and throws a {@link LinkageError}
 * when it cannot be loaded on this platform.
 */
final class NativeArgon2id implements Argon2idFunction {
    private final Argon2Advanced argon2 = Argon2Factory.createAdvanced(Argon2Factory.Argon2Types.ARGON2id);

    /**
     * Through libargon2's context call rather than {@code argon2id_hash_raw}: argon2-jvm copies the password into
     * native memory of its own for it and zeroes that copy afterwards, where a plain {@code byte[]} argument would leave
     * JNI's copy unwiped. Only the tag comes back: we write and read the PHC string ourselves.
     */
    @Override
    public byte[] derive(byte[] password, byte[] salt, Argon2Cost cost, int tagLength) {
        return argon2.rawHashAdvanced(cost.iterations(), cost.memoryKiB(), cost.parallelism(), password, salt,
                null, null, tagLength, Argon2Version.V13);
    }

    @Override
    public String description() {
        return "native libargon2 (reference C implementation, through argon2-jvm and JNA)";
    }
}
